package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.binding.ConnectivityCredentials;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.http.ProxyTokenRenewal;
import io.github.camelbtp.connectivity.http.ProxyAddress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Connectivity proxy of the application's connectivity binding (or a proxy in trusted mode) and how a request
 * authenticates to it: {@code Proxy-Authorization: Bearer <connectivity token>} of the request's tenant (none in
 * trusted mode) and {@code SAP-Connectivity-SCC-Location_ID} [consuming-the-connectivity-service-313b215]. The HTTP
 * and SOCKS5 dispatches use it for application traffic, {@link TokenService} for token services behind the Cloud
 * Connector ({@code tokenServiceURL.ProxyType=OnPremise}), so the hop is described in one place and both share one
 * cached connectivity token per tenant. Created by {@link TokenService} (which it fetches its tokens from), never the
 * other way round.
 * <p>
 * Kyma's Connectivity Proxy in <em>multi-tenant trusted</em> mode has proxy authorization off but serves several
 * tenants: the request names its tenant with {@code SAP-CP-Connectivity-Service-Token: <the tenant's connectivity
 * token>} (the JWT itself, no {@code Bearer}, as SAP's verification examples send it), which it must send; the user
 * then travels only as {@code SAP-Connectivity-Authentication} [operational-modes-148bbad,
 * using-the-connectivity-proxy-f3c1ef4].
 */
public final class ConnectivityProxy {

    public static final String LOCATION_ID_HEADER = "SAP-Connectivity-SCC-Location_ID";
    /** Kyma's multi-tenant trusted mode: the header naming the tenant with its connectivity token. */
    public static final String SERVICE_TOKEN_HEADER = "SAP-CP-Connectivity-Service-Token";

    private final ConnectivityCredentials credentials;
    /** The connectivity binding's token per tenant; {@code null} in trusted mode. */
    private final TenantTokens tenantTokens;

    /** Kyma's multi-tenant trusted mode: no Proxy-Authorization, the tenant's token as {@link #SERVICE_TOKEN_HEADER}. */
    private final boolean trustedMultiTenant;

    ConnectivityProxy(ConnectivityCredentials credentials, TokenService tokens, Duration timeout, boolean trustedMultiTenant) {
        if (trustedMultiTenant && credentials.trusted()) {
            throw new DestinationConfigurationException(null, "trustedMultiTenantProxy", "is true, but the connectivity"
                    + " binding has no client (clientid, clientsecret, token_service_url): in multi-tenant trusted mode"
                    + " every request names its tenant with that tenant's connectivity token, which the binding's client"
                    + " obtains. Mount a service key of the connectivity_proxy instance as the 'connectivity' binding,"
                    + " or turn trustedMultiTenantProxy off for a single-tenant trusted proxy.");
        }
        this.credentials = credentials;
        this.trustedMultiTenant = trustedMultiTenant;
        this.tenantTokens = credentials.trusted() ? null
                : TenantTokens.forBinding(tokens, credentials.client(), timeout, "connectivity");
    }

    /** Whether the proxy runs in Kyma's multi-tenant trusted mode (see the class comment). */
    public boolean trustedMultiTenant() {
        return trustedMultiTenant;
    }

    public ConnectivityCredentials credentials() {
        return credentials;
    }

    /** Whether the proxy runs in trusted mode (no {@code Proxy-Authorization}), single- or multi-tenant. */
    public boolean trusted() {
        return tenantTokens == null || trustedMultiTenant;
    }

    /** The connectivity binding's tokens per tenant; {@code null} in trusted mode. */
    public TenantTokens tenantTokens() {
        return tenantTokens;
    }

    /** The proxy's HTTP port. */
    public ProxyAddress httpProxy() {
        return new ProxyAddress(credentials.proxyHost(), credentials.httpProxyPort());
    }

    /**
     * Adds what tells the proxy who calls for which tenant ({@code null}: the provider): {@code Proxy-Authorization}
     * with the tenant's connectivity token; in multi-tenant trusted mode that token as {@link #SERVICE_TOKEN_HEADER};
     * nothing in single-tenant trusted mode.
     */
    public void addProxyAuthorization(List<HttpHeader> headers, String tenant, String destinationName) {
        if (tenantTokens == null) {
            return;
        }
        AccessToken token = tenantTokens.token(tenant, destinationName);
        headers.add(trustedMultiTenant ? new HttpHeader(SERVICE_TOKEN_HEADER, token.value())
                : new HttpHeader("Proxy-Authorization", token.bearer()));
    }

    /**
     * How a {@code 407} of the proxy gets a fresh {@code Proxy-Authorization} for {@code tenant}: the cached
     * connectivity token is forgotten and a new one fetched. {@code null} in trusted mode, where no token is sent as
     * {@code Proxy-Authorization}.
     */
    public ProxyTokenRenewal proxyTokenRenewal(String tenant, String destinationName) {
        if (trusted()) {
            return null;
        }
        return () -> {
            tenantTokens.forget(tenant, destinationName);
            return new HttpHeader("Proxy-Authorization", tenantTokens.token(tenant, destinationName).bearer());
        };
    }

    /** Adds the location ID header, when there is a location ID. */
    public static void addLocationId(List<HttpHeader> headers, String locationId) {
        if (locationId != null && !locationId.isEmpty()) {
            headers.add(new HttpHeader(LOCATION_ID_HEADER, locationId));
        }
    }

    /**
     * The headers of the hop to the proxy itself for the provider: the connectivity token (none in trusted mode) and
     * the location ID — what a readiness check needs.
     *
     * @param destinationName for error messages; {@code null} when no destination is concerned
     */
    public List<HttpHeader> hopHeaders(String destinationName, String locationId) {
        return hopHeaders(null, destinationName, locationId);
    }

    /**
     * The headers of the hop to the proxy itself for {@code tenant} ({@code null}: the provider): what a token request
     * to a token service behind that tenant's Cloud Connector needs.
     */
    public List<HttpHeader> hopHeaders(String tenant, String destinationName, String locationId) {
        List<HttpHeader> headers = new ArrayList<>(2);
        addProxyAuthorization(headers, tenant, destinationName);
        addLocationId(headers, locationId);
        return headers;
    }
}
