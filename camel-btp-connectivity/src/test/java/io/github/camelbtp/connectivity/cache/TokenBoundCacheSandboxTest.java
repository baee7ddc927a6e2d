package io.github.camelbtp.connectivity.cache;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.DestinationServiceException;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.MutableClock;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Cache lifetimes bounded by tokens, against a sandbox whose tokens live 120 s: CloudSalesAPI carries an OAuth token
 * the Destination Service obtained, so its entry must not outlive that token.
 */
class TokenBoundCacheSandboxTest {

    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(120);

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension(Sandbox.builder().tokenLifetime(TOKEN_LIFETIME));

    private final Engines engines = new Engines();
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void close() {
        engines.close();
    }

    private BtpConnectivity engine(Sandbox sandbox) {
        // default policy: ttl 5 min, token margin 60 s, maxStale 15 min
        return engines.bound(sandbox, b -> b.clock(clock).cachePolicy(CachePolicy.DEFAULT));
    }

    @Test
    void entryLivesUntilTokenExpiryMinusMarginNotForTheTtl(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox);

        engine.resolve("CloudSalesAPI", DestinationOptions.NONE);
        clock.advance(Duration.ofSeconds(59));
        engine.resolve("CloudSalesAPI", DestinationOptions.NONE);
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        engine.resolve("CloudSalesAPI", DestinationOptions.NONE);
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(2);
    }

    @Test
    void destinationWithoutExpiringTokenKeepsTheTtl(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox);

        engine.resolve("PublicCatalog", DestinationOptions.NONE);
        clock.advance(Duration.ofSeconds(200));
        engine.resolve("PublicCatalog", DestinationOptions.NONE);

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);
    }

    @Test
    void staleEntryWithValidTokenIsServedWhileTheServiceIsDown(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox);
        engine.resolve("CloudSalesAPI", DestinationOptions.NONE);

        clock.advance(Duration.ofSeconds(90));
        sandbox.faults().destinationServiceDown(true);

        assertThat(engine.resolve("CloudSalesAPI", DestinationOptions.NONE).headers()).isNotEmpty();
    }

    @Test
    void staleEntryWhoseTokenExpiredIsNotServed(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox);
        engine.resolve("CloudSalesAPI", DestinationOptions.NONE);

        clock.advance(TOKEN_LIFETIME.plusSeconds(1));
        sandbox.faults().destinationServiceDown(true);

        DestinationServiceException e = catchThrowableOfType(DestinationServiceException.class,
                () -> engine.resolve("CloudSalesAPI", DestinationOptions.NONE));
        assertThat(e.status()).isEqualTo(503);
    }

    @Test
    void refusedBindingClientIsNotTransientSoNoStaleEntryIsServed(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox);
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        String secret = Engines.credential(sandbox, "destination", "clientsecret");
        // the binding's client secret was rotated: the token service answers 401 invalid_client
        sandbox.oauthClients().register(DemoDestinations.DESTINATION_CLIENT_ID, "rotated-" + secret);
        try {
            clock.advance(Duration.ofMinutes(6));

            TokenException e = catchThrowableOfType(TokenException.class, () -> engine.resolve("OnPremiseERP", DestinationOptions.NONE));

            assertThat(e.errorCode()).isEqualTo("invalid_client");
            Secrets.assertFreeOf(Secrets.describe(e), Engines.bindingSecrets(sandbox));
        } finally {
            sandbox.oauthClients().register(DemoDestinations.DESTINATION_CLIENT_ID, secret);
        }
    }

    @Test
    void tokenServiceOutageIsTransientSoTheStaleEntryIsServed(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox);
        engine.resolve("PublicCatalog", DestinationOptions.NONE);

        clock.advance(Duration.ofMinutes(6));
        sandbox.faults().tokenServiceFailure(503);

        assertThat(engine.resolve("PublicCatalog", DestinationOptions.NONE).url()).isEqualTo(sandbox.cloudApiUri().resolve("/public"));
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);
    }
}
