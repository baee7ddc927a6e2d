package io.github.camelbtp.connectivity.breaker;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationCircuitOpenException;
import io.github.camelbtp.connectivity.http.AnswerTooLargeException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One circuit breaker per tenant and destination name, off unless the engine was built with
 * {@link CircuitBreakerSettings}. A component {@linkplain #enter enters} the destination's breaker after the lookup
 * and before it sends anything, and reports how the call ended; an open breaker fails the request at once with
 * {@link DestinationCircuitOpenException}. The breakers are resilience4j's (the library Camel's own
 * {@code circuitBreaker} EIP runs on), count-based over the last {@code window} calls, with exactly one trial request
 * in the half-open state.
 * <p>
 * Only failures of the hop count ({@link #isHopFailure}): the target or the Connectivity proxy/Cloud Connector could
 * not be reached, did not answer in time, cut the answer, or answered 5xx. A destination that does not exist never
 * gets this far, and a 4xx answer means the hop works — SAP's Java SDK counts "not found" and keeps one breaker for
 * all destinations of a tenant, so one bad name stops everything (cloud-sdk-java #1071, #1075). Thread-safe.
 */
public final class DestinationCircuitBreakers {

    private static final DestinationCircuitBreakers OFF = new DestinationCircuitBreakers(null, Clock.systemUTC());
    /** What an engine that is off hands out: counts nothing. */
    private static final Call NOT_GUARDED = new Call(null);

    /** Where a destination's breaker is. */
    public enum State {
        /** Calls go through and are counted. */
        CLOSED,
        /** Calls fail at once until the open duration has passed. */
        OPEN,
        /** One trial call goes through; its outcome closes or reopens the breaker. */
        HALF_OPEN
    }

    private final CircuitBreakerSettings settings;
    private final CircuitBreakerConfig config;
    private final Clock clock;
    /**
     * Bounded and forgotten after an hour unused, so that many tenants cannot grow it without limit; a forgotten
     * breaker was closed again long before (the open duration is far shorter).
     */
    private final Cache<Key, Breaker> breakers = Caffeine.newBuilder().executor(Runnable::run).maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    private DestinationCircuitBreakers(CircuitBreakerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.config = settings == null ? null : CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.window())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                // the outcome is classified by isHopFailure before it is reported: whatever is reported as an
                // error counts
                .recordException(failure -> true)
                .clock(clock)
                .build();
    }

    /** No breakers: every call goes through and nothing is counted. */
    public static DestinationCircuitBreakers off() {
        return OFF;
    }

    /** A breaker per tenant and destination, judged by {@code settings}; {@code clock} dates "open until". */
    public static DestinationCircuitBreakers of(CircuitBreakerSettings settings, Clock clock) {
        return new DestinationCircuitBreakers(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** Whether breakers are on. */
    public boolean enabled() {
        return settings != null;
    }

    /** The settings the breakers judge by, {@code null} when off. */
    public CircuitBreakerSettings settings() {
        return settings;
    }

    /**
     * Asks the breaker of {@code destination} for {@code tenant} ({@code null}: the provider) whether a call may go
     * out; the caller reports the call's end on the returned {@link Call} exactly once.
     *
     * @throws DestinationCircuitOpenException when the breaker is open, or half-open with its trial under way
     */
    public Call enter(String destination, String tenant) {
        if (settings == null) {
            return NOT_GUARDED;
        }
        Breaker breaker = breakers.get(new Key(tenant, destination), this::newBreaker);
        if (!breaker.circuit.tryAcquirePermission()) {
            Instant until = breaker.openUntil.get();
            throw new DestinationCircuitOpenException(destination, tenant, until, "The circuit breaker of destination '"
                    + destination + "' (" + (tenant == null ? "provider" : "tenant '" + tenant + "'") + ") is open"
                    + (until.isAfter(clock.instant()) ? " until " + until : ", and its one trial request is under way")
                    + ": at least " + settings.failureRatePercent() + " % of its last " + settings.window()
                    + " calls failed on the way to the target (connection failures, timeouts, answers cut off, 5xx"
                    + " answers). Nothing was sent. Check the target system (and for OnPremise destinations the Cloud"
                    + " Connector); after the open duration of " + settings.openDuration().toMillis() + " ms one trial"
                    + " request goes through and closes the breaker when it succeeds (engine options circuitBreaker*).");
        }
        return new Call(breaker);
    }

    /** The breaker's state; {@code CLOSED} for one never entered and when breakers are off. */
    public State state(String destination, String tenant) {
        Breaker breaker = breakers.getIfPresent(new Key(tenant, destination));
        if (breaker == null) {
            return State.CLOSED;
        }
        return switch (breaker.circuit.getState()) {
            case OPEN, FORCED_OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
            default -> State.CLOSED;
        };
    }

    /**
     * Whether {@code failure} of a call that was sent is a failure of the hop, which a breaker counts: an I/O
     * failure (connect, timeout, reset, answer cut off — the engine's deadline included), also wrapped in an engine
     * error, or a {@link CloudConnectorException} of the proxy or Cloud Connector, except its 4xx refusals (407,
     * 403 access denied) and the SOCKS5 ruleset refusal, which are configuration, not availability. Other errors (a
     * CSRF token the server does not give, an answer over the size cap) say nothing about availability.
     */
    public static boolean isHopFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CloudConnectorException cloudConnector) {
                int status = cloudConnector.status();
                // SOCKS5 reply 0x02: connection not allowed by ruleset
                return !(status >= 400 && status < 500) && status != 2;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AnswerTooLargeException) {
                return false;
            }
            // an engine error wrapping an I/O failure (a direct destination's deadline) is one
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Whether an answer with {@code status} counts as a failure of the hop: 5xx does, 4xx (the hop works) does not. */
    public static boolean isHopFailure(int status) {
        return status >= 500;
    }

    private Breaker newBreaker(Key key) {
        CircuitBreaker circuit = CircuitBreaker.of(key.tenant() == null ? key.destination()
                : key.tenant() + "/" + key.destination(), config);
        Breaker breaker = new Breaker(circuit, new AtomicReference<>(Instant.MIN));
        circuit.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                breaker.openUntil.set(clock.instant().plus(settings.openDuration()));
            }
        });
        return breaker;
    }

    private record Key(String tenant, String destination) {
    }

    private record Breaker(CircuitBreaker circuit, AtomicReference<Instant> openUntil) {
    }

    /** One call let through: report its end once, with {@link #succeeded}, {@link #answered} or {@link #failed}. */
    public static final class Call {

        private final Breaker breaker;
        private final long start = System.nanoTime();
        private final AtomicBoolean reported = new AtomicBoolean();

        private Call(Breaker breaker) {
            this.breaker = breaker;
        }

        /** The call completed (MAIL, LDAP, TCP; an HTTP answer whose status is unknown to the caller). */
        public void succeeded() {
            if (breaker != null && reported.compareAndSet(false, true)) {
                breaker.circuit.onSuccess(elapsed(), TimeUnit.NANOSECONDS);
            }
        }

        /** The target answered with {@code status}: 5xx counts as a failure, anything else as a success. */
        public void answered(int status) {
            if (isHopFailure(status)) {
                record(new IOException("answered " + status));
            } else {
                succeeded();
            }
        }

        /**
         * The call failed with {@code failure}: a hop failure ({@link #isHopFailure(Throwable)}) counts; any other
         * failure is not counted (and frees the half-open breaker's trial for the next request).
         */
        public void failed(Throwable failure) {
            if (isHopFailure(failure)) {
                record(failure);
            } else if (breaker != null && reported.compareAndSet(false, true)) {
                breaker.circuit.releasePermission();
            }
        }

        private void record(Throwable failure) {
            if (breaker != null && reported.compareAndSet(false, true)) {
                breaker.circuit.onError(elapsed(), TimeUnit.NANOSECONDS, failure);
            }
        }

        private long elapsed() {
            return System.nanoTime() - start;
        }
    }
}
