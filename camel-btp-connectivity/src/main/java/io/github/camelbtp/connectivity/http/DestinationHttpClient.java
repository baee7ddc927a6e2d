package io.github.camelbtp.connectivity.http;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.http.ProxyAnswers;
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
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * The one pooled HTTP client that components send application traffic with, and the rules for sending a request
 * the way its {@link ResolvedDestination} says: proxy chosen per request, the destination's headers replacing any the
 * caller set, per-destination timeouts and a total deadline per exchange ({@link #withinDeadline}), Basic challenge
 * credentials, no redirects, retries only as {@link RetryPolicy} allows (never a POST); answers of the Connectivity
 * proxy and the Cloud Connector become {@link CloudConnectorException}s, read no further than needed to explain them.
 * <p>
 * The pool is keyed by HttpClient's route (target, proxy, TLS), so requests of all destinations that share a route
 * share connections, and a rotated token changes nothing: tokens travel as headers set per request, never as client
 * configuration (unlike the SAP Cloud SDK, whose clients are keyed by the whole destination: cloud-sdk-java #645, #806).
 * Thread-safe.
 */
public final class DestinationHttpClient implements Closeable {

    private static final Set<Integer> PROXY_STATUSES = Set.of(403, 405, 407, 431, 503);
    /** How much of an answer of the proxy or the Cloud Connector is read to explain it: its message is at the start. */
    static final int PROXY_ANSWER_PREFIX_BYTES = 8 * 1024;
    /** Context attribute: the {@link Deadline} of the exchange the context belongs to. */
    private static final String DEADLINE = "io.github.camelbtp.deadline";
    /** Context attribute: the {@link ResolvedDestination} whose headers {@link #addHeaders} sets on each request. */
    private static final String RESOLVED = "io.github.camelbtp.resolved";
    /** Context attribute: the exchange's request was already sent again once with a renewed connectivity token. */
    private static final String PROXY_TOKEN_RENEWED = "io.github.camelbtp.proxyTokenRenewed";

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    private final int maxTotal;
    private final int perRoute;
    private final RetryPolicy retryPolicy;
    /** One pool per TLS material (key store, trust store, verifier), keyed by its fingerprint — never by a token. */
    private final java.util.concurrent.ConcurrentHashMap<String, TlsPool> tlsPools = new java.util.concurrent.ConcurrentHashMap<>();

    private record TlsPool(PoolingHttpClientConnectionManager pool, CloseableHttpClient client) {
    }

    /** Aborts requests whose exchange outlived its deadline; one daemon thread, asleep while nothing is in flight. */
    private final DeadlineWatch deadlines = new DeadlineWatch("camel-btp-http-deadlines");

    /** A client whose idempotent requests ride out a Cloud Connector failover of {@link RetryPolicy#DEFAULT_FAILOVER_WINDOW}. */
    public DestinationHttpClient(int maxTotal, int perRoute) {
        this(maxTotal, perRoute, RetryPolicy.DEFAULT_FAILOVER_WINDOW);
    }

    /**
     * @param failoverRetryWindow how long idempotent on-premise requests are sent again while the Connectivity proxy
     *                            answers "no Cloud Connector" (503) or connections through it break, as during a
     *                            Cloud Connector failover ({@link RetryPolicy}); zero turns that off
     */
    public DestinationHttpClient(int maxTotal, int perRoute, Duration failoverRetryWindow) {
        this.maxTotal = maxTotal;
        this.perRoute = perRoute;
        this.retryPolicy = new RetryPolicy(failoverRetryWindow);
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxTotal)
                .setMaxConnPerRoute(perRoute)
                .build();
        this.client = build(pool);
    }

    private CloseableHttpClient build(PoolingHttpClientConnectionManager pool) {
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setRoutePlanner(new DestinationRoutePlanner(false))
                // the one place a request gets its destination's headers, whoever built the request
                .addRequestInterceptorLast(DestinationHttpClient::addHeaders)
                .disableRedirectHandling()
                // HttpClient's default re-sends any request answered 503 or 429, a POST included
                .setRetryStrategy(retryPolicy)
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
        context.setAttribute(DEADLINE, new Deadline(resolved));
        context.setAttribute(RESOLVED, resolved);
        if (resolved.challengeCredentials() != null) {
            BasicCredentialsProvider provider = new BasicCredentialsProvider();
            provider.setCredentials(new AuthScope(target), new UsernamePasswordCredentials(
                    resolved.challengeCredentials().user(), resolved.challengeCredentials().password().toCharArray()));
            context.setCredentialsProvider(provider);
        }
        return context;
    }

    /** The last {@link #requestConfig} built: most destinations have the same timeouts. */
    private static volatile Timeouts lastTimeouts;

    private record Timeouts(Duration connect, Duration read, RequestConfig config) {
    }

    private static RequestConfig requestConfig(ResolvedDestination resolved) {
        Timeouts last = lastTimeouts;
        if (last != null && last.connect().equals(resolved.connectTimeout()) && last.read().equals(resolved.readTimeout())) {
            return last.config();
        }
        RequestConfig config = buildRequestConfig(resolved);
        lastTimeouts = new Timeouts(resolved.connectTimeout(), resolved.readTimeout(), config);
        return config;
    }

    @SuppressWarnings("deprecation") // the connect timeout is per destination (URL.connectionTimeoutInSeconds), not per route
    private static RequestConfig buildRequestConfig(ResolvedDestination resolved) {
        return RequestConfig.custom()
                .setConnectTimeout(Timeout.of(resolved.connectTimeout()))
                .setResponseTimeout(Timeout.of(resolved.readTimeout()))
                // a redirect could lead anywhere; the destination decides the target
                .setRedirectsEnabled(false)
                .build();
    }

    /**
     * The request interceptor of every client of this class: sets the headers of the {@link #context}'s destination
     * on the request (authentication, {@code sap-client}/{@code sap-language}, {@code URL.headers.*}, proxy headers),
     * first dropping headers the caller may have set but only the engine may decide, because they choose the proxy
     * credentials or the Cloud Connector location. Requests sent in another context are left as they are.
     */
    private static void addHeaders(HttpRequest request, EntityDetails entity, HttpContext context) {
        if (!(context.getAttribute(RESOLVED) instanceof ResolvedDestination resolved)) {
            return;
        }
        // principal propagation sends no Authorization at all [consuming-the-connectivity-service-313b215]: the
        // Cloud Connector logs the user on; a caller's header (often the user's own JWT) must not reach the backend
        boolean noAuthorization = resolved.propagatesPrincipal();
        // one pass over the request's headers, no copy of them or of their names (issue 12: this ran per request)
        for (Iterator<Header> headers = request.headerIterator(); headers.hasNext(); ) {
            String name = headers.next().getName();
            if (name.equalsIgnoreCase("Proxy-Authorization") || name.regionMatches(true, 0, "SAP-Connectivity-", 0, 17)
                    || noAuthorization && name.equalsIgnoreCase("Authorization")) {
                headers.remove();
            }
        }
        for (HttpHeader header : resolved.headers()) {
            request.setHeader(header.name(), header.value());
        }
    }

    /** One exchange's work with the destination: requests sent with {@link #executeOpen} and their answers read. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException, HttpException;
    }

    /**
     * Runs one exchange with the destination under its total deadline, {@code URL.connectionTimeoutInSeconds} +
     * {@code URL.socketReadTimeoutInSeconds} (5 s + 30 s by default [http-destinations-42a0e6b]): connect and read timeouts bound each
     * wait, but a server trickling a byte now and then never trips them. When the deadline passes, the request in
     * flight is aborted (its connection closed, never reused) and the exchange fails with a
     * {@link BtpConnectivityException} ({@link CloudConnectorException} for on-premise destinations) naming the
     * destination and the hop. Everything {@code work} reads counts: answers handed on as an open stream are
     * bounded only while it runs.
     *
     * @param context the {@link #context} every request of the exchange is sent with
     */
    public <T> T withinDeadline(ResolvedDestination resolved, HttpClientContext context, Work<T> work)
            throws IOException, HttpException {
        Deadline deadline = (Deadline) context.getAttribute(DEADLINE);
        if (deadline == null) {
            throw new IllegalArgumentException("not a context of DestinationHttpClient.context(...)");
        }
        deadlines.watch(deadline);
        try {
            return work.run();
        } catch (IOException | RuntimeException e) {
            if (deadline.expired && !(e instanceof BtpConnectivityException)) {
                throw exceeded(resolved, deadline, RetryPolicy.failoverRetries(context), e);
            }
            if (brokeOff(e) && resolved.destination().isOnPremise() && resolved.proxy() != null) {
                // the answer started, then the tunnel through the Connectivity proxy and the Cloud Connector broke
                // (a Cloud Connector failover breaks open connections): name that hop, not HttpClient's stream
                throw new CloudConnectorException(resolved.name(), resolved.destination().locationId(), 0, "The answer"
                        + " for destination '" + resolved.name() + "' through the Connectivity proxy at " + resolved.proxy()
                        + " and the Cloud Connector broke off before it was complete (" + e.getClass().getSimpleName()
                        + "). The connection through the Cloud Connector failed mid-answer, for example during a Cloud"
                        + " Connector failover, or the on-premise system closed it; check the Cloud Connector and the"
                        + " system. The request was not sent again.", e);
            }
            throw e;
        } finally {
            deadlines.unwatch(deadline);
        }
    }

    /** Whether a context's requests go to an on-premise system through the Connectivity proxy (where failovers show). */
    static boolean throughConnectivityProxy(HttpContext context) {
        return context.getAttribute(RESOLVED) instanceof ResolvedDestination resolved
                && resolved.destination().isOnPremise() && resolved.proxy() != null;
    }

    /**
     * Whether waiting {@code wait} from now still ends before the context's exchange must be over
     * ({@link #withinDeadline}); {@code true} for contexts without a deadline.
     */
    static boolean endsBeforeDeadline(HttpContext context, Duration wait) {
        return !(context.getAttribute(DEADLINE) instanceof Deadline deadline)
                || System.nanoTime() + wait.toNanos() - deadline.dueNanos < 0;
    }

    /** The end of one exchange, and the request it waits for now, to abort when the end comes. */
    private static final class Deadline implements DeadlineWatch.Watched {
        final Duration total;
        private final long dueNanos;
        private volatile Cancellable current;
        private volatile boolean expired;

        Deadline(ResolvedDestination resolved) {
            total = resolved.connectTimeout().plus(resolved.readTimeout());
            dueNanos = System.nanoTime() + total.toNanos();
        }

        @Override
        public long dueNanos() {
            return dueNanos;
        }

        void watch(ClassicHttpRequest request) {
            if (request instanceof Cancellable cancellable) {
                current = cancellable;
                if (expired) {
                    cancellable.cancel();
                }
            }
        }

        @Override
        public void expire() {
            expired = true;
            Cancellable request = current;
            if (request != null) {
                request.cancel();
            }
        }
    }

    /**
     * The exchange's deadline passed; {@code failoverRetries} &gt; 0 when it passed while the request was being sent again
     * during a Cloud Connector failover, which the message then says rather than blaming a slow server.
     */
    private static BtpConnectivityException exceeded(ResolvedDestination resolved, Deadline deadline,
            int failoverRetries, Exception cause) {
        String target = resolved.url().getScheme() + "://" + resolved.url().getRawAuthority();
        boolean onPremise = resolved.destination().isOnPremise();
        String location = resolved.destination().locationId();
        String hop = onPremise
                ? "through the Connectivity proxy" + (resolved.proxy() == null ? "" : " at " + resolved.proxy())
                        + " and the Cloud Connector" + (location.isEmpty() ? "" : " with location ID '" + location + "'")
                        + " to " + target
                : "to " + target + (resolved.proxy() == null ? "" : " through the proxy at " + resolved.proxy());
        String deadlineIs = " The deadline is the destination's URL.connectionTimeoutInSeconds ("
                + resolved.connectTimeout().toSeconds() + " s) plus URL.socketReadTimeoutInSeconds ("
                + resolved.readTimeout().toSeconds() + " s)";
        String message = "The exchange with destination '" + resolved.name() + "' (" + hop + ") did not complete within"
                + " its deadline of " + deadline.total.toMillis() + " ms and was aborted.";
        message += failoverRetries > 0
                ? " It was being sent again (" + failoverRetries + " time" + (failoverRetries == 1 ? "" : "s") + ")"
                        + " because the Connectivity proxy answered 503 (no Cloud Connector connected) or the connection"
                        + " through it broke: Cloud Connector failover in progress or disconnected"
                        + " [consuming-the-connectivity-service-313b215], and it did not come back in time." + deadlineIs
                        + ". Check that the Cloud Connector for this subaccount and location ID is connected."
                : deadlineIs + "; the server answered too slowly or kept trickling its answer. Raise these properties if"
                        + " the server is slow by design, otherwise check the server"
                        + (onPremise ? " and the Cloud Connector." : ".");
        return onPremise
                ? new CloudConnectorException(resolved.name(), location, 0, message, cause)
                : new BtpConnectivityException(resolved.name(), message, cause);
    }

    /** Whether {@code e} says an answer broke off mid-way (connection closed or reset, a chunk cut short). */
    private static boolean brokeOff(Exception e) {
        return e instanceof org.apache.hc.core5.http.ConnectionClosedException
                || e instanceof org.apache.hc.core5.http.MalformedChunkCodingException
                || e instanceof java.net.SocketException;
    }

    /**
     * Sends a request in a {@link #context}, with the destination's headers; the caller closes the answer.
     * Requests are sent again only as {@link RetryPolicy} allows.
     *
     * @throws CloudConnectorException when the Connectivity proxy cannot be reached, or it or the Cloud Connector refused
     */
    public ClassicHttpResponse executeOpen(HttpHost target, ClassicHttpRequest request, ResolvedDestination resolved,
            HttpClientContext context) throws IOException {
        boolean onPremise = resolved.destination().isOnPremise();
        Deadline deadline = (Deadline) context.getAttribute(DEADLINE);
        if (deadline != null) {
            deadline.watch(request);
        }
        ClassicHttpResponse response;
        try {
            response = clientFor(resolved).executeOpen(target, request, context);
        } catch (IOException e) {
            if (deadline != null && deadline.expired) {
                throw exceeded(resolved, deadline, RetryPolicy.failoverRetries(context), e);
            }
            if (onPremise && resolved.proxy() != null && e instanceof java.net.SocketTimeoutException) {
                // the proxy took the request: it is the answer from behind the Cloud Connector that is late
                throw new CloudConnectorException(resolved.name(), resolved.destination().locationId(), 0, "No answer"
                        + " for destination '" + resolved.name() + "' through the Connectivity proxy at " + resolved.proxy()
                        + " and the Cloud Connector within the read timeout of " + resolved.readTimeout().toSeconds()
                        + " s (URL.socketReadTimeoutInSeconds): the on-premise system or the Cloud Connector answers too"
                        + " slowly. Raise URL.socketReadTimeoutInSeconds if the system is slow by design, otherwise"
                        + " check the system and the Cloud Connector.", e);
            }
            if (onPremise && resolved.proxy() != null && !(e instanceof java.net.ConnectException)
                    && !(e instanceof java.io.InterruptedIOException)) {
                // the connection to the proxy broke before an answer: what a Cloud Connector failover does to it
                throw new CloudConnectorException(resolved.name(), resolved.destination().locationId(), 0,
                        "The connection through the Connectivity proxy at " + resolved.proxy() + " for destination '"
                                + resolved.name() + "' (" + where(resolved) + ") broke before an answer: " + e + ". "
                                + failoverAdvice(request, context), e);
            }
            if (onPremise && resolved.proxy() != null) {
                throw new CloudConnectorException(resolved.name(), resolved.destination().locationId(), 0,
                        "Cannot reach the Connectivity proxy at " + resolved.proxy() + " for destination '" + resolved.name()
                                + "': " + e + ". Check the connectivity binding's onpremise_proxy_host/onpremise_proxy_http_port"
                                + " and that the Connectivity Service is available.");
            }
            throw e;
        }
        if (response.getCode() == 407 && renewsProxyToken(resolved, request, context)) {
            // the proxy's own refusal, before it forwarded anything [consuming-the-connectivity-service-313b215]: the
            // connectivity token expired between being taken and being read (or was revoked), so the request goes
            // once more with a fresh one, whatever its method; closing the answer unread discards its connection
            response.close();
            ResolvedDestination renewed = resolved.withHeader(resolved.proxyTokenRenewal().renew());
            context.setAttribute(RESOLVED, renewed);
            return executeOpen(target, request, renewed, context);
        }
        if (onPremise && PROXY_STATUSES.contains(response.getCode())) {
            try {
                checkProxyAnswer(resolved, request, response);
            } catch (CloudConnectorException e) {
                if (e.status() == 407 && context.getAttribute(PROXY_TOKEN_RENEWED) != null) {
                    throw new CloudConnectorException(e.destinationName(), e.locationId(), 407, e.getMessage()
                            + " The request was sent again once with a freshly fetched connectivity token and was"
                            + " refused again, so the token is not the cause of an expiry in flight.");
                }
                if (e.status() != 503) {
                    throw e;
                }
                throw new CloudConnectorException(e.destinationName(), e.locationId(), 503, e.getMessage() + " "
                        + failoverAdvice(request, context));
            }
        }
        if (resolved.destination().viaTransparentProxy()) {
            var explained = TransparentProxyAnswers.explain(resolved.name(), response.getCode(), name -> {
                Header h = response.getFirstHeader(name);
                return h == null ? null : h.getValue();
            });
            if (explained.isPresent()) {
                abort(request, response);
                throw explained.get();
            }
        }
        return response;
    }

    /**
     * Whether a {@code 407} to this request is answered by sending it once more with a fresh connectivity token: an
     * on-premise request through the Connectivity proxy whose {@code Proxy-Authorization} is the tenant's
     * connectivity token, not renewed yet in this exchange, with a body that can be sent again (a streamed body
     * cannot), and retries not turned off ({@link RetryPolicy#disable}).
     */
    private static boolean renewsProxyToken(ResolvedDestination resolved, ClassicHttpRequest request,
            HttpClientContext context) {
        if (!resolved.destination().isOnPremise() || resolved.proxy() == null || resolved.proxyTokenRenewal() == null
                || RetryPolicy.disabled(context) || context.getAttribute(PROXY_TOKEN_RENEWED) != null
                || request.getEntity() != null && !request.getEntity().isRepeatable()) {
            return false;
        }
        context.setAttribute(PROXY_TOKEN_RENEWED, Boolean.TRUE);
        return true;
    }

    private static String where(ResolvedDestination resolved) {
        String location = resolved.destination().locationId();
        return location.isEmpty() ? "Cloud Connector without location ID" : "Cloud Connector location ID '" + location + "'";
    }

    /**
     * What a 503 "no Cloud Connector" or a broken connection through the proxy means for this request: a Cloud
     * Connector failover in progress (SAP's master/shadow switch, during which no instance is connected and open
     * connections break [configure-access-control-http-e7d4927]) or a disconnected Cloud Connector, and what was done
     * about it — an idempotent request was sent again within the failover retry window, any other never.
     */
    private static String failoverAdvice(ClassicHttpRequest request, HttpClientContext context) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (RetryPolicy.idempotent(method)) {
            int retries = RetryPolicy.failoverRetries(context);
            return "Cloud Connector failover in progress or disconnected: the " + method + " request was sent again "
                    + retries + (retries == 1 ? " time" : " times") + " within the failover retry window"
                    + " (failoverRetryWindow) and the exchange's deadline, and the Cloud Connector did not come back."
                    + " Raise failoverRetryWindow if your Cloud Connector's switch takes longer, or retry at the route"
                    + " level (Camel's errorHandler with a redeliveryPolicy).";
        }
        return "Cloud Connector failover in progress or disconnected. The " + method + " request is not idempotent, so"
                + " it was sent once and never again (it may or may not have reached the backend). If the operation is"
                + " idempotent for your backend, retry at the route level (Camel's errorHandler with a"
                + " redeliveryPolicy, or onException(CloudConnectorException.class).maximumRedeliveries(…)), or make it"
                + " safe to repeat with an idempotency key the backend checks.";
    }

    /**
     * Reads no more than {@link #PROXY_ANSWER_PREFIX_BYTES} of the answer to tell whether the proxy or the Cloud
     * Connector sent it: their messages are short, and a hostile or broken hop may send an endless body. An answer
     * that turns out to be the backend's keeps its whole body for the route.
     */
    private static void checkProxyAnswer(ResolvedDestination resolved, ClassicHttpRequest request,
            ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        InputStream body = entity == null ? null : entity.getContent();
        byte[] prefix = body == null ? new byte[0] : body.readNBytes(PROXY_ANSWER_PREFIX_BYTES);
        Header allow = response.getFirstHeader("Allow");
        var explained = ProxyAnswers.explain(resolved, response.getCode(), allow == null ? null : allow.getValue(),
                new String(prefix, StandardCharsets.UTF_8));
        if (explained.isPresent()) {
            abort(request, response);
            throw explained.get();
        }
        if (body != null) {
            response.setEntity(new ReadOnceEntity(entity, new SequenceInputStream(new ByteArrayInputStream(prefix), body)));
        }
    }

    /** Drops an answer the route will not see: closing it would read the rest of the body (to reuse the connection). */
    private static void abort(ClassicHttpRequest request, ClassicHttpResponse response) {
        if (request instanceof Cancellable cancellable) {
            cancellable.cancel();
        }
        try {
            response.close();
        } catch (IOException alreadyAborted) {
            // the connection is gone, as intended
        }
    }

    /** An answer's entity whose first bytes were already read: they come first, then the rest of the stream. */
    private static final class ReadOnceEntity extends HttpEntityWrapper {
        private final InputStream content;

        ReadOnceEntity(HttpEntity read, InputStream content) {
            super(read);
            this.content = content;
        }

        @Override
        public InputStream getContent() {
            return content;
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            content.transferTo(out);
        }

        @Override
        public void close() throws IOException {
            content.close();
            super.close();
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
        deadlines.close();
        client.close();
        for (TlsPool p : tlsPools.values()) {
            p.client().close();
        }
        tlsPools.clear();
    }
}
