package io.github.camelbtp.connectivity.binding;

import java.net.URI;

/**
 * A client ID and secret with the token endpoint they are valid at. {@code toString()} masks the secret.
 *
 * @param tokenEndpoint the full token endpoint ({@code …/oauth/token})
 * @param uaaDomain     the binding's {@code uaadomain} ({@code host[:port]}, XSUAA's domain of every tenant's token
 *                      URL), or {@code null}: a subscriber's token URL is {@code https://<subdomain>.<uaadomain>}
 */
public record OAuthClientCredentials(URI tokenEndpoint, String clientId, String clientSecret, X509ClientCertificate x509,
        String uaaDomain) {

    /** Client ID and secret. */
    public OAuthClientCredentials(URI tokenEndpoint, String clientId, String clientSecret) {
        this(tokenEndpoint, clientId, clientSecret, null, null);
    }

    /** Without {@code uaadomain}. */
    public OAuthClientCredentials(URI tokenEndpoint, String clientId, String clientSecret, X509ClientCertificate x509) {
        this(tokenEndpoint, clientId, clientSecret, x509, null);
    }

    /**
     * The binding's client: with {@code certificate} and {@code key} (an X.509 binding) the token endpoint is
     * {@code certurl}/oauth/token and the certificate authenticates the client; else {@code clientsecret} at the
     * first of {@code urlKeys}.
     */
    static OAuthClientCredentials of(ServiceBinding binding, String... urlKeys) {
        String clientId = DestinationServiceCredentials.require(binding, "clientid");
        var certificate = binding.credential("certificate");
        var key = binding.credential("key");
        if (certificate.isPresent() && key.isPresent()) {
            String certUrl = DestinationServiceCredentials.require(binding, "certurl");
            return new OAuthClientCredentials(DestinationServiceCredentials.uri(binding, "certurl",
                    DestinationServiceCredentials.stripSlash(certUrl) + "/oauth/token"),
                    clientId, binding.credential("clientsecret").orElse(null), new X509ClientCertificate(certificate.get(), key.get()));
        }
        String url = DestinationServiceCredentials.require(binding, urlKeys);
        return new OAuthClientCredentials(DestinationServiceCredentials.uri(binding, urlKeys[0],
                DestinationServiceCredentials.stripSlash(url) + "/oauth/token"),
                clientId, DestinationServiceCredentials.require(binding, "clientsecret"), null,
                binding.credential("uaadomain").orElse(null));
    }

    @Override
    public String toString() {
        return "OAuthClientCredentials[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + ", clientSecret=****"
                + (x509 == null ? "" : ", x509=" + x509) + (uaaDomain == null ? "" : ", uaaDomain=" + uaaDomain) + "]";
    }
}
