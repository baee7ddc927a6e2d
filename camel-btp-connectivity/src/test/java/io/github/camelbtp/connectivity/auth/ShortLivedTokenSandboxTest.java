package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.cache.CachePolicy;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.MutableClock;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens that live 20 s, shorter than the refresh margins (30 s for client-side tokens, 60 s for destinations holding
 * service-issued tokens): the margin is bounded by half the lifetime, so a token serves calls for the first half of
 * its life instead of being fetched again on every call.
 */
class ShortLivedTokenSandboxTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension(Sandbox.builder().tokenLifetime(Duration.ofSeconds(20)));

    private final Engines engines = new Engines();
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void close() {
        engines.close();
    }

    @Test
    void twentySecondConnectivityTokenIsFetchedOnceForCallsWithinHalfItsLife(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.clock(clock).tokenRefreshMargin(Duration.ofSeconds(30)));

        for (int second = 0; second < 10; second++) {
            engine.resolve("OnPremiseERP", DestinationOptions.NONE);
            clock.advance(Duration.ofMillis(950));
        }

        assertThat(sandbox.counters().tokenGrants()).as("one destination binding token, one connectivity token").isEqualTo(2);
    }

    @Test
    void destinationWithTwentySecondServiceTokenIsLookedUpOnceForCallsWithinHalfItsLife(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.clock(clock).cachePolicy(CachePolicy.DEFAULT));

        for (int second = 0; second < 10; second++) {
            engine.resolve("CloudSalesAPI", DestinationOptions.NONE);
            clock.advance(Duration.ofMillis(950));
        }

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);
    }
}
