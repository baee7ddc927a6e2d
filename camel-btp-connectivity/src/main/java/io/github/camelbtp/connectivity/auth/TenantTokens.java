package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.TokenSource;
import io.github.camelbtp.connectivity.destination.BindingToken;
import io.github.camelbtp.connectivity.destination.SubscriberTokenUrl;

import java.net.URI;

/**
 * A service binding's client-credentials token for the current tenant — the one rule the Destination Service lookup
 * and the on-premise hops (HTTP and SOCKS5 through the Connectivity proxy) share. A BTP service answers for the
 * subaccount of the token's identity zone: the Destination Service reads that subaccount's destinations
 * [multitenancy-in-the-destination-service-4e07f25], and the Connectivity proxy picks that subaccount's Cloud
 * Connector [consuming-the-connectivity-service-313b215]. A subscriber's request therefore needs the subscriber's own
 * token, never the provider's:
 * <ul>
 * <li>no tenant: the provider's token, from the binding's token URL;</li>
 * <li>a subdomain: from the subscriber's token URL {@code https://<subdomain>.<uaadomain>/oauth/token}
 * ({@link SubscriberTokenUrl});</li>
 * <li>a tenant ID (a token's {@code zid}): from the provider's token URL with {@code x-zid: <tenant id>}, which makes
 * XSUAA issue the subscriber's token (what the SAP Cloud SDK for Java does).</li>
 * </ul>
 * URL and {@code x-zid} are part of the {@link TokenRequest}, so {@link TokenService} caches one token per tenant.
 * Thread-safe.
 */
public final class TenantTokens implements BindingToken {

    /** XSUAA's request header naming the tenant (zone) ID a client-credentials token is issued for. */
    public static final String TENANT_ID_HEADER = "x-zid";

    private final TokenService tokens;
    private final TokenRequest providerRequest;
    private final String binding;
    private final String uaaDomain;

    /**
     * @param binding the binding's label for messages, e.g. {@code destination} or {@code connectivity}
     */
    public TenantTokens(TokenService tokens, TokenRequest providerRequest, String binding) {
        this(tokens, providerRequest, binding, null);
    }

    /**
     * @param binding   the binding's label for messages, e.g. {@code destination} or {@code connectivity}
     * @param uaaDomain the binding's {@code uaadomain}, or {@code null}: subscribers' token URLs are built from it
     */
    public TenantTokens(TokenService tokens, TokenRequest providerRequest, String binding, String uaaDomain) {
        this.tokens = tokens;
        this.providerRequest = providerRequest;
        this.binding = binding;
        this.uaaDomain = uaaDomain;
    }

    /** For the binding {@code credentials} of {@code binding}: its client's token request and {@code uaadomain}. */
    public static TenantTokens forBinding(TokenService tokens, io.github.camelbtp.connectivity.binding.OAuthClientCredentials
            credentials, java.time.Duration timeout, String binding) {
        // an X.509 client's token URL is certurl, whose domain (authentication.cert.…) differs from uaadomain
        return new TenantTokens(tokens, TokenRequest.forBinding(credentials, timeout), binding,
                credentials.x509() == null ? credentials.uaaDomain() : null);
    }

    /** The provider's request (no tenant). */
    public TokenRequest providerRequest() {
        return providerRequest;
    }

    /**
     * The token request for {@code tenant} ({@code null}: the provider).
     *
     * @throws DestinationConfigurationException when the tenant is neither a subdomain nor a tenant ID
     */
    public TokenRequest requestFor(String tenant, String destinationName) {
        if (tenant == null) {
            return providerRequest;
        }
        if (SubscriberTokenUrl.isTenantId(tenant)) {
            return providerRequest.withHeader(TENANT_ID_HEADER, tenant);
        }
        if (SubscriberTokenUrl.isSubdomain(tenant)) {
            return providerRequest.withTokenEndpoint(SubscriberTokenUrl.of(providerRequest.tokenEndpoint(), uaaDomain,
                    tenant, binding, destinationName));
        }
        throw new DestinationConfigurationException(destinationName, null, "the request's tenant '" + tenant
                + "' is neither a subdomain (lower-case letters, digits and '-', e.g. 'acme') nor a tenant ID (the GUID"
                + " in a token's zid claim). Pass one of the two in the tenant header (btp-destination: the tenantHeader"
                + " option).");
    }

    /** The tenant's token (cached). */
    public AccessToken token(String tenant, String destinationName) {
        return token(requestFor(tenant, destinationName), tenant, destinationName);
    }

    @Override
    public String value(String tenant, String destinationName) {
        return token(tenant, destinationName).value();
    }

    @Override
    public void forget(String tenant, String destinationName) {
        tokens.invalidate(requestFor(tenant, destinationName));
    }

    /**
     * The token for a request made by {@link #requestFor} (perhaps with another grant); a failure for a subscriber
     * names the tenant and where the token was asked for.
     */
    public AccessToken token(TokenRequest request, String tenant, String destinationName) {
        TokenSource source = "connectivity".equals(binding) ? TokenSource.CONNECTIVITY : TokenSource.DESTINATION_SERVICE;
        if (tenant == null) {
            return tokens.token(request, destinationName, source);
        }
        try {
            return tokens.token(request, destinationName, source);
        } catch (TokenException e) {
            URI url = request.tokenEndpoint();
            String where = url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
            String how = request.headers().containsKey(TENANT_ID_HEADER)
                    ? "for tenant ID '" + tenant + "' (" + TENANT_ID_HEADER + ") from the provider's token URL " + where
                    : "for tenant '" + tenant + "' from the subscriber's token URL " + where;
            throw new TokenException(destinationName, e.tokenServiceHost(), e.errorCode(), "Cannot get the " + binding
                    + " binding's token " + how + ": " + e.getMessage() + " Check that the tenant header carries the"
                    + " subdomain or tenant ID of a subaccount subscribed to this application.", e);
        }
    }
}
