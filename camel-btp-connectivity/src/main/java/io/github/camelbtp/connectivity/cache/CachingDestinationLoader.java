package io.github.camelbtp.connectivity.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.DestinationServiceException;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.auth.AccessToken;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Step 2 of the engine, <em>Cache</em>: wraps a loader with a Caffeine cache keyed by name and
 * {@link DestinationOptions}.
 * <ul>
 * <li>An entry is fresh until the earliest expiry of its auth tokens minus {@link CachePolicy#tokenMargin()}, or
 * for {@link CachePolicy#ttlFor(String)} when that is sooner or there are no expiring tokens.</li>
 * <li>Concurrent misses for one key make one call to the source; the others wait for its result (single-flight).</li>
 * <li>When refreshing fails with a transient error (service unreachable, 5xx, 429, token service down), the
 * previous entry is served for up to {@link CachePolicy#maxStale()} past its lifetime, but never once a token it
 * holds has expired (stale-if-error).</li>
 * <li>"Not found" is remembered for {@link CachePolicy#notFoundTtl()} for that name only; other names are unaffected
 * (unlike a circuit breaker per tenant).</li>
 * </ul>
 * Thread-safe.
 */
public final class CachingDestinationLoader implements DestinationLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CachingDestinationLoader.class);
    /** How long a stale entry is served before the failing source is asked again. */
    static final Duration STALE_RETRY_INTERVAL = Duration.ofSeconds(5);

    private record Key(String name, String options) {
    }

    /** A cached lookup result; {@code destination == null} means "not found". */
    private record Entry(Destination destination, Instant freshUntil, Instant usableUntil) {

        boolean isFresh(Instant now) {
            return now.isBefore(freshUntil);
        }
    }

    private final DestinationLoader delegate;
    private final CachePolicy policy;
    private final Clock clock;
    private final Cache<Key, Entry> cache;
    private final ConcurrentMap<Key, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();

    public CachingDestinationLoader(DestinationLoader delegate, CachePolicy policy, Clock clock) {
        this.delegate = delegate;
        this.policy = policy;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(policy.maximumSize())
                .ticker(() -> clock.millis() * 1_000_000L)
                // writing, not creating: a refreshed entry replaces the old one and must get its own lifetime
                .expireAfter(Expiry.<Key, Entry>writing((key, entry) -> {
                    Duration left = Duration.between(clock.instant(), entry.usableUntil());
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .build();
    }

    @Override
    public Optional<Destination> load(String name, DestinationOptions options) {
        Key key = new Key(name, options.cacheKey());
        Entry cached = cache.getIfPresent(key);
        if (cached != null && cached.isFresh(clock.instant())) {
            return Optional.ofNullable(cached.destination());
        }
        return Optional.ofNullable(refresh(key, options, cached).destination());
    }

    private Entry refresh(Key key, DestinationOptions options, Entry previous) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            // a caller that missed the cache just before another finished loading must not load a second time
            Entry current = cache.getIfPresent(key);
            if (current != null && current != previous && current.isFresh(clock.instant())) {
                mine.complete(current);
                return current;
            }
            Entry entry = loadEntry(key, options, current != null ? current : previous);
            mine.complete(entry);
            return entry;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private Entry loadEntry(Key key, DestinationOptions options, Entry previous) {
        Instant now = clock.instant();
        Optional<Destination> loaded;
        try {
            loaded = delegate.load(key.name(), options);
        } catch (BtpConnectivityException e) {
            if (isTransient(e) && previous != null && previous.destination() != null && now.isBefore(previous.usableUntil())) {
                // serve the stale entry without asking the failing source again for a few seconds: during an outage
                // each request would otherwise wait for the service's timeout before getting the same stale answer
                Instant retryAt = now.plus(STALE_RETRY_INTERVAL);
                Entry stale = new Entry(previous.destination(),
                        retryAt.isBefore(previous.usableUntil()) ? retryAt : previous.usableUntil(), previous.usableUntil());
                cache.put(key, stale);
                LOG.warn("Serving destination '{}' from cache (usable until {}, next refresh attempt in {} s) because"
                        + " refreshing it failed: {}", key.name(), previous.usableUntil(),
                        STALE_RETRY_INTERVAL.toSeconds(), e.getMessage());
                return stale;
            }
            throw e;
        }
        Entry entry = loaded.map(d -> entryFor(d, now))
                .orElseGet(() -> new Entry(null, now.plus(policy.notFoundTtl()), now.plus(policy.notFoundTtl())));
        cache.put(key, entry);
        return entry;
    }

    private Entry entryFor(Destination destination, Instant now) {
        Instant freshUntil = now.plus(policy.ttlFor(destination.name()));
        Instant usableUntil = freshUntil.plus(policy.maxStale());
        Optional<Instant> tokenExpiry = destination.earliestTokenExpiry();
        if (tokenExpiry.isPresent()) {
            // the margin is bounded by the token's lifetime, or a short-lived token would make every request a lookup
            Duration margin = AccessToken.refreshMargin(policy.tokenMargin(), Duration.between(now, tokenExpiry.get()));
            Instant tokenFreshUntil = tokenExpiry.get().minus(margin);
            if (tokenFreshUntil.isBefore(freshUntil)) {
                freshUntil = tokenFreshUntil;
            }
            // stale-if-error must never hand out an expired token
            if (tokenExpiry.get().isBefore(usableUntil)) {
                usableUntil = tokenExpiry.get();
            }
        }
        return new Entry(destination, freshUntil, usableUntil);
    }

    private static boolean isTransient(BtpConnectivityException e) {
        if (e instanceof DestinationServiceException dse) {
            return dse.isTransient();
        }
        // the binding's token service being down is an outage as well; a refused client is not
        return e instanceof TokenException te && (te.errorCode() == null || te.errorCode().startsWith("HTTP 5")
                || "HTTP 429".equals(te.errorCode())
                || "server_error".equals(te.errorCode()) || "temporarily_unavailable".equals(te.errorCode()));
    }

    private static Entry await(CompletableFuture<Entry> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** Drops the cached entries of one destination (all tenants and users). */
    public void invalidate(String name) {
        cache.asMap().keySet().removeIf(k -> k.name().equals(name));
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
