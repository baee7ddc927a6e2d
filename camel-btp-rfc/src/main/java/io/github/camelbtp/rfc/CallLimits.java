package io.github.camelbtp.rfc;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.destination.Destination;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * JCo's pool limits of an RFC destination [pooling-configuration-7add680] applied to btp-rfc calls: at most
 * {@code jco.destination.peak_limit} calls (default {@code jco.destination.pool_capacity}, default 1) run at once per
 * destination; a call waits up to {@code jco.destination.max_get_client_time} ms (default 30000) for its turn, then
 * fails. HTTP destinations used as transport have no such limits. Thread-safe.
 */
final class CallLimits {

    static final String POOL_CAPACITY = "jco.destination.pool_capacity";
    static final String PEAK_LIMIT = "jco.destination.peak_limit";
    static final String MAX_GET_CLIENT_TIME = "jco.destination.max_get_client_time";

    /** A turn to call; closing it gives it back. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private static final Permit UNLIMITED = () -> { };

    private final Map<String, Semaphore> limits = new ConcurrentHashMap<>();

    Permit acquire(Destination destination, String function) {
        if (destination.type() != io.github.camelbtp.connectivity.destination.DestinationType.RFC) {
            return UNLIMITED;
        }
        int capacity = number(destination, POOL_CAPACITY, 1);
        int peak = number(destination, PEAK_LIMIT, capacity);
        long wait = number(destination, MAX_GET_CLIENT_TIME, 30_000);
        if (peak <= 0) {
            return UNLIMITED; // JCo: 0 means no limit
        }
        Semaphore semaphore = limits.computeIfAbsent(destination.name() + "|" + peak, k -> new Semaphore(peak, true));
        try {
            if (!semaphore.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                throw new RfcException(destination.name(), function, "All " + peak + " connections of destination '"
                        + destination.name() + "' (" + PEAK_LIMIT + ") were busy for " + wait + " ms ("
                        + MAX_GET_CLIENT_TIME + "), so " + function + " was not called. Raise " + PEAK_LIMIT
                        + " or find out why calls take this long.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RfcException(destination.name(), function, "Interrupted while waiting for a connection of"
                    + " destination '" + destination.name() + "'", e);
        }
        return semaphore::release;
    }

    private static int number(Destination destination, String property, int defaultValue) {
        String value = destination.property(property).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new DestinationConfigurationException(destination.name(), property, "is '" + value
                    + "', not a whole number.");
        }
    }
}
