package io.github.camelbtp.connectivity.http;

import io.github.camelbtp.connectivity.socks.FailoverBackoff;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * When application traffic is sent again by the HTTP client itself, replacing HttpClient 5's default (which re-sends
 * any request, a POST included, answered {@code 503} or {@code 429}):
 * <ul>
 * <li>only idempotent methods (RFC 9110 §9.2.2: GET, HEAD, OPTIONS, PUT, DELETE, TRACE) are ever sent again; POST,
 * PATCH and anything else (MERGE, SOAP-RFC calls, BAPI commits) are sent exactly once;</li>
 * <li>only after a connection-level failure before any answer (connection refused or reset, a pooled connection found
 * closed: {@link NoHttpResponseException}), or a {@code 503} that says when to come back ({@code Retry-After} of at
 * most {@link #MAX_RETRY_AFTER});</li>
 * <li>at most {@link #MAX_RETRIES} time, and never when the wait would pass the exchange's deadline
 * ({@link DestinationHttpClient#deadline}).</li>
 * </ul>
 * <b>Cloud Connector failover.</b> On-premise requests through the Connectivity proxy get more: SAP's Cloud Connector
 * runs a master and a shadow instance, and while the shadow takes over no Cloud Connector is connected — the proxy
 * answers {@code 503} (recognised as {@link ProxyAnswers} does: on that hop a 503 is the proxy's "no Cloud Connector"
 * [consuming-the-connectivity-service-313b215]) — and open connections through the old master break
 * [configure-access-control-http-e7d4927: high availability]. An idempotent request that meets either is sent again
 * with exponential backoff ({@link #FIRST_BACKOFF}, doubling up to {@link #MAX_BACKOFF}, each wait between half and all
 * of that, so that many callers do not return in step) for as long as its failures stay within the failover retry
 * window (default {@link #DEFAULT_FAILOVER_WINDOW}; the last wait may end one backoff after it), and never past the
 * exchange's deadline. A connection refused by the proxy itself is no failover and keeps the single retry.
 * <p>
 * A read timeout is not retried (it would double the wait), nor are TLS failures or unknown hosts. Retries are off for
 * one request when its context says so ({@link #disable}), which is what an endpoint's {@code automaticRetriesDisabled}
 * does. Stateless (what one exchange needs lives in its context) and thread-safe.
 */
public final class RetryPolicy implements HttpRequestRetryStrategy {

    /** The most times one request is sent again, outside a Cloud Connector failover. */
    public static final int MAX_RETRIES = 1;
    /** The longest {@code Retry-After} honoured; a server asking for a longer pause gets its 503 back to the route. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);
    /** How long failures of a Cloud Connector failover are retried by default: the switch SAP's HA takes, in seconds. */
    public static final Duration DEFAULT_FAILOVER_WINDOW = Duration.ofSeconds(5);
    /** The first wait before a failover retry. */
    public static final Duration FIRST_BACKOFF = FailoverBackoff.FIRST;
    /** The longest wait between two failover retries. */
    public static final Duration MAX_BACKOFF = FailoverBackoff.MAX;

    static final RetryPolicy INSTANCE = new RetryPolicy(DEFAULT_FAILOVER_WINDOW);

    private static final String DISABLED = "io.github.camelbtp.retriesDisabled";
    /** Context attribute: when the exchange met its first failover failure ({@link System#nanoTime()}). */
    private static final String FAILOVER_SINCE = "io.github.camelbtp.failoverSince";
    /** Context attribute: how many times the exchange's request was sent again during a failover. */
    private static final String FAILOVER_RETRIES = "io.github.camelbtp.failoverRetries";
    /** Context attribute: the wait {@link #retryRequest} chose, for {@link #getRetryInterval}. */
    private static final String NEXT_WAIT = "io.github.camelbtp.nextWait";
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    private final Duration failoverWindow;

    /** @param failoverWindow how long failover failures are retried; zero turns failover retries off */
    RetryPolicy(Duration failoverWindow) {
        if (failoverWindow == null || failoverWindow.isNegative()) {
            throw new IllegalArgumentException("failoverRetryWindow must be zero or positive: " + failoverWindow);
        }
        this.failoverWindow = failoverWindow;
    }

    /** Whether {@code method} is idempotent (RFC 9110 §9.2.2), the only kind this policy ever sends again. */
    public static boolean idempotent(String method) {
        return IDEMPOTENT.contains(method.toUpperCase(Locale.ROOT));
    }

    /** How many times the request of this context was sent again during a Cloud Connector failover. */
    static int failoverRetries(HttpContext context) {
        return context.getAttribute(FAILOVER_RETRIES) instanceof Integer count ? count : 0;
    }

    /** Whether retries are off for the requests sent with this context ({@link #disable}). */
    static boolean disabled(HttpContext context) {
        return Boolean.TRUE.equals(context.getAttribute(DISABLED));
    }

    /** Turns retries off for the requests sent with this context. */
    public static void disable(HttpContext context) {
        context.setAttribute(DISABLED, Boolean.TRUE);
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        context.removeAttribute(NEXT_WAIT);
        if (!allowed(request, context) || !connectionLevel(exception)) {
            return false;
        }
        // a pooled connection the old master carried breaks at the switch; a refused connection is the proxy's own
        if (failoverHop(context) && !(exception instanceof ConnectException)) {
            // the first retry on a fresh connection goes at once: most breaks are just a stale pooled connection
            return duringFailover(context, execCount == 1 ? Duration.ZERO : backoff(execCount - 1));
        }
        return execCount <= MAX_RETRIES;
    }

    /** The connection failed before an answer began: the server did not act on the request, or not visibly. */
    private static boolean connectionLevel(IOException e) {
        // SocketTimeoutException is an InterruptedIOException, not a SocketException: never retried
        return e instanceof NoHttpResponseException || e instanceof ConnectException
                || e instanceof ConnectionClosedException || e instanceof SocketException;
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        context.removeAttribute(NEXT_WAIT);
        if (response.getCode() != HttpStatus.SC_SERVICE_UNAVAILABLE) {
            return false;
        }
        HttpRequest request = HttpClientContext.castOrCreate(context).getRequest();
        if (request == null || !allowed(request, context)) {
            return false;
        }
        if (failoverHop(context)) {
            return shortBody(response) && duringFailover(context, backoff(execCount));
        }
        Duration wait = retryAfter(response);
        if (execCount > MAX_RETRIES || wait == null || wait.compareTo(MAX_RETRY_AFTER) > 0) {
            return false;
        }
        if (!DestinationHttpClient.endsBeforeDeadline(context, wait)) {
            return false;
        }
        context.setAttribute(NEXT_WAIT, wait);
        return true;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return nextWait(context);
    }

    @Override
    public TimeValue getRetryInterval(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        // outside a failover a fresh connection right away: the failure was the connection's, not the server's load
        return nextWait(context);
    }

    /**
     * Whether the answer's body is short enough to be read away before the request is sent again (HttpClient drains
     * it to reuse the connection). The proxy's "no Cloud Connector" is a one-line message; a longer or unframed body
     * is not the proxy's usual answer, and is handed on unread but for its start ({@link DestinationHttpClient}), so a
     * hostile hop cannot make a retry read gigabytes.
     */
    private static boolean shortBody(HttpResponse response) {
        if (!(response instanceof ClassicHttpResponse classic) || classic.getEntity() == null) {
            return true;
        }
        long length = classic.getEntity().getContentLength();
        return length >= 0 && length <= DestinationHttpClient.PROXY_ANSWER_PREFIX_BYTES;
    }

    private static TimeValue nextWait(HttpContext context) {
        return context.getAttribute(NEXT_WAIT) instanceof Duration wait ? TimeValue.ofMilliseconds(wait.toMillis())
                : TimeValue.ZERO_MILLISECONDS;
    }

    /**
     * The request went to an on-premise system through the Connectivity proxy, where a Cloud Connector failover shows
     * (and failover retries are on).
     */
    private boolean failoverHop(HttpContext context) {
        return !failoverWindow.isZero() && DestinationHttpClient.throughConnectivityProxy(context);
    }

    /**
     * Whether to send again after a failover failure, waiting {@code wait}: while the exchange's failover failures
     * are within the window, and when the wait ends before the exchange's deadline.
     */
    private boolean duringFailover(HttpContext context, Duration wait) {
        long now = System.nanoTime();
        long since = context.getAttribute(FAILOVER_SINCE) instanceof Long first ? first : now;
        context.setAttribute(FAILOVER_SINCE, since);
        if (now - since >= failoverWindow.toNanos()) {
            return false;
        }
        if (!DestinationHttpClient.endsBeforeDeadline(context, wait)) {
            return false;
        }
        context.setAttribute(NEXT_WAIT, wait);
        context.setAttribute(FAILOVER_RETRIES, failoverRetries(context) + 1);
        return true;
    }

    /** The wait before failover retry {@code n} (1, 2, …): exponential, capped, with "equal jitter". */
    static Duration backoff(int n) {
        return FailoverBackoff.before(n);
    }

    private static boolean allowed(HttpRequest request, HttpContext context) {
        return !Boolean.TRUE.equals(context.getAttribute(DISABLED)) && idempotent(request.getMethod());
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date (RFC 9110 §10.2.3), or {@code null} when absent or invalid. */
    static Duration retryAfter(HttpResponse response) {
        Header header = response.getFirstHeader("Retry-After");
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().trim();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        Instant at = DateUtils.parseStandardDate(value);
        if (at == null) {
            return null;
        }
        Duration wait = Duration.between(Instant.now(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
