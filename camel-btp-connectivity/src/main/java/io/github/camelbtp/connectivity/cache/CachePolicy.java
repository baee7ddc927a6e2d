package io.github.camelbtp.connectivity.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How long destinations stay cached.
 *
 * @param ttl             lifetime of an entry whose destination has no expiring token (default 5 minutes); an entry
 *                        with tokens lives until the earliest token expiry minus {@code tokenMargin} if that is sooner
 * @param ttlByName       per-destination lifetimes that replace {@code ttl} for those names
 * @param tokenMargin     how long before a token expires the entry holding it is considered expired (default 60 s;
 *                        at most half the token's lifetime)
 * @param maxStale        how long past its lifetime an entry may still be served while the source fails with a
 *                        transient error (stale-if-error; default 15 minutes; zero disables). Never past the expiry
 *                        of a token the entry holds.
 * @param notFoundTtl     how long "no such destination" is remembered for that one name (default 10 s)
 * @param maximumSize     maximum number of cached entries (default 1000)
 * @param refreshWait     how long a request whose entry has expired but may still be served waits for the refresh
 *                        it started before it is served the cached entry while the refresh goes on in the background
 *                        (default 1 s): a healthy service answers within it, a slow one never holds requests for its
 *                        whole timeout
 */
public record CachePolicy(Duration ttl, Map<String, Duration> ttlByName, Duration tokenMargin, Duration maxStale,
        Duration notFoundTtl, long maximumSize, Duration refreshWait) {

    public static final CachePolicy DEFAULT = new CachePolicy(Duration.ofMinutes(5), Map.of(), Duration.ofSeconds(60),
            Duration.ofMinutes(15), Duration.ofSeconds(10), 1000, Duration.ofSeconds(1));

    public CachePolicy {
        Objects.requireNonNull(ttl, "ttl");
        ttlByName = Map.copyOf(ttlByName);
        requireNotNegative(ttl, "ttl");
        requireNotNegative(tokenMargin, "tokenMargin");
        requireNotNegative(maxStale, "maxStale");
        requireNotNegative(notFoundTtl, "notFoundTtl");
        requireNotNegative(refreshWait, "refreshWait");
        ttlByName.forEach((name, d) -> requireNotNegative(d, "ttl of " + name));
    }

    private static void requireNotNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or positive, was " + d);
        }
    }

    public Duration ttlFor(String name) {
        return ttlByName.getOrDefault(name, ttl);
    }

    public CachePolicy withTtl(Duration ttl) {
        return new CachePolicy(ttl, ttlByName, tokenMargin, maxStale, notFoundTtl, maximumSize, refreshWait);
    }

    public CachePolicy withTtlFor(String name, Duration ttl) {
        Map<String, Duration> copy = new java.util.HashMap<>(ttlByName);
        copy.put(name, ttl);
        return new CachePolicy(this.ttl, copy, tokenMargin, maxStale, notFoundTtl, maximumSize, refreshWait);
    }

    public CachePolicy withMaxStale(Duration maxStale) {
        return new CachePolicy(ttl, ttlByName, tokenMargin, maxStale, notFoundTtl, maximumSize, refreshWait);
    }

    public CachePolicy withNotFoundTtl(Duration notFoundTtl) {
        return new CachePolicy(ttl, ttlByName, tokenMargin, maxStale, notFoundTtl, maximumSize, refreshWait);
    }

    public CachePolicy withRefreshWait(Duration refreshWait) {
        return new CachePolicy(ttl, ttlByName, tokenMargin, maxStale, notFoundTtl, maximumSize, refreshWait);
    }

    public CachePolicy withTokenMargin(Duration tokenMargin) {
        return new CachePolicy(ttl, ttlByName, tokenMargin, maxStale, notFoundTtl, maximumSize, refreshWait);
    }

    /** How many destinations (per tenant and user where they differ) the cache holds; see docs/performance.md, "Scaling out". */
    public CachePolicy withMaximumSize(long maximumSize) {
        return new CachePolicy(ttl, ttlByName, tokenMargin, maxStale, notFoundTtl, maximumSize, refreshWait);
    }
}
