package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.binding.ConnectivityCredentials;
import io.github.camelbtp.connectivity.http.HttpHeader;
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
 */
public final class ConnectivityProxy {

    public static final String LOCATION_ID_HEADER = "SAP-Connectivity-SCC-Location_ID";

    private final ConnectivityCredentials credentials;
    /** The connectivity binding's token per tenant; {@code null} in trusted mode. */
    private final TenantTokens tenantTokens;

    ConnectivityProxy(ConnectivityCredentials credentials, TokenService tokens, Duration timeout) {
        this.credentials = credentials;
        this.tenantTokens = credentials.trusted() ? null
                : new TenantTokens(tokens, TokenRequest.forBinding(credentials.client(), timeout), "connectivity");
    }

    public ConnectivityCredentials credentials() {
        return credentials;
    }

    /** Whether the proxy runs in trusted mode (no connectivity token). */
    public boolean trusted() {
        return tenantTokens == null;
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
     * Adds {@code Proxy-Authorization} with the tenant's connectivity token ({@code null}: the provider's); nothing
     * when the proxy runs in trusted mode.
     */
    public void addProxyAuthorization(List<HttpHeader> headers, String tenant, String destinationName) {
        if (tenantTokens != null) {
            headers.add(new HttpHeader("Proxy-Authorization", tenantTokens.token(tenant, destinationName).bearer()));
        }
    }

    /** Adds the location ID header, when there is a location ID. */
    public static void addLocationId(List<HttpHeader> headers, String locationId) {
        if (locationId != null && !locationId.isEmpty()) {
            headers.add(new HttpHeader(LOCATION_ID_HEADER, locationId));
        }
    }

    /**
     * The headers of the hop to the proxy itself for the provider: the connectivity token (none in trusted mode) and
     * the location ID — what a token request to a token service behind the Cloud Connector and a readiness check need.
     *
     * @param destinationName for error messages; {@code null} when no destination is concerned
     */
    public List<HttpHeader> hopHeaders(String destinationName, String locationId) {
        List<HttpHeader> headers = new ArrayList<>(2);
        addProxyAuthorization(headers, null, destinationName);
        addLocationId(headers, locationId);
        return headers;
    }
}
