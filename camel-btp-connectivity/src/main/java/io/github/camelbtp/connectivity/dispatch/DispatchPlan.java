package io.github.camelbtp.connectivity.dispatch;

import io.github.camelbtp.connectivity.http.HttpHeader;

import java.util.List;

/**
 * How a request travels: the proxy to use ({@code null} for a direct connection) and the headers that hop needs
 * ({@code Proxy-Authorization}, {@code SAP-Connectivity-SCC-Location_ID}, …).
 */
public record DispatchPlan(ProxyAddress proxy, List<HttpHeader> headers) {

    public static final DispatchPlan DIRECT = new DispatchPlan(null, List.of());

    public DispatchPlan {
        headers = List.copyOf(headers);
    }
}
