package io.github.camelbtp.connectivity;

import java.time.Instant;

/**
 * The destination's circuit breaker is open (the engine option {@code circuitBreaker}): its last calls failed on the
 * way to the target (connection failures, timeouts, proxy 5xx, target 5xx), so requests to it fail at once, without
 * anything being sent, until the breaker lets a trial request through. Other destinations, and the same destination
 * of other tenants, have breakers of their own. Names the destination, the tenant (subdomain or tenant ID as the
 * request named it, never a token) and until when the breaker stays open.
 */
public class DestinationCircuitOpenException extends BtpConnectivityException {

    private final String tenant;
    private final Instant openUntil;

    public DestinationCircuitOpenException(String destinationName, String tenant, Instant openUntil, String message) {
        super(destinationName, message);
        this.tenant = tenant;
        this.openUntil = openUntil;
    }

    /** The tenant whose breaker is open, {@code null} for the provider. */
    public String tenant() {
        return tenant;
    }

    /** When the breaker lets one trial request through; a trial already under way leaves this in the past. */
    public Instant openUntil() {
        return openUntil;
    }
}
