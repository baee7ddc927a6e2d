package io.github.camelbtp.connectivity.cache;

import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.DestinationServiceException;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.destination.AuthToken;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationLoader;
import io.github.camelbtp.connectivity.support.MutableClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pure cache-policy rules with an in-memory source and a fake clock. The same behaviours are shown against the
 * sandbox's Destination Service in {@link DestinationCacheSandboxTest}.
 */
class CachingDestinationLoaderPolicyTest {

    private final MutableClock clock = new MutableClock();

    /** A source whose answer per name a test sets; counts calls. */
    private final class FakeSource implements DestinationLoader {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        volatile Function<String, Optional<Destination>> answer = name -> Optional.of(destination(name, List.of()));

        @Override
        public Optional<Destination> load(String name, DestinationOptions options) {
            calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            return answer.apply(name);
        }

        int calls(String name) {
            AtomicInteger n = calls.get(name);
            return n == null ? 0 : n.get();
        }

        @Override
        public String describe() {
            return "fake";
        }
    }

    private final FakeSource source = new FakeSource();

    private static Destination destination(String name, List<AuthToken> tokens) {
        return new Destination(name, Map.of("Name", name, "URL", "http://x"), tokens, "fake");
    }

    private AuthToken tokenExpiringIn(Duration d) {
        Instant at = clock.instant().plus(d);
        return new AuthToken("bearer", "tok-value-1234", "Authorization", "Bearer tok-value-1234", at, null);
    }

    private CachingDestinationLoader cache(CachePolicy policy) {
        return new CachingDestinationLoader(source, policy, clock);
    }

    @Test
    void secondLoadWithinTtlDoesNotAskTheSource() {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);

        cache.load("A", DestinationOptions.NONE);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        cache.load("A", DestinationOptions.NONE);

        assertThat(source.calls("A")).isEqualTo(1);
    }

    @Test
    void loadAfterTtlAsksTheSourceAgain() {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);

        cache.load("A", DestinationOptions.NONE);
        clock.advance(Duration.ofMinutes(5));
        cache.load("A", DestinationOptions.NONE);

        assertThat(source.calls("A")).isEqualTo(2);
    }

    @Test
    void perDestinationTtlReplacesTheDefaultForThatNameOnly() {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT.withTtlFor("Short", Duration.ofSeconds(10)));

        cache.load("Short", DestinationOptions.NONE);
        cache.load("Other", DestinationOptions.NONE);
        clock.advance(Duration.ofSeconds(10));
        cache.load("Short", DestinationOptions.NONE);
        cache.load("Other", DestinationOptions.NONE);

        assertThat(source.calls("Short")).isEqualTo(2);
        assertThat(source.calls("Other")).isEqualTo(1);
    }

    @Test
    void entryLivesUntilEarliestTokenExpiryMinusMargin() {
        source.answer = name -> Optional.of(destination(name, List.of(tokenExpiringIn(Duration.ofSeconds(300)),
                tokenExpiringIn(Duration.ofSeconds(120)))));
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT.withTokenMargin(Duration.ofSeconds(60)));

        cache.load("A", DestinationOptions.NONE);
        clock.advance(Duration.ofSeconds(59));
        cache.load("A", DestinationOptions.NONE);
        assertThat(source.calls("A")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        cache.load("A", DestinationOptions.NONE);
        assertThat(source.calls("A")).isEqualTo(2);
    }

    @Test
    void tenantsNeverShareAnEntry() {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);

        cache.load("A", DestinationOptions.forTenant("t1"));
        cache.load("A", DestinationOptions.forTenant("t2"));
        cache.load("A", DestinationOptions.forTenant("t1"));

        assertThat(source.calls("A")).isEqualTo(2);
    }

    @Test
    void invalidateMakesTheNextLoadAskTheSource() {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);

        cache.load("A", DestinationOptions.NONE);
        cache.invalidate("A");
        cache.load("A", DestinationOptions.NONE);

        assertThat(source.calls("A")).isEqualTo(2);
    }

    @Test
    void concurrentMissesForOneNameMakeOneCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        source.answer = name -> {
            await(release);
            return Optional.of(destination(name, List.of()));
        };
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<Destination>>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> {
                    await(start);
                    return cache.load("A", DestinationOptions.NONE);
                }));
            }
            start.countDown();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> source.calls("A") >= 1);
            release.countDown();
            for (Future<Optional<Destination>> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(source.calls("A")).isEqualTo(1);
    }

    @Test
    void failureOfTheSingleFlightCallReachesEveryWaiter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        source.answer = name -> {
            await(release);
            throw new DestinationServiceException(name, 503, "down", "down", null);
        };
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<Destination>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> cache.load("A", DestinationOptions.NONE)));
            }
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> source.calls("A") >= 1);
            release.countDown();
            for (Future<Optional<Destination>> f : results) {
                assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DestinationServiceException.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void staleEntryIsServedWhileTheSourceHasATransientFailure() {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);
        Destination warm = cache.load("A", DestinationOptions.NONE).orElseThrow();

        source.answer = name -> {
            throw new DestinationServiceException(name, 503, "Service Unavailable", "down", null);
        };
        clock.advance(Duration.ofMinutes(5).plus(Duration.ofMinutes(14)));

        assertThat(cache.load("A", DestinationOptions.NONE)).containsSame(warm);
        assertThat(source.calls("A")).isEqualTo(2);
    }

    @Test
    void duringAnOutageTheFailingSourceIsAskedAgainOnlyAfterTheRetryInterval() {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);
        Destination warm = cache.load("A", DestinationOptions.NONE).orElseThrow();
        source.answer = name -> {
            throw new DestinationServiceException(name, 503, "Service Unavailable", "down", null);
        };
        clock.advance(Duration.ofMinutes(6));

        for (int i = 0; i < 10; i++) {
            assertThat(cache.load("A", DestinationOptions.NONE)).containsSame(warm);
        }
        assertThat(source.calls("A")).as("one failed refresh, then stale answers without calls").isEqualTo(2);

        clock.advance(CachingDestinationLoader.STALE_RETRY_INTERVAL);
        assertThat(cache.load("A", DestinationOptions.NONE)).containsSame(warm);
        assertThat(source.calls("A")).as("asked again once the retry interval passed").isEqualTo(3);

        source.answer = name -> Optional.of(destination(name, List.of()));
        clock.advance(CachingDestinationLoader.STALE_RETRY_INTERVAL);
        assertThat(cache.load("A", DestinationOptions.NONE).orElseThrow()).isNotSameAs(warm);
        assertThat(source.calls("A")).isEqualTo(4);
    }

    @Test
    void retryIntervalOfAStaleEntryCountsFromTheFailureNotFromTheStartOfTheSlowCall() {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);
        Destination warm = cache.load("A", DestinationOptions.NONE).orElseThrow();
        source.answer = name -> {
            clock.advance(Duration.ofSeconds(6)); // a lookup that fails only after the service timeout
            throw new DestinationServiceException(name, 0, null, "no answer within the deadline", null);
        };
        clock.advance(Duration.ofMinutes(6));

        assertThat(cache.load("A", DestinationOptions.NONE)).containsSame(warm);
        assertThat(cache.load("A", DestinationOptions.NONE)).containsSame(warm);

        assertThat(source.calls("A")).as("the second request is served from cache, not held for another timeout").isEqualTo(2);
    }

    @Test
    void refreshedEntryGetsItsOwnStaleWindow() {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT.withMaxStale(Duration.ofMinutes(15)));
        cache.load("A", DestinationOptions.NONE);
        clock.advance(Duration.ofMinutes(6));
        Destination refreshed = cache.load("A", DestinationOptions.NONE).orElseThrow();

        source.answer = name -> {
            throw new DestinationServiceException(name, 503, "Service Unavailable", "down", null);
        };
        // 21 min after the first load, 15 after the refresh: stale for 10 minutes, within maxStale of the refreshed entry
        clock.advance(Duration.ofMinutes(15));

        assertThat(cache.load("A", DestinationOptions.NONE)).containsSame(refreshed);
    }

    @Test
    void foundEntryReplacingANotFoundEntryLivesForTheTtl() {
        source.answer = name -> Optional.empty();
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT.withNotFoundTtl(Duration.ofSeconds(10)));
        cache.load("A", DestinationOptions.NONE);
        clock.advance(Duration.ofSeconds(10));
        source.answer = name -> Optional.of(destination(name, List.of()));
        cache.load("A", DestinationOptions.NONE);

        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.load("A", DestinationOptions.NONE)).isPresent();

        assertThat(source.calls("A")).isEqualTo(2);
    }

    @Test
    void staleEntryIsNotServedPastMaxStale() {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT.withMaxStale(Duration.ofMinutes(15)));
        cache.load("A", DestinationOptions.NONE);

        source.answer = name -> {
            throw new DestinationServiceException(name, 503, "Service Unavailable", "down", null);
        };
        clock.advance(Duration.ofMinutes(5).plus(Duration.ofMinutes(15)));

        assertThatThrownBy(() -> cache.load("A", DestinationOptions.NONE)).isInstanceOf(DestinationServiceException.class);
    }

    @Test
    void staleEntryWhoseTokenExpiredIsNotServed() {
        source.answer = name -> Optional.of(destination(name, List.of(tokenExpiringIn(Duration.ofSeconds(120)))));
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);
        cache.load("A", DestinationOptions.NONE);

        source.answer = name -> {
            throw new DestinationServiceException(name, 503, "Service Unavailable", "down", null);
        };
        clock.advance(Duration.ofSeconds(90));
        assertThat(cache.load("A", DestinationOptions.NONE)).as("stale, token still valid").isPresent();

        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> cache.load("A", DestinationOptions.NONE)).isInstanceOf(DestinationServiceException.class);
    }

    @Test
    void zeroMaxStaleDisablesStaleIfError() {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT.withMaxStale(Duration.ZERO));
        cache.load("A", DestinationOptions.NONE);
        source.answer = name -> {
            throw new DestinationServiceException(name, 503, "Service Unavailable", "down", null);
        };
        clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> cache.load("A", DestinationOptions.NONE)).isInstanceOf(DestinationServiceException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404})
    void clientErrorOfTheServiceIsNotTransientSoNoStaleEntryIsServed(int status) {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);
        cache.load("A", DestinationOptions.NONE);
        source.answer = name -> {
            throw new DestinationServiceException(name, status, "no", "no", null);
        };
        clock.advance(Duration.ofMinutes(6));

        assertThatThrownBy(() -> cache.load("A", DestinationOptions.NONE)).isInstanceOf(DestinationServiceException.class)
                .extracting(e -> ((DestinationServiceException) e).status()).isEqualTo(status);
    }

    @Test
    void refusedBindingClientIsNotTransientButAnUnreachableTokenServiceIs() {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);
        cache.load("A", DestinationOptions.NONE);
        clock.advance(Duration.ofMinutes(6));

        source.answer = name -> {
            throw new TokenException(name, "uaa", null, "unreachable", null);
        };
        assertThat(cache.load("A", DestinationOptions.NONE)).isPresent();

        source.answer = name -> {
            throw new TokenException(name, "uaa", "invalid_client", "refused", null);
        };
        clock.advance(CachingDestinationLoader.STALE_RETRY_INTERVAL);
        assertThatThrownBy(() -> cache.load("A", DestinationOptions.NONE)).isInstanceOf(TokenException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP 503", "HTTP 429", "server_error", "temporarily_unavailable"})
    void tokenServiceOutageOrThrottlingIsTransient(String errorCode) {
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);
        cache.load("A", DestinationOptions.NONE);
        clock.advance(Duration.ofMinutes(6));
        source.answer = name -> {
            throw new TokenException(name, "uaa", errorCode, "outage", null);
        };

        assertThat(cache.load("A", DestinationOptions.NONE)).isPresent();
    }

    @Test
    void notFoundIsRememberedForNotFoundTtl() {
        source.answer = name -> Optional.empty();
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT.withNotFoundTtl(Duration.ofSeconds(10)));

        assertThat(cache.load("Missing", DestinationOptions.NONE)).isEmpty();
        clock.advance(Duration.ofSeconds(9));
        assertThat(cache.load("Missing", DestinationOptions.NONE)).isEmpty();
        assertThat(source.calls("Missing")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        cache.load("Missing", DestinationOptions.NONE);
        assertThat(source.calls("Missing")).isEqualTo(2);
    }

    @Test
    void notFoundNameDoesNotKeepAnotherNameFromLoading() {
        source.answer = name -> name.equals("Missing") ? Optional.empty() : Optional.of(destination(name, List.of()));
        CachingDestinationLoader cache = cache(CachePolicy.DEFAULT);

        for (int i = 0; i < 5; i++) {
            assertThat(cache.load("Missing", DestinationOptions.NONE)).isEmpty();
        }

        assertThat(cache.load("Present", DestinationOptions.NONE)).isPresent();
    }

    @Test
    void negativeDurationsAreRejectedByThePolicy() {
        assertThatThrownBy(() -> CachePolicy.DEFAULT.withTtl(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CachePolicy.DEFAULT.withTtlFor("A", Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
