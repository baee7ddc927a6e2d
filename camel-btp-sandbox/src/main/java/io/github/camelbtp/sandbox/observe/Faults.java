package io.github.camelbtp.sandbox.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * Failures to inject into the BTP services, for resilience tests. All faults are off after start and after
 * {@link #reset()}. Thread-safe; a change applies to the next request.
 */
public final class Faults {

    private volatile boolean destinationServiceDown;
    private volatile int tokenServiceFailure;
    private volatile Duration destinationServiceLatency = Duration.ZERO;
    private volatile Garbage destinationServiceGarbage = Garbage.NONE;
    private volatile Duration tokenServiceLatency = Duration.ZERO;
    private volatile Garbage tokenServiceGarbage = Garbage.NONE;
    private volatile int connectivityProxyFailure;
    /** How many of the next requests the proxy still refuses with {@link #connectivityProxyFailureOnce}'s status. */
    private final java.util.concurrent.atomic.AtomicInteger connectivityProxyFailuresLeft = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int connectivityProxyFailureOnce;
    private volatile boolean connectivityProxyCutsAnswers;
    private volatile Duration backendLatency = Duration.ZERO;
    private volatile boolean backendCutsBodies;
    private volatile SocksCut socks5Cut = SocksCut.NONE;

    /** What a service answering garbage sends, with status 200 and {@code Content-Type: application/json}. */
    public enum Garbage {
        /** Answers normally. */
        NONE,
        /** An HTML error page, as a misrouted load balancer sends: not JSON at all. */
        NOT_JSON,
        /** A JSON object cut in the middle, as when a gateway drops the rest of the answer. */
        TRUNCATED_JSON;

        /** The body this garbage is made of ({@code NONE}: {@code null}). */
        public byte[] body() {
            return switch (this) {
                case NONE -> null;
                case NOT_JSON -> "<html><body><h1>502 Bad Gateway</h1></body></html>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                case TRUNCATED_JSON -> "{\"owner\":{\"SubaccountId\":\"sandbox\"},\"destinationConfiguration\":{\"Na"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            };
        }
    }

    /** Where the SOCKS5 proxy cuts the handshake (closes the connection without answering). */
    public enum SocksCut {
        /** Completes the handshake. */
        NONE,
        /** Reads the client's greeting (its methods) and closes without choosing one. */
        AFTER_GREETING,
        /** Chooses SAP's method 0x80, reads the authentication request and closes without the authentication reply. */
        AFTER_AUTHENTICATION
    }

    public Faults() {
    }

    /**
     * While {@code down}, every Destination Service REST call (find and admin) answers
     * {@code 503 {"ErrorMessage":"Service Unavailable"}}.
     */
    public Faults destinationServiceDown(boolean down) {
        this.destinationServiceDown = down;
        return this;
    }

    /**
     * Makes {@code POST …/oauth/token} answer {@code httpStatus} with {@code {"error":"server_error"}};
     * {@code 0} switches the fault off.
     *
     * @throws IllegalArgumentException unless 0 or 400..599
     */
    public Faults tokenServiceFailure(int httpStatus) {
        this.tokenServiceFailure = checkedStatus(httpStatus);
        return this;
    }

    /** Delays every Destination Service REST answer by {@code latency} (without holding a server thread). */
    public Faults destinationServiceLatency(Duration latency) {
        this.destinationServiceLatency = nonNegative(latency);
        return this;
    }

    /** Holds the calling server thread for a fault's {@code latency} (a zero latency returns at once). */
    public static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration nonNegative(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        return latency;
    }

    private static int checkedStatus(int httpStatus) {
        if (httpStatus != 0 && (httpStatus < 400 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be 0 (off) or 400..599, was " + httpStatus);
        }
        return httpStatus;
    }

    /** While not {@code NONE}, every Destination Service REST call answers 200 with {@code garbage}. */
    public Faults destinationServiceGarbage(Garbage garbage) {
        this.destinationServiceGarbage = Objects.requireNonNull(garbage, "garbage");
        return this;
    }

    /** Delays every token service answer ({@code …/oauth/token}) by {@code latency}. */
    public Faults tokenServiceLatency(Duration latency) {
        this.tokenServiceLatency = nonNegative(latency);
        return this;
    }

    /** While not {@code NONE}, {@code POST …/oauth/token} answers 200 with {@code garbage} instead of a token. */
    public Faults tokenServiceGarbage(Garbage garbage) {
        this.tokenServiceGarbage = Objects.requireNonNull(garbage, "garbage");
        return this;
    }

    /**
     * Makes the Connectivity proxy answer every request with {@code httpStatus} before checking anything: 407 as for
     * a token it does not accept, 503 as while no Cloud Connector is connected for the location
     * [consuming-the-connectivity-service-313b215]; {@code 0} switches the fault off.
     *
     * @throws IllegalArgumentException unless 0 or 400..599
     */
    public Faults connectivityProxyFailure(int httpStatus) {
        this.connectivityProxyFailure = checkedStatus(httpStatus);
        return this;
    }

    /**
     * Makes the Connectivity proxy answer only the next {@code times} requests with {@code httpStatus} before checking
     * anything, then work again: 407 once is what a connectivity token that expired between being taken and being read
     * by the proxy gets [consuming-the-connectivity-service-313b215].
     *
     * @throws IllegalArgumentException unless 400..599 and {@code times} at least 1
     */
    public Faults connectivityProxyFailure(int httpStatus, int times) {
        if (httpStatus == 0 || times < 1) {
            throw new IllegalArgumentException("a status 400..599 for at least one request: " + httpStatus + ", " + times);
        }
        this.connectivityProxyFailureOnce = checkedStatus(httpStatus);
        this.connectivityProxyFailuresLeft.set(times);
        return this;
    }

    /**
     * While on, the Connectivity proxy forwards each request, then sends only the first half of the backend's answer
     * (status line and headers included, with the full {@code Content-Length}) and closes the connection: a tunnel
     * breaking mid-response: when a Cloud Connector fails over to its shadow instance, open connections through it
     * break.
     */
    public Faults connectivityProxyCutsAnswers(boolean cut) {
        this.connectivityProxyCutsAnswers = cut;
        return this;
    }

    /** Delays every answer of the demo HTTP backends (sales orders on-premise, cloud API) by {@code latency}. */
    public Faults backendLatency(Duration latency) {
        this.backendLatency = nonNegative(latency);
        return this;
    }

    /**
     * While on, the demo HTTP backends announce their answer's full {@code Content-Length}, send half the body and
     * close the connection.
     */
    public Faults backendCutsBodies(boolean cut) {
        this.backendCutsBodies = cut;
        return this;
    }

    /** Makes the SOCKS5 proxy close every new connection at {@code cut}. */
    public Faults socks5Cut(SocksCut cut) {
        this.socks5Cut = Objects.requireNonNull(cut, "cut");
        return this;
    }

    /** What the Destination Service answers instead of its JSON; {@code NONE} when it works. */
    public Garbage destinationServiceGarbage() {
        return destinationServiceGarbage;
    }

    /** The latency added to token service answers. */
    public Duration tokenServiceLatency() {
        return tokenServiceLatency;
    }

    /** What the token service answers instead of a token; {@code NONE} when it works. */
    public Garbage tokenServiceGarbage() {
        return tokenServiceGarbage;
    }

    /** The status the Connectivity proxy fails every request with, 0 when it works. */
    public int connectivityProxyFailureStatus() {
        return connectivityProxyFailure;
    }

    /**
     * The status the Connectivity proxy fails this request with, 0 when it works: the status of
     * {@link #connectivityProxyFailure(int)}, or one of the refusals {@link #connectivityProxyFailure(int, int)} has
     * left (each call takes one).
     */
    public int takeConnectivityProxyFailure() {
        if (connectivityProxyFailure != 0) {
            return connectivityProxyFailure;
        }
        return connectivityProxyFailuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0
                ? connectivityProxyFailureOnce : 0;
    }

    /** Whether the Connectivity proxy cuts its answers in half. */
    public boolean connectivityProxyCutsAnswers() {
        return connectivityProxyCutsAnswers;
    }

    /** The latency added to the demo HTTP backends' answers. */
    public Duration backendLatency() {
        return backendLatency;
    }

    /** Whether the demo HTTP backends cut their bodies in half. */
    public boolean backendCutsBodies() {
        return backendCutsBodies;
    }

    /** Where the SOCKS5 proxy cuts the handshake. */
    public SocksCut socks5Cut() {
        return socks5Cut;
    }

    /** Whether the Destination Service is down. */
    public boolean isDestinationServiceDown() {
        return destinationServiceDown;
    }

    /** The status the token service fails with, 0 when it works. */
    public int tokenServiceFailureStatus() {
        return tokenServiceFailure;
    }

    /** The latency added to Destination Service answers. */
    public Duration destinationServiceLatency() {
        return destinationServiceLatency;
    }

    /** Switches every fault off. */
    public void reset() {
        destinationServiceDown = false;
        tokenServiceFailure = 0;
        destinationServiceLatency = Duration.ZERO;
        destinationServiceGarbage = Garbage.NONE;
        tokenServiceLatency = Duration.ZERO;
        tokenServiceGarbage = Garbage.NONE;
        connectivityProxyFailure = 0;
        connectivityProxyFailuresLeft.set(0);
        connectivityProxyCutsAnswers = false;
        backendLatency = Duration.ZERO;
        backendCutsBodies = false;
        socks5Cut = SocksCut.NONE;
    }

    @Override
    public String toString() {
        return "Faults[destinationServiceDown=" + destinationServiceDown + ", tokenServiceFailure="
                + tokenServiceFailure + ", destinationServiceLatency=" + destinationServiceLatency
                + ", destinationServiceGarbage=" + destinationServiceGarbage + ", tokenServiceLatency=" + tokenServiceLatency
                + ", tokenServiceGarbage=" + tokenServiceGarbage + ", connectivityProxyFailure=" + connectivityProxyFailure
                + ", connectivityProxyCutsAnswers=" + connectivityProxyCutsAnswers + ", backendLatency=" + backendLatency
                + ", backendCutsBodies=" + backendCutsBodies + ", socks5Cut=" + socks5Cut + "]";
    }
}
