package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.connectivity.support.MutableClock;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BtpConnectivity#credentialsRejected}: after a 401 of the target, the next request gets fresh credentials
 * instead of the cached ones — here a password corrected in the Destination Service while the old one was cached.
 */
@ExtendWith(SandboxExtension.class)
class CredentialsRejectedSandboxTest {

    private static final String NAME = "ErpPasswordChanged";
    private static final String ORDERS = DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1";

    private final Engines engines = new Engines();
    private final MutableClock clock = new MutableClock();
    private Sandbox sandbox;
    private BtpConnectivity engine;

    @BeforeEach
    void setUp(Sandbox sandbox) {
        this.sandbox = sandbox;
        engine = engines.bound(sandbox, b -> b.clock(clock));
        define("not-the-password");
    }

    @AfterEach
    void tearDown() {
        sandbox.destinations().delete(NAME);
        engines.close();
    }

    private void define(String password) {
        sandbox.destinations().putSubaccount(Map.of("Name", NAME, "Type", "HTTP", "ProxyType", "Internet",
                "URL", sandbox.salesBackendUri().toString(), "Authentication", "BasicAuthentication",
                "User", DemoDestinations.SALES_USER, "Password", password));
    }

    private int call() {
        return Http.send(engine.resolve(NAME, DestinationOptions.NONE), "GET", ORDERS).status();
    }

    @Test
    void withoutTheSignalTheCachedPasswordKeepsFailing() {
        assertThat(call()).isEqualTo(401);
        define(DemoDestinations.SALES_PASSWORD);

        assertThat(call()).as("the cached destination still has the old password").isEqualTo(401);
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);
    }

    @Test
    void afterA401TheNextRequestLooksTheDestinationUpAgain() {
        ResolvedDestination first = engine.resolve(NAME, DestinationOptions.NONE);
        assertThat(Http.send(first, "GET", ORDERS).status()).isEqualTo(401);
        define(DemoDestinations.SALES_PASSWORD);

        assertThat(engine.credentialsRejected(first, DestinationOptions.NONE)).isTrue();

        assertThat(call()).isEqualTo(200);
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(2);
    }

    @Test
    void atMostOneDropPerDestinationAndInterval() {
        ResolvedDestination resolved = engine.resolve(NAME, DestinationOptions.NONE);

        assertThat(engine.credentialsRejected(resolved, DestinationOptions.NONE)).isTrue();
        assertThat(engine.credentialsRejected(resolved, DestinationOptions.NONE)).isFalse();
        clock.advance(BtpConnectivity.REJECTION_INTERVAL.plus(Duration.ofSeconds(1)));
        assertThat(engine.credentialsRejected(resolved, DestinationOptions.NONE)).isTrue();
    }

    @Test
    void clientSideTokenIsRequestedAgain() {
        sandbox.oauthClients().register("sb-rejected-client!t14", "rejected-client-secret-5d1e");
        BtpConnectivity local = engines.bound(sandbox, b -> b.staticDestinations(List.of(Destination.of("Api", Map.of(
                "URL", sandbox.cloudApiUri().toString(), "Authentication", "OAuth2ClientCredentials",
                "tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token", "clientId", "sb-rejected-client!t14",
                "clientSecret", "rejected-client-secret-5d1e"), StaticDestinationLoader.SOURCE))));
        ResolvedDestination first = local.resolve("Api", DestinationOptions.NONE);
        long grants = sandbox.counters().tokenGrants();

        assertThat(local.credentialsRejected(first, DestinationOptions.NONE)).isTrue();
        ResolvedDestination second = local.resolve("Api", DestinationOptions.NONE);

        assertThat(sandbox.counters().tokenGrants()).isEqualTo(grants + 1);
        assertThat(second.headers()).isNotEqualTo(first.headers());
    }

    @Test
    void staticDestinationWithoutTokensHasNothingToDrop() {
        BtpConnectivity local = engines.bound(sandbox, b -> b.staticDestinations(List.of(Destination.of("Plain", Map.of(
                "URL", sandbox.salesBackendUri().toString(), "Authentication", "BasicAuthentication",
                "User", "u", "Password", "p"), StaticDestinationLoader.SOURCE))));

        assertThat(local.credentialsRejected(local.resolve("Plain", DestinationOptions.NONE), DestinationOptions.NONE))
                .isFalse();
    }
}
