package io.github.camelbtp.connectivity.tls;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The TLS material one engine has opened, by fingerprint and password digest: parsing a PKCS#12 file costs
 * milliseconds, so a destination resolved per request must not parse its key store each time. Owned by one engine
 * and cleared when it closes: two engines in one JVM (two applications, two tests) never share opened key material,
 * and a closed engine keeps none in memory. Thread-safe.
 */
public final class TlsCache implements AutoCloseable {

    final Cache<String, TlsMaterial> materials = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterAccess(Duration.ofHours(1)).build();
    final Cache<String, ClientKey> clientKeys = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterAccess(Duration.ofHours(1)).build();
    /** Destinations whose {@code TrustAll=TRUE} was warned about: once per engine and destination. */
    final Set<String> warnedTrustAll = ConcurrentHashMap.newKeySet();

    /** Whether {@code TrustAll=TRUE} of this destination is to be warned about now: once per engine and destination. */
    public boolean firstTrustAllWarning(String destination) {
        return warnedTrustAll.add(destination);
    }

    /** How many key and trust store combinations are open (for tests and metrics). */
    public long size() {
        return materials.estimatedSize() + clientKeys.estimatedSize();
    }

    @Override
    public void close() {
        materials.invalidateAll();
        clientKeys.invalidateAll();
        warnedTrustAll.clear();
    }
}
