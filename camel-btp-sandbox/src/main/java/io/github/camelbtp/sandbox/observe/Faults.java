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
        if (httpStatus != 0 && (httpStatus < 400 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be 0 (off) or 400..599, was " + httpStatus);
        }
        this.tokenServiceFailure = httpStatus;
        return this;
    }

    /** Delays every Destination Service REST answer by {@code latency} (without holding a server thread). */
    public Faults destinationServiceLatency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.destinationServiceLatency = latency;
        return this;
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
    }

    @Override
    public String toString() {
        return "Faults[destinationServiceDown=" + destinationServiceDown + ", tokenServiceFailure="
                + tokenServiceFailure + ", destinationServiceLatency=" + destinationServiceLatency + "]";
    }
}
