package io.github.camelbtp.connectivity.dispatch;

import io.github.camelbtp.connectivity.http.ProxyAddress;
import io.github.camelbtp.connectivity.http.HttpHeader;

import javax.net.SocketFactory;
import java.util.List;

/**
 * How a request travels: for HTTP the proxy to use ({@code null} for a direct connection) and the headers that hop
 * needs ({@code Proxy-Authorization}, {@code SAP-Connectivity-SCC-Location_ID}, …); for MAIL, LDAP and TCP the socket
 * factory to connect with.
 *
 * @param proxy         the HTTP proxy, or {@code null}
 * @param headers       the headers of the hop to the proxy
 * @param socketFactory the factory for socket types, or {@code null} for HTTP plans
 * @param onPremise     whether the traffic reaches the Cloud Connector
 */
public record DispatchPlan(ProxyAddress proxy, List<HttpHeader> headers, SocketFactory socketFactory, boolean onPremise) {

    public static final DispatchPlan DIRECT = new DispatchPlan(null, List.of(), null, false);
    /** Sockets straight to the address: the JDK's default factory. */
    public static final DispatchPlan DIRECT_SOCKETS = new DispatchPlan(null, List.of(), SocketFactory.getDefault(), false);

    public DispatchPlan {
        headers = List.copyOf(headers);
    }

    /** An HTTP plan. */
    public DispatchPlan(ProxyAddress proxy, List<HttpHeader> headers, boolean onPremise) {
        this(proxy, headers, null, onPremise);
    }
}
