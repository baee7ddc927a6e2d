package io.github.camelbtp.connectivity.destination;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * What the engine works out from one {@link Destination} object alone (its checked URL and headers, its Basic header,
 * the headers of its service tokens, …), remembered for that object instead of worked out per request (issue 12).
 * <p>
 * Keyed by identity, with weak keys: a refreshed destination is a new object and gets its own entry, and an entry goes
 * when the destination cache drops its destination. Requests of different tenants and users share one cached
 * destination, so a value either depends on the destination alone or carries what else it depends on and is checked
 * against the request before use (the token requests per tenant, the identity scope's hash with its identity).
 * <p>
 * Read on every request, and by every caller at once, so the destinations read last are found without touching the
 * Caffeine cache: a small table indexed by identity hash, each slot the last destination and value read there. Every
 * Caffeine read records the access in a buffer shared by all threads, and with 8 threads resolving one destination
 * that buffer was most of the work: the hot-path benchmark ran 5.2 µs per resolve per thread against 0.43 µs alone
 * (issue 12, async-profiler). Table and cache hold the destinations weakly; the cache does its upkeep on the calling
 * thread instead of waking a common-pool thread every few reads. A value must not refer to its destination, or the
 * destination would never go.
 *
 * @param <V> what is remembered
 */
public final class PerDestination<V> {

    /** Slots of the table of destinations read last; a power of two. */
    static final int RECENT = 64;

    /** A slot of the table: the destination weakly, like the cache's keys, so the table keeps no destination alive. */
    private static final class Recent<V> extends WeakReference<Destination> {
        final V value;

        Recent(Destination destination, V value) {
            super(destination);
            this.value = value;
        }
    }

    private final Cache<Destination, V> values = Caffeine.newBuilder().weakKeys().executor(Runnable::run).build();
    private final AtomicReferenceArray<Recent<V>> recent = new AtomicReferenceArray<>(RECENT);

    /** The value remembered for this destination object, or {@code null}. */
    public V get(Destination destination) {
        int slot = slot(destination);
        Recent<V> last = recent.get(slot);
        if (last != null && last.get() == destination) {
            return last.value;
        }
        V value = values.getIfPresent(destination);
        if (value != null) {
            recent.set(slot, new Recent<>(destination, value));
        }
        return value;
    }

    /** Remembers {@code value} for this destination object. */
    public void put(Destination destination, V value) {
        values.put(destination, value);
        recent.set(slot(destination), new Recent<>(destination, value));
    }

    /** The value remembered for this destination object, worked out by {@code compute} the first time. */
    public V get(Destination destination, Function<Destination, V> compute) {
        V value = get(destination);
        if (value == null) {
            value = values.get(destination, compute);
            recent.set(slot(destination), new Recent<>(destination, value));
        }
        return value;
    }

    private static int slot(Destination destination) {
        return System.identityHashCode(destination) & (RECENT - 1);
    }
}
