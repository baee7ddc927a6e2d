package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.binding.OAuthClientCredentials;
import io.github.camelbtp.connectivity.tls.ClientKey;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Everything that defines an OAuth 2.0 client-credentials token request. Being a record, it is also the token
 * cache key: two requests that would yield different tokens never share one. {@code toString()} masks the secret.
 *
 * @param tokenEndpoint        full token URL, including {@code tokenServiceURL.queries.*}
 * @param clientId             client ID
 * @param clientSecret         client secret; {@code null} when the client authenticates with its certificate alone
 * @param credentialsInBody    client authentication in the form body ({@code client_secret_post}) rather than Basic
 * @param scope                space-separated scopes, or {@code null}
 * @param headers              extra request headers ({@code tokenServiceURL.headers.*})
 * @param bodyParameters       extra form parameters ({@code tokenService.body.*})
 * @param connectTimeout       connect timeout to the token service
 * @param readTimeout          read timeout
 * @param grant                the grant; {@link TokenGrant#CLIENT_CREDENTIALS} unless a flow needs another
 * @param clientCertificate    a certificate presented in the TLS handshake (an X.509 binding's, or a destination's
 *                             {@code tokenService.KeyStoreLocation}); without a secret it is the client's
 *                             authentication ({@code tls_client_auth}); {@code null} for plain TLS
 * @param cloudConnectorLocation {@code null} for a token service reached directly; otherwise the token service is
 *                             behind the Cloud Connector ({@code tokenServiceURL.ProxyType=OnPremise}) and this is the
 *                             location ID to route through ({@code ""} for none)
 * @param hopTenant            for a token service behind the Cloud Connector: the tenant whose Cloud Connector it is
 *                             reached through ({@code null}: the provider). The connectivity token of the hop is that
 *                             tenant's [consuming-the-connectivity-service-313b215], and, as part of the cache key, one
 *                             tenant's token never serves another's (two subscribers may name the same virtual host)
 */
public record TokenRequest(URI tokenEndpoint, String clientId, String clientSecret, boolean credentialsInBody, String scope,
        Map<String, String> headers, Map<String, String> bodyParameters, Duration connectTimeout, Duration readTimeout,
        TokenGrant grant, ClientKey clientCertificate, String cloudConnectorLocation, String hopTenant) {

    public TokenRequest {
        headers = Map.copyOf(headers);
        bodyParameters = Map.copyOf(bodyParameters);
        grant = grant == null ? TokenGrant.CLIENT_CREDENTIALS : grant;
    }

    /** A request for the provider (no tenant of the Cloud Connector hop). */
    public TokenRequest(URI tokenEndpoint, String clientId, String clientSecret, boolean credentialsInBody, String scope,
            Map<String, String> headers, Map<String, String> bodyParameters, Duration connectTimeout, Duration readTimeout,
            TokenGrant grant, ClientKey clientCertificate, String cloudConnectorLocation) {
        this(tokenEndpoint, clientId, clientSecret, credentialsInBody, scope, headers, bodyParameters, connectTimeout,
                readTimeout, grant, clientCertificate, cloudConnectorLocation, null);
    }

    /** A request to a token service reached directly. */
    public TokenRequest(URI tokenEndpoint, String clientId, String clientSecret, boolean credentialsInBody, String scope,
            Map<String, String> headers, Map<String, String> bodyParameters, Duration connectTimeout, Duration readTimeout,
            TokenGrant grant, ClientKey clientCertificate) {
        this(tokenEndpoint, clientId, clientSecret, credentialsInBody, scope, headers, bodyParameters, connectTimeout,
                readTimeout, grant, clientCertificate, null);
    }

    /** Whether the token service is behind the Cloud Connector. */
    public boolean onPremise() {
        return cloudConnectorLocation != null;
    }

    /** A client-credentials request. */
    public TokenRequest(URI tokenEndpoint, String clientId, String clientSecret, boolean credentialsInBody, String scope,
            Map<String, String> headers, Map<String, String> bodyParameters, Duration connectTimeout, Duration readTimeout) {
        this(tokenEndpoint, clientId, clientSecret, credentialsInBody, scope, headers, bodyParameters, connectTimeout,
                readTimeout, TokenGrant.CLIENT_CREDENTIALS, null);
    }

    /** A client-credentials request of a service binding's client, by secret or by X.509 certificate. */
    public static TokenRequest forBinding(OAuthClientCredentials client, Duration timeout) {
        // XSUAA accepts the client in the Basic header; SAP's SDKs send it so as well
        return new TokenRequest(client.tokenEndpoint(), client.clientId(), client.clientSecret(), false, null, Map.of(),
                Map.of(), timeout, timeout, TokenGrant.CLIENT_CREDENTIALS, client.x509());
    }

    /** The same client and token service with another grant. */
    public TokenRequest withGrant(TokenGrant newGrant) {
        return new TokenRequest(tokenEndpoint, clientId, clientSecret, credentialsInBody, scope, headers, bodyParameters,
                connectTimeout, readTimeout, newGrant, clientCertificate, cloudConnectorLocation, hopTenant);
    }

    /** The same request sent to another token endpoint (a tenant's, for {@code tokenServiceURLType=Common}). */
    public TokenRequest withTokenEndpoint(URI endpoint) {
        return new TokenRequest(endpoint, clientId, clientSecret, credentialsInBody, scope, headers, bodyParameters,
                connectTimeout, readTimeout, grant, clientCertificate, cloudConnectorLocation, hopTenant);
    }

    /**
     * The same request, reached through {@code tenant}'s Cloud Connector when the token service is behind one; a token
     * service reached directly is unaffected (its URL already names the tenant where it matters).
     */
    public TokenRequest withHopTenant(String tenant) {
        if (!onPremise()) {
            return this;
        }
        return new TokenRequest(tokenEndpoint, clientId, clientSecret, credentialsInBody, scope, headers, bodyParameters,
                connectTimeout, readTimeout, grant, clientCertificate, cloudConnectorLocation, tenant);
    }

    /** The same request with one more request header (e.g. XSUAA's {@code x-zid}, which selects the tenant). */
    public TokenRequest withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new TokenRequest(tokenEndpoint, clientId, clientSecret, credentialsInBody, scope, more, bodyParameters,
                connectTimeout, readTimeout, grant, clientCertificate, cloudConnectorLocation, hopTenant);
    }

    @Override
    public String toString() {
        return "TokenRequest[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + ", credentialsInBody="
                + credentialsInBody + ", scope=" + scope + ", headers=" + headers.keySet() + ", bodyParameters="
                + bodyParameters.keySet() + ", grant=" + grant + ", clientSecret=****"
                + (clientCertificate == null ? "" : ", clientCertificate=" + clientCertificate)
                + (cloudConnectorLocation == null ? "" : ", cloudConnectorLocation=" + cloudConnectorLocation)
                + (hopTenant == null ? "" : ", hopTenant=" + hopTenant) + "]";
    }
}
