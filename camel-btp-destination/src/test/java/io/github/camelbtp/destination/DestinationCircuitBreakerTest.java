package io.github.camelbtp.destination;

import org.junit.jupiter.api.extension.RegisterExtension;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.connectivity.DestinationCircuitOpenException;
import io.github.camelbtp.connectivity.DestinationNotFoundException;
import io.github.camelbtp.connectivity.breaker.DestinationCircuitBreakers;
import io.github.camelbtp.sandbox.destination.Tenants;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-destination circuit breaker (engine options circuitBreaker*), through the component against the sandbox's
 * Destination Service and target servers on loopback ports. The engine measures time with a clock the test moves, so
 * the open duration passes without waiting.
 */
class DestinationCircuitBreakerTest extends BtpDestinationTestSupport {

    private static final int WINDOW = 4;
    private static final Duration OPEN = Duration.ofSeconds(30);

    private final MovableClock clock = new MovableClock();
    private TargetServer flakyTarget;
    private TargetServer healthyTarget;
    private TargetServer acmeTarget;
    private Tenants.Tenant acme;

    /** Subscribers' token URLs are host names, https://<subdomain>.<uaadomain>, as on BTP. */
    @RegisterExtension
    static final SandboxExtension HOST_NAMES = new SandboxExtension(Sandbox.builder().tokenServiceHostNames());

    @Override
    protected Sandbox sandbox() {
        return HOST_NAMES.sandbox();
    }

    @Override
    protected void configure(BtpDestinationComponent component) {
        try {
            flakyTarget = new TargetServer();
            healthyTarget = new TargetServer();
            acmeTarget = new TargetServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var options = component.getEngineOptions();
        options.setVcapServices(sandbox().vcapServices());
        options.setCircuitBreaker(true);
        options.setCircuitBreakerWindow(WINDOW);
        options.setCircuitBreakerFailureRate(50);
        options.setCircuitBreakerOpenDuration(OPEN.toMillis());
        // the engine the options describe, measuring time with the test's clock
        component.setConnectivity(options.engineBuilder().environmentDestinations(null).clock(clock)
                .serviceTrust(java.util.List.of(sandbox().tokenServiceCertificate())).build());
    }

    @BeforeEach
    void destinations() {
        sandbox().destinations().putSubaccount(http("Flaky", flakyTarget.url()));
        sandbox().destinations().putSubaccount(http("Healthy", healthyTarget.url()));
        acme = sandbox().tenants().subscribe("acme");
        acme.destinations().putSubaccount(http("Flaky", acmeTarget.url()));
    }

    @AfterEach
    void cleanUp() {
        sandbox().destinations().delete("Flaky");
        sandbox().destinations().delete("Healthy");
        sandbox().destinations().delete("DeadPort");
        sandbox().tenants().unsubscribe("acme");
        flakyTarget.close();
        healthyTarget.close();
        acmeTarget.close();
    }

    @Test
    void failingDestinationDoesNotOpenTheBreakerOfAnother() {
        flakyTarget.answer(503);
        openFlaky(null);

        Exchange healthy = get("btp-destination:Healthy/ping");

        assertThat(healthy.getException()).isNull();
        assertThat(breakers().state("Healthy", null)).isEqualTo(DestinationCircuitBreakers.State.CLOSED);
        assertThat(breakers().state("Flaky", null)).isEqualTo(DestinationCircuitBreakers.State.OPEN);
    }

    @Test
    void openBreakerFailsFastNamingDestinationAndUntil() {
        flakyTarget.answer(500);
        Instant opened = clock.instant();
        openFlaky(null);
        int sent = flakyTarget.requests();

        Exception e = get("btp-destination:Flaky/orders").getException();

        assertThat(e).isInstanceOf(DestinationCircuitOpenException.class)
                .hasMessageContaining("'Flaky'").hasMessageContaining("provider")
                .hasMessageContaining("until " + opened.plus(OPEN));
        DestinationCircuitOpenException open = (DestinationCircuitOpenException) e;
        assertThat(open.destinationName()).isEqualTo("Flaky");
        assertThat(open.tenant()).isNull();
        assertThat(open.openUntil()).isEqualTo(opened.plus(OPEN));
        assertThat(flakyTarget.requests()).as("nothing sent while open").isEqualTo(sent);
        assertThat(e.getMessage()).doesNotContain("Bearer").doesNotContain(sandbox().vcapServices());
    }

    @Test
    void notFoundDoesNotCount() {
        for (int i = 0; i < 3 * WINDOW; i++) {
            assertThat(get("btp-destination:NoSuchDestination/x").getException())
                    .isInstanceOf(DestinationNotFoundException.class);
        }

        assertThat(breakers().state("NoSuchDestination", null)).isEqualTo(DestinationCircuitBreakers.State.CLOSED);
    }

    @Test
    void fourHundredAnswersDoNotCount() {
        flakyTarget.answer(404);
        for (int i = 0; i < 3 * WINDOW; i++) {
            assertThat(get("btp-destination:Flaky/missing").getException())
                    .isInstanceOf(HttpOperationFailedException.class);
        }

        assertThat(breakers().state("Flaky", null)).isEqualTo(DestinationCircuitBreakers.State.CLOSED);
        assertThat(flakyTarget.requests()).isEqualTo(3 * WINDOW);
    }

    @Test
    void connectionFailuresCount() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        sandbox().destinations().putSubaccount(http("DeadPort", "http://127.0.0.1:" + deadPort));
        for (int i = 0; i < WINDOW; i++) {
            assertThat(get("btp-destination:DeadPort/x").getException())
                    .isNotInstanceOf(DestinationCircuitOpenException.class);
        }

        assertThat(get("btp-destination:DeadPort/x").getException()).isInstanceOf(DestinationCircuitOpenException.class);
    }

    @Test
    void halfOpenTrialClosesOnSuccess() {
        flakyTarget.answer(502);
        openFlaky(null);
        flakyTarget.answer(200);
        clock.advance(OPEN.plusSeconds(1));

        Exchange trial = get("btp-destination:Flaky/orders");

        assertThat(trial.getException()).isNull();
        assertThat(breakers().state("Flaky", null)).isEqualTo(DestinationCircuitBreakers.State.CLOSED);
        assertThat(get("btp-destination:Flaky/orders").getException()).isNull();
    }

    @Test
    void halfOpenTrialFailureOpensTheBreakerAgain() {
        flakyTarget.answer(503);
        openFlaky(null);
        clock.advance(OPEN.plusSeconds(1));
        int sent = flakyTarget.requests();

        assertThat(get("btp-destination:Flaky/orders").getException()).isInstanceOf(HttpOperationFailedException.class);

        assertThat(flakyTarget.requests()).as("exactly one trial").isEqualTo(sent + 1);
        assertThat(breakers().state("Flaky", null)).isEqualTo(DestinationCircuitBreakers.State.OPEN);
        assertThat(get("btp-destination:Flaky/orders").getException()).isInstanceOf(DestinationCircuitOpenException.class);
    }

    @Test
    void breakerOfOneTenantNeverOpensForAnotherTenant() {
        acmeTarget.answer(503);
        openFlaky("acme");

        Exchange provider = call("btp-destination:Flaky/orders?tenantHeader=X-Tenant", null, Map.of());
        Exception acmeAgain = call("btp-destination:Flaky/orders?tenantHeader=X-Tenant", null, Map.of("X-Tenant", "acme"))
                .getException();

        assertThat(provider.getException()).isNull();
        assertThat(flakyTarget.requests()).isEqualTo(1);
        assertThat(acmeAgain).isInstanceOf(DestinationCircuitOpenException.class).hasMessageContaining("tenant 'acme'");
        assertThat(((DestinationCircuitOpenException) acmeAgain).tenant()).isEqualTo("acme");
        assertThat(breakers().state("Flaky", null)).isEqualTo(DestinationCircuitBreakers.State.CLOSED);
    }

    /** Sends WINDOW failing requests to Flaky for {@code tenant}: enough to open its breaker. */
    private void openFlaky(String tenant) {
        Map<String, Object> headers = tenant == null ? Map.of() : Map.of("X-Tenant", tenant);
        for (int i = 0; i < WINDOW; i++) {
            Exception e = call("btp-destination:Flaky/orders?tenantHeader=X-Tenant", null, headers).getException();
            assertThat(e).isNotNull().isNotInstanceOf(DestinationCircuitOpenException.class);
        }
        assertThat(breakers().state("Flaky", tenant)).isEqualTo(DestinationCircuitBreakers.State.OPEN);
    }

    private DestinationCircuitBreakers breakers() {
        return component().connectivity().circuitBreakers();
    }

    private static Map<String, String> http(String name, String url) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "HTTP");
        d.put("URL", url);
        d.put("ProxyType", "Internet");
        d.put("Authentication", "NoAuthentication");
        return d;
    }
}
