package io.github.camelbtp.connectivity.cache;

import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.destination.AuthToken;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationLoader;
import io.github.camelbtp.connectivity.support.MutableClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache shares an entry across users only while the destination's answer does not depend on the user; when a
 * destination turns user-dependent during a shared lookup, a request waiting for that lookup must not receive the
 * tokens it brought back for another user.
 */
class UserScopedCacheTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String authentication = "BasicAuthentication";

    /** Answers with a destination of the current authentication type whose token names the requesting user. */
    private final DestinationLoader source = new DestinationLoader() {
        @Override
        public Optional<Destination> load(String name, DestinationOptions options) {
            calls.incrementAndGet();
            String user = options.userToken() == null ? "nobody" : options.userToken();
            if (user.equals("alice-jwt")) {
                await(release);
            }
            AuthToken token = new AuthToken("bearer", "token-of-" + user, "Authorization", "Bearer token-of-" + user,
                    clock.instant().plus(Duration.ofHours(1)), null);
            return Optional.of(new Destination(name, Map.of("Name", name, "URL", "http://x", "Authentication",
                    authentication), List.of(token), "fake"));
        }

        @Override
        public String describe() {
            return "fake";
        }
    };

    private static DestinationOptions user(String token) {
        return DestinationOptions.builder().userToken(token).build();
    }

    private static String tokenOf(Optional<Destination> destination) {
        return destination.orElseThrow().authTokens().get(0).value();
    }

    @Test
    void waiterOfASharedLookupThatTurnsOutUserDependentGetsItsOwnLookup() throws Exception {
        try (CachingDestinationLoader cache = new CachingDestinationLoader(source,
                CachePolicy.DEFAULT.withMaxStale(Duration.ZERO), clock)) {
            cache.load("A", DestinationOptions.NONE);
            authentication = "OAuth2JWTBearer";
            clock.advance(CachePolicy.DEFAULT.ttl());

            CompletableFuture<Optional<Destination>> alice = CompletableFuture.supplyAsync(() -> cache.load("A", user("alice-jwt")));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2);
            CompletableFuture<Optional<Destination>> bob = CompletableFuture.supplyAsync(() -> cache.load("A", user("bob-jwt")));
            Thread.sleep(200); // bob now waits for alice's lookup of the shared entry
            release.countDown();

            assertThat(tokenOf(alice.get(10, TimeUnit.SECONDS))).isEqualTo("token-of-alice-jwt");
            assertThat(tokenOf(bob.get(10, TimeUnit.SECONDS))).isEqualTo("token-of-bob-jwt");
        }
    }

    @Test
    void userDependentDestinationIsCachedPerUser() {
        authentication = "OAuth2UserTokenExchange";
        release.countDown();
        try (CachingDestinationLoader cache = new CachingDestinationLoader(source, CachePolicy.DEFAULT, clock)) {
            assertThat(tokenOf(cache.load("A", user("alice-jwt")))).isEqualTo("token-of-alice-jwt");
            assertThat(tokenOf(cache.load("A", user("bob-jwt")))).isEqualTo("token-of-bob-jwt");
            assertThat(tokenOf(cache.load("A", user("alice-jwt")))).isEqualTo("token-of-alice-jwt");
            assertThat(tokenOf(cache.load("A", user("bob-jwt")))).isEqualTo("token-of-bob-jwt");
        }
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void principalPropagationDestinationIsSharedAcrossUsers() {
        authentication = "PrincipalPropagation";
        release.countDown();
        try (CachingDestinationLoader cache = new CachingDestinationLoader(source, CachePolicy.DEFAULT, clock)) {
            cache.load("A", user("alice-jwt"));
            cache.load("A", user("bob-jwt"));
            cache.load("A", user("carol-jwt"));
        }
        assertThat(calls.get()).as("the user's JWT travels to the proxy per request, not in the cached answer").isEqualTo(1);
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
