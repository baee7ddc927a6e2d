package io.github.camelbtp.connectivity.dispatch;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.auth.ConnectivityProxy;
import io.github.camelbtp.connectivity.auth.TenantTokens;
import io.github.camelbtp.connectivity.binding.ConnectivityCredentials;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.socks.SapSocks5SocketFactory;

import java.time.Duration;

/**
 * {@code ProxyType: OnPremise} MAIL, LDAP and TCP destinations: sockets through the Connectivity Service's SOCKS5
 * proxy ({@code onpremise_proxy_host:onpremise_socks5_proxy_port}) with SAP's authentication method {@code 0x80}
 * [using-the-tcp-protocol-for-cloud-applications-cd15837]. The connectivity token comes from the same
 * {@link TokenService} cache as the HTTP proxy's, and it is the current tenant's likewise: the token decides the
 * subaccount, hence the Cloud Connector [consuming-the-connectivity-service-313b215]; see {@link TenantTokens}.
 * <p>
 * A proxy in trusted mode (Kyma; no client in the binding) disables proxy authorization on SOCKS5 too
 * [configuration-guide-eaa8204, connectivity-proxy-in-the-kyma-environment-8dd1690]: no connectivity token is asked
 * for, and the socket offers "no authentication" besides SAP's {@code 0x80}. The location ID travels only in SAP's
 * {@code 0x80} authentication step, and SAP documents no other place for it on SOCKS5, so a destination with a
 * {@code CloudConnectorLocationId} is refused in trusted mode rather than silently sent to the default Cloud Connector.
 */
public final class OnPremiseSocksDispatch implements Dispatch {

    private final ConnectivityCredentials connectivity;
    /** The connectivity binding's token per tenant; {@code null} in trusted mode. */
    private final TenantTokens tenantTokens;
    private final Duration connectTimeout;
    private final Duration failoverRetryWindow;

    public OnPremiseSocksDispatch(ConnectivityProxy proxy, Duration connectTimeout) {
        this(proxy, connectTimeout, Duration.ZERO);
    }

    /**
     * @param failoverRetryWindow how long connects answered "no Cloud Connector" (reply 03) or cut during the
     *                            handshake are tried again, as during a Cloud Connector failover; zero: never
     */
    public OnPremiseSocksDispatch(ConnectivityProxy proxy, Duration connectTimeout, Duration failoverRetryWindow) {
        this.failoverRetryWindow = failoverRetryWindow;
        this.connectivity = proxy.credentials();
        this.connectTimeout = connectTimeout;
        // the very tokens the HTTP dispatch uses, so both share one cached token per tenant (and X.509 bindings
        // work here too)
        this.tenantTokens = proxy.tenantTokens();
    }

    /**
     * A socket factory for the destination's traffic through the Cloud Connector of the request's tenant's subaccount
     * (no tenant: the provider's).
     */
    @Override
    public DispatchPlan plan(Destination destination, DestinationOptions options) {
        return new DispatchPlan(null, java.util.List.of(), socketFactory(destination, options.tenant()), true);
    }

    private SapSocks5SocketFactory socketFactory(Destination destination, String tenant) {
        if (!connectivity.hasSocks5Proxy()) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.PROXY_TYPE, "is OnPremise"
                    + " and the destination is of type " + destination.type() + ", which travels through the"
                    + " Connectivity Service's SOCKS5 proxy, but the connectivity binding has no"
                    + " 'onpremise_socks5_proxy_port'. Bind a Connectivity Service instance that offers it (on Kyma the"
                    + " connectivity proxy's SOCKS5 port is 20004).");
        }
        String name = destination.name();
        if (tenantTokens == null) {
            if (!destination.locationId().isEmpty()) {
                throw new DestinationConfigurationException(name, DestinationProperty.LOCATION_ID, "is '"
                        + destination.locationId() + "', but the Connectivity proxy runs in trusted mode (the"
                        + " connectivity binding has no client), and on SOCKS5 a location ID travels only in SAP's"
                        + " authentication method 0x80 together with a connectivity token; SAP documents no other way to"
                        + " send it. Without it the connection would reach the Cloud Connector without a location ID, not"
                        + " the one this destination names. Bind the Connectivity Service with client credentials for"
                        + " this " + destination.type() + " destination, or remove CloudConnectorLocationId if the"
                        + " Cloud Connector without a location ID is the right one.");
            }
            return new SapSocks5SocketFactory(connectivity.proxyHost(), connectivity.socks5ProxyPort(), null, "", name,
                    connectTimeout, failoverRetryWindow);
        }
        return new SapSocks5SocketFactory(connectivity.proxyHost(), connectivity.socks5ProxyPort(),
                () -> tenantTokens.token(tenant, name).value(), destination.locationId(), name, connectTimeout,
                failoverRetryWindow);
    }
}
