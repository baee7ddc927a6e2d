package io.github.camelbtp.connectivity.http;

import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.dispatch.ProxyAnswers;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import io.github.camelbtp.connectivity.tls.TlsMaterial;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.io.entity.BufferedHttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The one pooled HTTP client that components send application traffic with, and the rules for sending a request
 * the way its {@link ResolvedDestination} says: proxy chosen per request, the destination's headers replacing any the
 * caller set, per-destination timeouts, Basic challenge credentials, no redirects; answers of the Connectivity proxy
 * and the Cloud Connector become {@link CloudConnectorException}s.
 * <p>
 * The pool is keyed by HttpClient's route (target, proxy, TLS), so requests of all destinations that share a route
 * share connections, and a rotated token changes nothing: tokens travel as headers set per request, never as client
 * configuration (unlike the SAP Cloud SDK, whose clients are keyed by the whole destination: cloud-sdk-java #645, #806).
 * Thread-safe.
 */
public final class DestinationHttpClient implements Closeable {

    private static final Set<Integer> PROXY_STATUSES = Set.of(403, 405, 407, 503);

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    private final int maxTotal;
    private final int perRoute;
    /** One pool per TLS material (key store, trust store, verifier), keyed by its fingerprint — never by a token. */
    private final java.util.concurrent.ConcurrentHashMap<String, TlsPool> tlsPools = new java.util.concurrent.ConcurrentHashMap<>();

    private record TlsPool(PoolingHttpClientConnectionManager pool, CloseableHttpClient client) {
    }

    public DestinationHttpClient(int maxTotal, int perRoute) {
        this.maxTotal = maxTotal;
        this.perRoute = perRoute;
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxTotal)
                .setMaxConnPerRoute(perRoute)
                .build();
        this.client = build(pool);
    }

    private static CloseableHttpClient build(PoolingHttpClientConnectionManager pool) {
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setRoutePlanner(new DestinationRoutePlanner())
                .disableRedirectHandling()
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .setUserAgent("camel-btp")
                .build();
    }

    /** The client for the destination's TLS material: the shared default, or the pool of that material. */
    private CloseableHttpClient clientFor(ResolvedDestination resolved) {
        TlsMaterial tls = resolved.tls();
        if (tls == null) {
            return client;
        }
        return tlsPools.computeIfAbsent(tls.fingerprint(), fingerprint -> {
            PoolingHttpClientConnectionManager tlsPool = PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(maxTotal)
                    .setMaxConnPerRoute(perRoute)
                    .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls.sslContext(), tls.hostnameVerifier()))
                    .build();
            return new TlsPool(tlsPool, build(tlsPool));
        }).client();
    }

    /** How many TLS-material pools exist besides the default one (for tests and metrics). */
    public int tlsPoolCount() {
        return tlsPools.size();
    }

    /** The underlying client, for transports (camel-http) that want one. Do not close it; close this instead. */
    public CloseableHttpClient client() {
        return client;
    }

    /** A fresh context that sends a request the destination's way: its proxy, its timeouts, its challenge credentials. */
    public static HttpClientContext context(ResolvedDestination resolved, HttpHost target) {
        HttpClientContext context = HttpClientContext.create();
        if (resolved.proxy() != null) {
            context.setAttribute(DestinationRoutePlanner.PROXY_ATTRIBUTE,
                    new HttpHost("http", resolved.proxy().host(), resolved.proxy().port()));
        }
        context.setRequestConfig(requestConfig(resolved));
        if (resolved.challengeCredentials() != null) {
            BasicCredentialsProvider provider = new BasicCredentialsProvider();
            provider.setCredentials(new AuthScope(target), new UsernamePasswordCredentials(
                    resolved.challengeCredentials().user(), resolved.challengeCredentials().password().toCharArray()));
            context.setCredentialsProvider(provider);
        }
        return context;
    }

    @SuppressWarnings("deprecation") // the connect timeout is per destination (URL.connectionTimeoutInSeconds), not per route
    private static RequestConfig requestConfig(ResolvedDestination resolved) {
        return RequestConfig.custom()
                .setConnectTimeout(Timeout.of(resolved.connectTimeout()))
                .setResponseTimeout(Timeout.of(resolved.readTimeout()))
                // a redirect could lead anywhere; the destination decides the target
                .setRedirectsEnabled(false)
                .build();
    }

    /**
     * Sets the destination's headers on the request, first dropping headers the caller may have set but only the
     * engine may decide, because they choose the proxy credentials or the Cloud Connector location.
     */
    public static void applyHeaders(HttpRequest request, ResolvedDestination resolved) {
        // principal propagation sends no Authorization at all [consuming-the-connectivity-service-313b215]: the
        // Cloud Connector logs the user on; a caller's header (often the user's own JWT) must not reach the backend
        boolean noAuthorization = "PrincipalPropagation".equals(resolved.destination().authentication());
        for (Header h : request.getHeaders()) {
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (name.equals("proxy-authorization") || name.startsWith("sap-connectivity-")
                    || noAuthorization && name.equals("authorization")) {
                request.removeHeaders(h.getName());
            }
        }
        for (HttpHeader header : resolved.headers()) {
            request.setHeader(header.name(), header.value());
        }
    }

    /**
     * Sends a request prepared with {@link #applyHeaders} in a {@link #context}; the caller closes the answer.
     *
     * @throws CloudConnectorException when the Connectivity proxy cannot be reached, or it or the Cloud Connector refused
     */
    public ClassicHttpResponse executeOpen(HttpHost target, ClassicHttpRequest request, ResolvedDestination resolved,
            HttpClientContext context) throws IOException {
        boolean onPremise = resolved.destination().isOnPremise();
        ClassicHttpResponse response;
        try {
            response = clientFor(resolved).executeOpen(target, request, context);
        } catch (IOException e) {
            if (onPremise && resolved.proxy() != null) {
                throw new CloudConnectorException(resolved.name(), resolved.destination().locationId(), 0,
                        "Cannot reach the Connectivity proxy at " + resolved.proxy() + " for destination '" + resolved.name()
                                + "': " + e + ". Check the connectivity binding's onpremise_proxy_host/onpremise_proxy_http_port"
                                + " and that the Connectivity Service is available.");
            }
            throw e;
        }
        if (onPremise && PROXY_STATUSES.contains(response.getCode())) {
            checkProxyAnswer(resolved, response);
        }
        return response;
    }

    private static void checkProxyAnswer(ResolvedDestination resolved, ClassicHttpResponse response) throws IOException {
        String bodyStart = "";
        if (response.getEntity() != null) {
            BufferedHttpEntity buffered = new BufferedHttpEntity(response.getEntity());
            response.setEntity(buffered);
            bodyStart = new String(EntityUtils.toByteArray(buffered, 512), StandardCharsets.UTF_8);
        }
        Header allow = response.getFirstHeader("Allow");
        var explained = ProxyAnswers.explain(resolved, response.getCode(), allow == null ? null : allow.getValue(), bodyStart);
        if (explained.isPresent()) {
            response.close();
            throw explained.get();
        }
    }

    /**
     * Keeps the keep-alive connections of one identity to itself on the way through the Connectivity proxy: the
     * connection is marked with {@code identityScope} (HttpClient's user token, the pooled connection's state) and is
     * leased again only to requests of the same scope. SAP documents the proxy as authenticating every request by
     * its own {@code Proxy-Authorization}, {@code SAP-Connectivity-Authentication} and
     * {@code SAP-Connectivity-SCC-Location_ID} headers [consuming-the-connectivity-service-313b215], but SAP's
     * JavaScript SDK found the Cloud Connector side binding a
     * reused socket to its first user, location and backend (cloud-sdk-js #6715, #6705, #6828: 403 and 400 once
     * connections were shared), so a connection never carries one user's, tenant's or location's traffic into
     * another's. Internet destinations need no marking: HTTP authenticates each request by its own headers, and a
     * TLS client identity already has a pool of its own.
     *
     * @param identityScope {@link ResolvedDestination#identityScope} of the request
     */
    public static void bindToIdentity(HttpClientContext context, ResolvedDestination resolved, String identityScope) {
        if (resolved.destination().isOnPremise() && resolved.proxy() != null) {
            context.setUserToken(identityScope);
        }
    }

    /** Connections currently pooled (leased + available), for tests and metrics. */
    public int pooledConnections() {
        var stats = pool.getTotalStats();
        int total = stats.getLeased() + stats.getAvailable();
        for (TlsPool p : tlsPools.values()) {
            total += p.pool().getTotalStats().getLeased() + p.pool().getTotalStats().getAvailable();
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        client.close();
        for (TlsPool p : tlsPools.values()) {
            p.client().close();
        }
        tlsPools.clear();
    }
}
