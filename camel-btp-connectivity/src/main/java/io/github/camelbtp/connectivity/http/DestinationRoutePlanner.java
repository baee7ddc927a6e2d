package io.github.camelbtp.connectivity.http;

import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Picks the proxy per request from the request's context (set from the resolved destination), so one pooled
 * HttpClient serves direct and on-premise traffic. The pool is keyed by HttpClient's route (target, proxy, TLS), never
 * by token: a rotated token reuses the same connections.
 */
final class DestinationRoutePlanner extends DefaultRoutePlanner {

    static final String PROXY_ATTRIBUTE = "io.github.camelbtp.proxy";

    DestinationRoutePlanner() {
        super(null);
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        Object proxy = context.getAttribute(PROXY_ATTRIBUTE);
        return proxy instanceof HttpHost host ? host : null;
    }
}
