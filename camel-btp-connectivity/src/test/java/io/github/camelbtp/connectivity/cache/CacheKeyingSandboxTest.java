package io.github.camelbtp.connectivity.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.connectivity.support.MutableClock;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The destination cache is keyed by user only where the Destination Service's answer depends on the user: random
 * user tokens cannot turn a warm user-independent destination into one lookup per request, and a user-dependent
 * destination never serves one user's token to another.
 */
@ExtendWith(SandboxExtension.class)
class CacheKeyingSandboxTest {

    private static final String CLIENT = "sb-keying-api!t11";
    private static final String SECRET = "keying-api-secret-5c2e90";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engines engines = new Engines();
    private final MutableClock clock = new MutableClock();
    private Sandbox sandbox;
    private BtpConnectivity engine;

    @BeforeEach
    void setUp(Sandbox sandbox) {
        this.sandbox = sandbox;
        sandbox.oauthClients().register(CLIENT, SECRET);
        engine = engines.bound(sandbox, b -> b.clock(clock));
    }

    @AfterEach
    void tearDown() {
        sandbox.destinations().delete("KeyingJwtBearer");
        engines.close();
    }

    private static DestinationOptions user(String token) {
        return DestinationOptions.builder().userToken(token).build();
    }

    private static String randomBearer() {
        return "eyJ" + UUID.randomUUID() + "." + UUID.randomUUID() + ".sig";
    }

    private void defineCloudApiDestination(String authentication) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", "KeyingJwtBearer");
        d.put("Type", "HTTP");
        d.put("URL", sandbox.cloudApiUri().toString());
        d.put("ProxyType", "Internet");
        d.put("Authentication", authentication);
        d.put("tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token");
        d.put("clientId", CLIENT);
        d.put("clientSecret", SECRET);
        sandbox.destinations().putSubaccount(d);
    }

    private String userArriving(ResolvedDestination resolved) {
        Http.Answer answer = Http.send(resolved, "GET", "/api/v1/me");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        try {
            JsonNode me = JSON.readTree(answer.body());
            return me.path("user").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void fiftyRandomBearerTokensOnAWarmBasicDestinationMakeNoLookup() {
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        for (int i = 0; i < 50; i++) {
            engine.resolve("OnPremiseERP", user(randomBearer()));
        }

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);
    }

    @Test
    void fiftyRandomBearerTokensOnANoAuthenticationDestinationMakeOneLookup() {
        for (int i = 0; i < 50; i++) {
            engine.resolve("PublicCatalog", user(randomBearer()));
        }

        assertThat(sandbox.counters().destinationLookups()).as("the first lookup tells the answer is everyone's").isEqualTo(1);
    }

    @Test
    void twoUsersOnAnOAuth2JwtBearerDestinationEachGetTheirOwnToken() {
        defineCloudApiDestination("OAuth2JWTBearer");
        String alice = sandbox.userToken("alice");
        String bob = sandbox.userToken("bob");

        assertThat(userArriving(engine.resolve("KeyingJwtBearer", user(alice)))).isEqualTo("alice");
        assertThat(userArriving(engine.resolve("KeyingJwtBearer", user(bob)))).isEqualTo("bob");
        assertThat(userArriving(engine.resolve("KeyingJwtBearer", user(alice)))).isEqualTo("alice");

        assertThat(sandbox.counters().destinationLookups()).as("one lookup per user, the third call from cache").isEqualTo(2);
    }

    @Test
    void destinationThatBecomesUserDependentIsNoLongerSharedAcrossUsers() {
        defineCloudApiDestination("OAuth2ClientCredentials");
        String alice = sandbox.userToken("alice");
        String bob = sandbox.userToken("bob");
        engine.resolve("KeyingJwtBearer", user(alice));
        engine.resolve("KeyingJwtBearer", user(bob));
        assertThat(sandbox.counters().destinationLookups()).as("client credentials: one entry for everyone").isEqualTo(1);

        defineCloudApiDestination("OAuth2JWTBearer");
        clock.advance(CachePolicy.DEFAULT.ttl());

        assertThat(userArriving(engine.resolve("KeyingJwtBearer", user(alice)))).isEqualTo("alice");
        assertThat(userArriving(engine.resolve("KeyingJwtBearer", user(bob)))).isEqualTo("bob");
    }
}
