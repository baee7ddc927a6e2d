package io.github.camelbtp.sandbox.connectivity;

import io.github.camelbtp.sandbox.destination.Tenants;
import io.github.camelbtp.sandbox.observe.Counters;
import io.github.camelbtp.sandbox.observe.RecordedRequests;
import io.github.camelbtp.sandbox.token.TokenAuthority;

/**
 * The Connectivity Service of the sandbox's subaccount: its HTTP proxy ({@code onpremise_proxy_http_port}), its SOCKS5
 * proxy ({@code onpremise_socks5_proxy_port}) and the Cloud Connectors both reach on-premise systems through. The
 * connectivity binding's client ({@code connectivityClientId}) is whose tokens the proxies accept.
 */
public final class ConnectivityService implements AutoCloseable {

    private final CloudConnector cloudConnector;
    private final ConnectivityProxy httpProxy;
    private final Socks5Proxy socks5Proxy;

    public ConnectivityService(TokenAuthority authority, String connectivityClientId, String subaccountId,
            CloudConnector cloudConnector, Tenants tenants, Counters counters, RecordedRequests proxyRequests) {
        this.cloudConnector = cloudConnector;
        this.httpProxy = new ConnectivityProxy(authority, connectivityClientId, subaccountId, cloudConnector, tenants,
                counters, proxyRequests);
        try {
            this.socks5Proxy = new Socks5Proxy(authority, connectivityClientId, subaccountId, cloudConnector, tenants);
        } catch (RuntimeException | Error e) {
            httpProxy.close();
            throw e;
        }
    }

    /** Starts accepting on both proxies. */
    public ConnectivityService start() {
        httpProxy.start();
        socks5Proxy.start();
        return this;
    }

    /** The proxies' host ({@code onpremise_proxy_host}), always {@code 127.0.0.1}. */
    public String proxyHost() {
        return "127.0.0.1";
    }

    /** The HTTP proxy's port ({@code onpremise_proxy_http_port}). */
    public int httpProxyPort() {
        return httpProxy.port();
    }

    /** The SOCKS5 proxy for MAIL, LDAP and TCP ({@code onpremise_socks5_proxy_port}). */
    public Socks5Proxy socks5Proxy() {
        return socks5Proxy;
    }

    /** The subaccount's Cloud Connectors: mappings, allow-lists, connected flags, audit log. */
    public CloudConnector cloudConnector() {
        return cloudConnector;
    }

    /**
     * Both proxies in trusted mode, as Kyma runs them for one subaccount: HTTP requests without
     * {@code Proxy-Authorization} are accepted as the subaccount's (a token, when sent, still decides the user of the
     * recommended principal propagation); proxy authorization is off on the SOCKS5 proxy as well
     * [configuration-guide-eaa8204], so it selects "no authentication" ({@code 0x00}) when offered and still takes
     * SAP's {@code 0x80}.
     */
    public ConnectivityService trustedMode(boolean trusted) {
        httpProxy.trustedMode(trusted);
        httpProxy.multiTenant(false);
        socks5Proxy.trustedMode(trusted);
        return this;
    }

    /**
     * Both proxies in Kyma's multi-tenant trusted mode [operational-modes-148bbad]: proxy authorization is off, and
     * an HTTP request names its tenant with {@code SAP-CP-Connectivity-Service-Token: <connectivity token>}, whose
     * zone picks the subaccount's Cloud Connectors (400 without a valid one). The SOCKS5 proxy runs in trusted mode;
     * SAP's 0x80 authentication still carries a token.
     */
    public ConnectivityService trustedMultiTenantMode(boolean on) {
        trustedMode(on);
        httpProxy.multiTenant(on);
        return this;
    }

    /**
     * A fault: the HTTP proxy logs every request of a client connection on as the first user propagated on it, as a
     * Cloud Connector side did for SAP's JavaScript SDK (cloud-sdk-js #6715) — a client that reuses one keep-alive
     * connection for several users then shows a user arriving as another.
     */
    public ConnectivityService bindConnectionsToFirstUser(boolean bind) {
        httpProxy.bindConnectionsToFirstUser(bind);
        return this;
    }

    /**
     * The Cloud Connector of every location of this subaccount fails over from its serving instance (the master at
     * first) to the other (the shadow) [facts §8]: for {@code outage} the HTTP proxy answers 503 and the SOCKS5 proxy
     * reply {@code 03} ("no Cloud Connector connected"), open keep-alive connections and SOCKS5 tunnels that went
     * through the old instance are closed, then the other instance serves. One location:
     * {@code cloudConnector().connector(locationId).failover(outage)}.
     */
    public ConnectivityService failover(java.time.Duration outage) {
        cloudConnector.failover(outage);
        return this;
    }

    /** Makes both proxies read the sandbox's fault switches ({@code Sandbox.faults()}) on every request. */
    public ConnectivityService faults(io.github.camelbtp.sandbox.observe.Faults faults) {
        httpProxy.faults(faults);
        socks5Proxy.faults(faults);
        return this;
    }

    /** Client connections the HTTP proxy accepted since the start. */
    public long acceptedConnections() {
        return httpProxy.acceptedConnections();
    }

    /** Client connections of the HTTP proxy open now. */
    public int openConnections() {
        return httpProxy.openConnections();
    }

    /**
     * The most client connections the HTTP proxy had open at the same time since the start: a client can compare it
     * with its connection pool's size (benchmarks' LoadHarness does).
     */
    public int mostOpenConnections() {
        return httpProxy.mostOpenConnections();
    }

    /** Trusted mode and faults off, failover outages ended, the SOCKS5 proxy's counters and forced answers cleared. */
    public void reset() {
        trustedMode(false);
        bindConnectionsToFirstUser(false);
        cloudConnector.endOutages();
        socks5Proxy.reset();
    }

    @Override
    public void close() {
        try {
            socks5Proxy.close();
        } finally {
            httpProxy.close();
        }
    }
}
