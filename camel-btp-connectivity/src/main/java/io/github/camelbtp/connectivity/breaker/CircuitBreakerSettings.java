package io.github.camelbtp.connectivity.breaker;

import java.time.Duration;
import java.util.Objects;

/**
 * How a destination's breaker judges its calls: it opens when at least {@code failureRatePercent} percent of the last
 * {@code window} calls (and at least {@code window} calls were made) failed on the hop, stays open for
 * {@code openDuration}, then lets one trial request through, whose outcome closes or reopens it.
 *
 * @param failureRatePercent 1..100
 * @param window             the number of last calls judged, at least 1
 * @param openDuration       how long an open breaker fails requests at once, positive
 */
public record CircuitBreakerSettings(int failureRatePercent, int window, Duration openDuration) {

    /** 50 % of the last 10 calls, open for 30 seconds. */
    public static final CircuitBreakerSettings DEFAULT = new CircuitBreakerSettings(50, 10, Duration.ofSeconds(30));

    public CircuitBreakerSettings {
        Objects.requireNonNull(openDuration, "openDuration");
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new IllegalArgumentException("circuitBreakerFailureRate must be a percentage from 1 to 100, was "
                    + failureRatePercent);
        }
        if (window < 1) {
            throw new IllegalArgumentException("circuitBreakerWindow must be at least 1 call, was " + window);
        }
        if (openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException("circuitBreakerOpenDuration must be positive, was " + openDuration);
        }
    }
}
