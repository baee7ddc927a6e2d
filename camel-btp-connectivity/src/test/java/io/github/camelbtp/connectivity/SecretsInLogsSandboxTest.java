package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.cache.CachePolicy;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.LogCapture;
import io.github.camelbtp.connectivity.support.MutableClock;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What the engine logs while things go wrong, and while it serves stale entries, carries no secret. */
@ExtendWith(SandboxExtension.class)
class SecretsInLogsSandboxTest {

    private static final String STATIC_PASSWORD = "static-log-pass-9a4c";
    private static final String STATIC_CLIENT_SECRET = "static-log-secret-3b7e";

    private final Engines engines = new Engines();
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void close() {
        engines.close();
    }

    /** Every secret of this landscape: binding secrets, destination passwords and client secrets, issued tokens. */
    private static List<String> secrets(Sandbox sandbox, List<ResolvedDestination> resolved) {
        List<String> secrets = new ArrayList<>(List.of(Engines.bindingSecrets(sandbox)));
        secrets.add(sandbox.destinations().get("CloudSalesAPI").orElseThrow().get("clientSecret"));
        secrets.add(DemoDestinations.SALES_PASSWORD);
        secrets.add(STATIC_PASSWORD);
        secrets.add(STATIC_CLIENT_SECRET);
        for (ResolvedDestination r : resolved) {
            for (HttpHeader h : r.headers()) {
                int space = h.value().indexOf(' ');
                secrets.add(space < 0 ? h.value() : h.value().substring(space + 1));
            }
        }
        return secrets;
    }

    @Test
    void failingRunLogsNoSecret(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.clock(clock).staticDestinations(List.of(
                Destination.of("StaticBasic", Map.of("URL", "http://x", "Authentication", "BasicAuthentication", "User", "u",
                        "Password", STATIC_PASSWORD, "URL.connectionTimeoutInSeconds", "soon"), StaticDestinationLoader.SOURCE),
                Destination.of("StaticOAuth", Map.of("URL", "http://x", "Authentication", "OAuth2ClientCredentials",
                        "tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token", "clientId", "unknown-client",
                        "clientSecret", STATIC_CLIENT_SECRET), StaticDestinationLoader.SOURCE))));
        List<ResolvedDestination> resolved = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();

        try (LogCapture log = LogCapture.engine()) {
            resolved.add(engine.resolve("OnPremiseERP", DestinationOptions.NONE));
            resolved.add(engine.resolve("CloudSalesAPI", DestinationOptions.NONE));
            errors.add(catchThrowable(() -> engine.resolve("StaticBasic", DestinationOptions.NONE)));
            errors.add(catchThrowable(() -> engine.resolve("StaticOAuth", DestinationOptions.NONE)));
            clock.advance(Duration.ofDays(1));
            sandbox.faults().tokenServiceFailure(500);
            errors.add(catchThrowable(() -> engine.resolve("OnPremiseERP", DestinationOptions.NONE)));
            sandbox.faults().reset();
            sandbox.faults().destinationServiceDown(true);
            errors.add(catchThrowable(() -> engine.resolve("PublicCatalog", DestinationOptions.NONE)));

            assertThat(errors).allSatisfy(e -> assertThat(e).isInstanceOf(BtpConnectivityException.class));
            assertThat(log.lines()).as("the engine logged while this ran").isNotEmpty();
            String everything = log.text() + "\n" + errors.stream().map(Secrets::describe).reduce("", String::concat);
            Secrets.assertFreeOf(everything, secrets(sandbox, resolved).toArray(String[]::new));
            Secrets.assertFreeOfBasic(everything, DemoDestinations.SALES_USER, DemoDestinations.SALES_PASSWORD);
        }
    }

    @Test
    void staleServingRunLogsAWarningWithoutSecret(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.clock(clock).cachePolicy(CachePolicy.DEFAULT));
        List<ResolvedDestination> resolved = new ArrayList<>();

        try (LogCapture log = LogCapture.engine()) {
            resolved.add(engine.resolve("OnPremiseERP", DestinationOptions.NONE));
            clock.advance(Duration.ofMinutes(6));
            sandbox.faults().destinationServiceDown(true);
            resolved.add(engine.resolve("OnPremiseERP", DestinationOptions.NONE));

            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN").contains("'OnPremiseERP'").contains("503"));
            Secrets.assertFreeOf(log.text(), secrets(sandbox, resolved).toArray(String[]::new));
            Secrets.assertFreeOfBasic(log.text(), DemoDestinations.SALES_USER, DemoDestinations.SALES_PASSWORD);
        }
    }

    @Test
    void userFlowsLogNoUserTokenRefreshTokenOrExchangedToken(Sandbox sandbox) {
        sandbox.oauthClients().register("sb-log-user-flows!t1", "log-user-flows-secret-77");
        Map<String, String> jwtBearer = new java.util.LinkedHashMap<>(Map.of("Name", "LogJwtBearer", "Type", "HTTP",
                "URL", sandbox.cloudApiUri().toString(), "Authentication", "OAuth2JWTBearer",
                "tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token", "clientId", "sb-log-user-flows!t1",
                "clientSecret", "log-user-flows-secret-77"));
        sandbox.destinations().putSubaccount(jwtBearer);
        Map<String, String> refresh = new java.util.LinkedHashMap<>(jwtBearer);
        refresh.put("Name", "LogRefresh");
        refresh.put("Authentication", "OAuth2RefreshToken");
        sandbox.destinations().putSubaccount(refresh);
        String userToken = sandbox.userToken("log-user");
        String refreshToken = sandbox.refreshToken("log-user", "sb-log-user-flows!t1");
        BtpConnectivity engine = engines.bound(sandbox, b -> b.clock(clock)
                .principalPropagationMode(io.github.camelbtp.connectivity.dispatch.PrincipalPropagationMode.PROXY_AUTHORIZATION_TOKEN_EXCHANGE));
        List<ResolvedDestination> resolved = new ArrayList<>();
        try (LogCapture log = LogCapture.engine()) {
            resolved.add(engine.resolve("LogJwtBearer", DestinationOptions.builder().userToken(userToken).build()));
            resolved.add(engine.resolve("LogRefresh", DestinationOptions.builder().refreshToken(refreshToken).build()));
            Throwable wrongUser = catchThrowable(() -> engine.resolve("LogJwtBearer",
                    DestinationOptions.builder().userToken(userToken + "tampered").build()));

            List<String> secrets = secrets(sandbox, resolved);
            secrets.addAll(List.of(userToken, refreshToken, "log-user-flows-secret-77"));
            Secrets.assertFreeOf(log.text() + "\n" + Secrets.describe(wrongUser), secrets.toArray(String[]::new));
        } finally {
            sandbox.destinations().delete("LogJwtBearer");
            sandbox.destinations().delete("LogRefresh");
        }
    }
}
