package io.github.camelbtp.connectivity.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.ConnectivityListener;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.DestinationServiceException;
import io.github.camelbtp.connectivity.LookupResult;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.destination.AuthToken;
import io.github.camelbtp.connectivity.destination.AuthenticationType;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Step 2 of the engine, <em>Cache</em>: wraps a loader with a Caffeine cache keyed by name and
 * {@link DestinationOptions}.
 * <ul>
 * <li>An entry is fresh until the earliest expiry of its auth tokens minus {@link CachePolicy#tokenMargin()} (at most
 * half the token's lifetime), or for {@link CachePolicy#ttlFor(String)} when that is sooner or there are no expiring
 * tokens.</li>
 * <li>Keyed by user only where the answer depends on the user: a destination whose authentication type makes the
 * Destination Service return the user's own tokens (OAuth2JWTBearer, OAuth2UserTokenExchange, …, see
 * {@link AuthenticationType#answerDependsOnUser}) is cached per user; every other destination once per tenant,
 * fragment and chain, whatever user tokens requests carry. Which one a destination is, is learned from its lookups
 * (the type is only known from the answer); until then, and whenever it changes, the requesting user's own key is
 * used, so one user's tokens never serve another.</li>
 * <li>Concurrent misses for one key make one call to the source; the others wait for its result (single-flight).</li>
 * <li>An expired entry that may still be served (stale-while-revalidate, within {@link CachePolicy#maxStale()} and
 * never past the expiry of a token it holds) is refreshed in the background: the request that starts the refresh
 * waits at most {@link CachePolicy#refreshWait()} for it, requests arriving meanwhile get the cached entry at once.
 * A slow Destination Service therefore never holds requests for its whole timeout while the cache is warm.</li>
 * <li>When refreshing fails with a transient error (service unreachable or too slow, 5xx, 429, token service down),
 * the previous entry is served for up to {@link CachePolicy#maxStale()} past its lifetime, but never once a token it
 * holds has expired (stale-if-error); the source is asked again {@link #STALE_RETRY_INTERVAL} after the failure.</li>
 * <li>"Not found" is remembered for {@link CachePolicy#notFoundTtl()} for that name only; other names are unaffected
 * (unlike a circuit breaker per tenant).</li>
 * </ul>
 * Thread-safe. {@link #close()} stops the background refreshes.
 */
public final class CachingDestinationLoader implements DestinationLoader, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CachingDestinationLoader.class);
    /** How long a stale entry is served before the failing source is asked again, counted from the failure. */
    static final Duration STALE_RETRY_INTERVAL = Duration.ofSeconds(5);
    /** Background refreshes running at once; more wait in the queue while their requests are served cached entries. */
    private static final int REFRESH_THREADS = 8;

    /** {@code scope}: the options' shared cache key, or their full key for a user-dependent destination. */
    private record Key(String name, String scope) {
    }

    /**
     * A cached lookup result; {@code destination == null} means "not found". {@code userScope} is the full cache key
     * of the user the entry belongs to, {@code null} when its answer does not depend on the user. {@code stale}: kept
     * past its lifetime because refreshing it failed (stale-if-error), so serving it is a stale serve.
     */
    private record Entry(Destination destination, Instant freshUntil, Instant usableUntil, String userScope,
            boolean stale) {

        boolean isFresh(Instant now) {
            return now.isBefore(freshUntil);
        }

        boolean isServable(Instant now) {
            return destination != null && now.isBefore(usableUntil);
        }
    }

    /** An entry served to one request, and how ({@link ConnectivityListener#destinationLookup}). */
    private record Served(Entry entry, LookupResult result) {

        static Served of(Entry entry, LookupResult result) {
            return new Served(entry, entry.destination() == null ? LookupResult.NOT_FOUND
                    : entry.stale() ? LookupResult.STALE : result);
        }
    }

    /** The keys of one request: shared by every user, and the caller's own. */
    private record Keys(Key shared, Key own) {
    }

    private final DestinationLoader delegate;
    private final CachePolicy policy;
    private final Clock clock;
    private final Cache<Key, Entry> cache;
    /** Per shared key: whether the destination's answer depends on the user, as its last lookup showed. */
    private final Cache<Key, Boolean> userDependent;
    private final ConcurrentMap<Key, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor refresher;
    private final ConnectivityListener listener;

    public CachingDestinationLoader(DestinationLoader delegate, CachePolicy policy, Clock clock) {
        this(delegate, policy, clock, ConnectivityListener.NONE);
    }

    /** @param listener told each request's lookup result (hit, miss, stale, not found, error) */
    public CachingDestinationLoader(DestinationLoader delegate, CachePolicy policy, Clock clock,
            ConnectivityListener listener) {
        this.listener = listener;
        this.delegate = delegate;
        this.policy = policy;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                // the cache's upkeep on the calling thread: handing it to the common pool woke a thread every few
                // reads, a cost the requests paid (issue 12); nothing here loads or refreshes asynchronously
                .executor(Runnable::run)
                .maximumSize(policy.maximumSize())
                .ticker(() -> clock.millis() * 1_000_000L)
                // writing, not creating: a refreshed entry replaces the old one and must get its own lifetime
                .expireAfter(Expiry.<Key, Entry>writing((key, entry) -> {
                    Duration left = Duration.between(clock.instant(), entry.usableUntil());
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .build();
        this.userDependent = Caffeine.newBuilder().executor(Runnable::run).maximumSize(policy.maximumSize()).build();
        AtomicInteger threads = new AtomicInteger();
        this.refresher = new ThreadPoolExecutor(REFRESH_THREADS, REFRESH_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "btp-destination-refresh-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        refresher.allowCoreThreadTimeOut(true);
    }

    @Override
    public Optional<Destination> load(String name, DestinationOptions options) {
        Keys keys = new Keys(new Key(name, options.sharedCacheKey()), new Key(name, options.cacheKey()));
        // unknown or user-dependent: the caller's own key, so nobody is ever served another user's tokens
        Key key = Boolean.FALSE.equals(userDependent.getIfPresent(keys.shared())) ? keys.shared() : keys.own();
        Served served;
        try {
            served = load(key, keys, options);
            if (served.entry().userScope() != null && !served.entry().userScope().equals(keys.own().scope())) {
                // the destination turned out (or became) user-dependent in another user's lookup: look up for this user
                served = load(keys.own(), keys, options);
            }
        } catch (RuntimeException e) {
            listener.destinationLookup(name, options.tenant(), LookupResult.ERROR);
            throw e;
        }
        listener.destinationLookup(name, options.tenant(), served.result());
        return Optional.ofNullable(served.entry().destination());
    }

    private Served load(Key key, Keys keys, DestinationOptions options) {
        Entry cached = cache.getIfPresent(key);
        Instant now = clock.instant();
        if (cached != null && cached.isFresh(now)) {
            return Served.of(cached, LookupResult.HIT);
        }
        if (cached != null && cached.isServable(now)) {
            Entry entry = refreshBehind(key, keys, options, cached);
            return Served.of(entry, entry == cached ? LookupResult.STALE : LookupResult.MISS);
        }
        return Served.of(refresh(key, keys, options, cached), LookupResult.MISS);
    }

    /**
     * Refreshes an expired entry that may still be served: in the background, waiting at most
     * {@link CachePolicy#refreshWait()} for it; requests arriving while it runs get the cached entry at once.
     */
    private Entry refreshBehind(Key key, Keys keys, DestinationOptions options, Entry stale) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        if (inFlight.putIfAbsent(key, mine) != null) {
            return stale;
        }
        try {
            refresher.execute(() -> {
                Entry entry;
                try {
                    entry = loadEntry(key, keys, options, stale);
                } catch (RuntimeException e) {
                    inFlight.remove(key, mine);
                    mine.completeExceptionally(e);
                    return;
                }
                // no longer in flight before anyone learns the result: their next load must see the new entry
                inFlight.remove(key, mine);
                mine.complete(entry);
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(key, mine); // closed: refresh in the caller
            return refresh(key, keys, options, stale);
        }
        try {
            return mine.get(policy.refreshWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.debug("Serving destination '{}' from cache while it is refreshed in the background (the source did not"
                    + " answer within {} ms)", key.name(), policy.refreshWait().toMillis());
            return stale;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stale;
        } catch (ExecutionException e) {
            // a refresh that failed for good (not transient) is reported, as to a request without a cached entry
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Entry refresh(Key key, Keys keys, DestinationOptions options, Entry previous) {
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
            Entry entry = loadEntry(key, keys, options, current != null ? current : previous);
            mine.complete(entry);
            return entry;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private Entry loadEntry(Key key, Keys keys, DestinationOptions options, Entry previous) {
        Optional<Destination> loaded;
        try {
            loaded = delegate.load(key.name(), options);
        } catch (BtpConnectivityException e) {
            // measured after the failure: a source that took its whole timeout to fail must not be asked again at once
            Instant now = clock.instant();
            if (isTransient(e) && previous != null && previous.isServable(now)) {
                // serve the stale entry without asking the failing source again for a few seconds: during an outage
                // each request would otherwise wait for the service's timeout before getting the same stale answer
                Instant retryAt = now.plus(STALE_RETRY_INTERVAL);
                Entry stale = new Entry(previous.destination(),
                        retryAt.isBefore(previous.usableUntil()) ? retryAt : previous.usableUntil(), previous.usableUntil(),
                        previous.userScope(), true);
                cache.put(key, stale);
                LOG.warn("Serving destination '{}' from cache (usable until {}, next refresh attempt in {} s) because"
                        + " refreshing it failed: {}", key.name(), previous.usableUntil(),
                        STALE_RETRY_INTERVAL.toSeconds(), e.getMessage());
                return stale;
            }
            throw e;
        }
        Instant now = clock.instant();
        // "not found" does not depend on the user: remembered once for everyone
        boolean perUser = loaded.isPresent() && answerDependsOnUser(loaded.get());
        userDependent.put(keys.shared(), perUser);
        Key storeKey = perUser ? keys.own() : keys.shared();
        Entry entry = loaded.map(d -> entryFor(d, now, perUser ? keys.own().scope() : null))
                .orElseGet(() -> new Entry(null, now.plus(policy.notFoundTtl()), now.plus(policy.notFoundTtl()), null,
                        false));
        cache.put(storeKey, entry);
        if (!storeKey.equals(key)) {
            cache.invalidate(key); // an entry under the other key must not be served stale later
        }
        return entry;
    }

    /** Unknown or invalid types count as user-dependent: the safe side until validation reports them. */
    private static boolean answerDependsOnUser(Destination destination) {
        try {
            return destination.authentication().answerDependsOnUser(destination);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private Entry entryFor(Destination destination, Instant now, String userScope) {
        Instant freshUntil = now.plus(policy.ttlFor(destination.name()));
        Instant usableUntil = freshUntil.plus(policy.maxStale());
        Optional<Instant> tokenExpiry = destination.earliestTokenExpiry();
        if (tokenExpiry.isPresent()) {
            // the margin is bounded by the token's lifetime, or a short-lived token would make every request a lookup
            Duration margin = AuthToken.refreshMargin(policy.tokenMargin(), Duration.between(now, tokenExpiry.get()));
            Instant tokenFreshUntil = tokenExpiry.get().minus(margin);
            if (tokenFreshUntil.isBefore(freshUntil)) {
                freshUntil = tokenFreshUntil;
            }
            // stale-if-error must never hand out an expired token
            if (tokenExpiry.get().isBefore(usableUntil)) {
                usableUntil = tokenExpiry.get();
            }
        }
        return new Entry(destination, freshUntil, usableUntil, userScope, false);
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

    /** Stops background refreshes; later loads refresh in the caller. */
    @Override
    public void close() {
        refresher.shutdownNow();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
