package io.github.camelbtp.connectivity.http;

import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Picks the proxy per request from the request's context (set from the resolved destination), so one pooled
 * HttpClient serves direct and on-premise traffic. The pool is keyed by HttpClient's route (target, proxy, TLS), never
 * by token: a rotated token reuses the same connections.
 */
final class DestinationRoutePlanner extends SystemDefaultRoutePlanner {

    static final String PROXY_ATTRIBUTE = "io.github.camelbtp.proxy";

    private final boolean systemProxies;

    /**
     * The request's proxy; otherwise, when {@code systemProxies}, the JVM's ProxySelector (http.proxyHost, …): the
     * engine's own calls to BTP services honour it, application traffic never (the destination decides).
     */
    DestinationRoutePlanner(boolean systemProxies) {
        super(null);
        this.systemProxies = systemProxies;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
        Object proxy = context.getAttribute(PROXY_ATTRIBUTE);
        if (proxy instanceof HttpHost host) {
            return host;
        }
        return systemProxies ? super.determineProxy(target, context) : null;
    }
}
