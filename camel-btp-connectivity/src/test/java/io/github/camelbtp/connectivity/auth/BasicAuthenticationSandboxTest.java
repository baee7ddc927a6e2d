package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Basic authentication end to end: through the sandbox proxy to the on-premise sales backend, which asks for Basic
 * credentials (401 with {@code WWW-Authenticate: Basic}) when none are sent.
 */
@ExtendWith(SandboxExtension.class)
class BasicAuthenticationSandboxTest {

    private static final String ORDERS = "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    private static Map<String, String> erp(String... extra) {
        Map<String, String> p = new HashMap<>(Map.of("URL", "http://erp.internal:44300", "ProxyType", "OnPremise",
                "Authentication", "BasicAuthentication", "User", DemoDestinations.SALES_USER, "Password", DemoDestinations.SALES_PASSWORD));
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    private ResolvedDestination resolveStatic(Sandbox sandbox, Map<String, String> properties) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.staticDestinations(List.of(
                Destination.of("StaticErp", properties, StaticDestinationLoader.SOURCE))));
        return engine.resolve("StaticErp", DestinationOptions.NONE);
    }

    @Test
    void staticBasicDestinationIsAcceptedByTheBackendPreemptively(Sandbox sandbox) {
        ResolvedDestination r = resolveStatic(sandbox, erp("Preemptive", "TRUE"));

        assertThat(Http.send(r, "GET", ORDERS).status()).isEqualTo(200);
        assertThat(sandbox.counters().backendCalls()).isEqualTo(1);
    }

    @Test
    void staticBasicDestinationWithPreemptiveFalseAnswersTheBackendsChallenge(Sandbox sandbox) {
        ResolvedDestination r = resolveStatic(sandbox, erp("Preemptive", "FALSE"));

        Http.Answer challenge = Http.send(r, "GET", ORDERS);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.header("WWW-Authenticate")).startsWith("Basic");

        Http.Answer answered = Http.send(r, "GET", ORDERS, Map.of("Authorization", r.challengeCredentials().headerValue()));
        assertThat(answered.status()).isEqualTo(200);
    }

    @Test
    void staticBasicDestinationWithWrongPasswordIsRefusedByTheBackend(Sandbox sandbox) {
        ResolvedDestination r = resolveStatic(sandbox, erp("Password", "not-the-password"));

        assertThat(Http.send(r, "GET", ORDERS).status()).isEqualTo(401);
    }

    @Test
    void serviceDestinationWithPreemptiveFalseSendsNoAuthorizationUntilChallenged(Sandbox sandbox) {
        Map<String, String> lazy = new HashMap<>(sandbox.destinations().get("OnPremiseERP").orElseThrow());
        lazy.put("Name", "LazyERP");
        lazy.put("Preemptive", "FALSE");
        sandbox.destinations().putSubaccount(lazy);
        try {
            ResolvedDestination r = engines.bound(sandbox).resolve("LazyERP", DestinationOptions.NONE);

            assertThat(r.headers()).noneMatch(h -> h.name().equalsIgnoreCase("Authorization"));
            assertThat(r.challengeCredentials()).isEqualTo(new BasicCredentials(DemoDestinations.SALES_USER, DemoDestinations.SALES_PASSWORD));
            assertThat(Http.send(r, "GET", ORDERS, Map.of("Authorization", r.challengeCredentials().headerValue())).status())
                    .isEqualTo(200);
        } finally {
            sandbox.destinations().delete("LazyERP");
        }
    }

    @Test
    void serviceDestinationWithoutUserIsAConfigurationErrorNamingPropertyAndDestination(Sandbox sandbox) {
        Map<String, String> noUser = new HashMap<>(sandbox.destinations().get("OnPremiseERP").orElseThrow());
        noUser.put("Name", "NoUserERP");
        noUser.remove("User");
        sandbox.destinations().putSubaccount(noUser);
        try {
            BtpConnectivity engine = engines.bound(sandbox);

            DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                    () -> engine.resolve("NoUserERP", DestinationOptions.NONE));

            assertThat(e.property()).isEqualTo("User");
            assertThat(e.destinationName()).isEqualTo("NoUserERP");
            assertThat(e.getMessage()).contains("'NoUserERP'").contains("'User'");
            Secrets.assertFreeOf(Secrets.describe(e), DemoDestinations.SALES_PASSWORD);
        } finally {
            sandbox.destinations().delete("NoUserERP");
        }
    }

    @Test
    void environmentVariableDestinationReachesTheBackendThroughTheProxy(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.environmentDestinations("""
                [{"name":"EnvErp","url":"http://erp.internal:44300","proxyType":"OnPremise","cloudConnectorLocationId":"Plant01",
                  "authentication":"BasicAuthentication","user":"%s","password":"%s"}]
                """.formatted(DemoDestinations.SALES_USER, DemoDestinations.SALES_PASSWORD)));

        ResolvedDestination r = engine.resolve("EnvErp", DestinationOptions.NONE);

        assertThat(Http.send(r, "GET", ORDERS).status()).isEqualTo(200);
        assertThat(sandbox.proxyRequests().last().orElseThrow().header("SAP-Connectivity-SCC-Location_ID")).isEqualTo("Plant01");
        assertThat(sandbox.counters().destinationLookups()).isZero();
    }
}
