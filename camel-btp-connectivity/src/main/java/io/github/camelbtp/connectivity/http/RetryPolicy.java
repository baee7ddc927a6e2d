package io.github.camelbtp.connectivity.http;

import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.utils.DateUtils;
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
 * A read timeout is not retried (it would double the wait), nor are TLS failures or unknown hosts. Retries are off for
 * one request when its context says so ({@link #disable}), which is what an endpoint's {@code automaticRetriesDisabled}
 * does. Stateless and thread-safe.
 */
public final class RetryPolicy implements HttpRequestRetryStrategy {

    /** The most times one request is sent again. */
    public static final int MAX_RETRIES = 1;
    /** The longest {@code Retry-After} honoured; a server asking for a longer pause gets its 503 back to the route. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);

    static final RetryPolicy INSTANCE = new RetryPolicy();

    private static final String DISABLED = "io.github.camelbtp.retriesDisabled";
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    private RetryPolicy() {
    }

    /** Turns retries off for the requests sent with this context. */
    public static void disable(HttpContext context) {
        context.setAttribute(DISABLED, Boolean.TRUE);
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return allowed(request, execCount, context) && connectionLevel(exception);
    }

    /** The connection failed before an answer began: the server did not act on the request, or not visibly. */
    private static boolean connectionLevel(IOException e) {
        // SocketTimeoutException is an InterruptedIOException, not a SocketException: never retried
        return e instanceof NoHttpResponseException || e instanceof ConnectException
                || e instanceof ConnectionClosedException || e instanceof SocketException;
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        if (response.getCode() != HttpStatus.SC_SERVICE_UNAVAILABLE) {
            return false;
        }
        HttpRequest request = HttpClientContext.castOrCreate(context).getRequest();
        if (request == null || !allowed(request, execCount, context)) {
            return false;
        }
        Duration wait = retryAfter(response);
        if (wait == null || wait.compareTo(MAX_RETRY_AFTER) > 0) {
            return false;
        }
        Instant deadline = DestinationHttpClient.deadline(context);
        return deadline == null || Instant.now().plus(wait).isBefore(deadline);
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        Duration wait = retryAfter(response);
        return TimeValue.ofMilliseconds(wait == null ? 0 : wait.toMillis());
    }

    @Override
    public TimeValue getRetryInterval(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        // a fresh connection right away: the failure was the connection's, not the server's load
        return TimeValue.ZERO_MILLISECONDS;
    }

    private static boolean allowed(HttpRequest request, int execCount, HttpContext context) {
        return execCount <= MAX_RETRIES && !Boolean.TRUE.equals(context.getAttribute(DISABLED))
                && IDEMPOTENT.contains(request.getMethod().toUpperCase(Locale.ROOT));
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
