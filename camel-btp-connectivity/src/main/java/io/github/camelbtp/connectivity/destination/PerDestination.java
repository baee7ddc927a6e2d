package io.github.camelbtp.connectivity.destination;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.function.Function;

/**
 * What the engine works out from one {@link Destination} object alone (its checked URL and headers, its Basic header,
 * the headers of its service tokens, …), remembered for that object instead of worked out per request (issue 12).
 * <p>
 * Keyed by identity, with weak keys: a refreshed destination is a new object and gets its own entry, and an entry goes
 * when the destination cache drops its destination. A value must depend on the destination object alone, never on the
 * request's tenant, user or token: those are different for requests sharing one cached destination.
 * <p>
 * Read on every request, so the cache's upkeep (draining its read buffer, clearing collected keys) runs on the calling
 * thread: handed to the common pool, it woke a pool thread every few reads, and the requests paid for the wake-up
 * (issue 12: 2–3 µs of the callers' CPU per request, measured with async-profiler).
 *
 * @param <V> what is remembered
 */
public final class PerDestination<V> {

    private final Cache<Destination, V> values = Caffeine.newBuilder().weakKeys().executor(Runnable::run).build();

    /** The value remembered for this destination object, or {@code null}. */
    public V get(Destination destination) {
        return values.getIfPresent(destination);
    }

    /** Remembers {@code value} for this destination object. */
    public void put(Destination destination, V value) {
        values.put(destination, value);
    }

    /** The value remembered for this destination object, worked out by {@code compute} the first time. */
    public V get(Destination destination, Function<Destination, V> compute) {
        return values.get(destination, compute);
    }
}
