package io.github.camelbtp.destination.http;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;

import java.io.Closeable;
import java.io.IOException;

/**
 * The component's one pooled HttpClient. The pool is keyed by HttpClient's route (target, proxy, TLS), so requests
 * of all destinations that share a route share connections, and a rotated token changes nothing: tokens travel as
 * headers set per request, never as client configuration (unlike the SAP Cloud SDK, whose clients are keyed by the
 * whole destination).
 */
public final class BtpHttpClient implements Closeable {

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;

    public BtpHttpClient(int maxTotal, int perRoute) {
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxTotal)
                .setMaxConnPerRoute(perRoute)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setRoutePlanner(new DestinationRoutePlanner())
                .disableRedirectHandling()
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .setUserAgent("camel-btp")
                .build();
    }

    public CloseableHttpClient client() {
        return client;
    }

    /** Connections currently pooled (leased + available), for tests and metrics. */
    public int pooledConnections() {
        var stats = pool.getTotalStats();
        return stats.getLeased() + stats.getAvailable();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
