package io.github.camelbtp.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.sandbox.observe.Faults;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of the BTP services the engine calls itself — the Destination Service and the token service (XSUAA) — seen
 * through btp-destination against the sandbox: with a warm cache (destination and tokens cached) no exchange fails;
 * with a cold cache the exchange fails with a typed error naming the service within the engine's service timeout (a
 * generous bound: less than twice it), without a secret; the first exchange after the fault clears succeeds.
 */
class ServiceFaultsTest extends BtpDestinationTestSupport {

    private static final String ORDERS = "btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1";
    /** The engine's timeout for its own calls to the services, short so the slow faults run past it. */
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration SLOW = Duration.ofSeconds(10);

    /** A fault of the BTP services, the switch that makes it, and how the error names the service that failed. */
    enum ServiceFault {
        DESTINATION_SERVICE_DOWN(f -> f.destinationServiceDown(true), "Destination Service"),
        DESTINATION_SERVICE_SLOW(f -> f.destinationServiceLatency(SLOW), "Destination Service"),
        DESTINATION_SERVICE_NOT_JSON(f -> f.destinationServiceGarbage(Faults.Garbage.NOT_JSON), "Destination Service"),
        DESTINATION_SERVICE_TRUNCATED_JSON(f -> f.destinationServiceGarbage(Faults.Garbage.TRUNCATED_JSON),
                "Destination Service"),
        TOKEN_SERVICE_500(f -> f.tokenServiceFailure(500), "token"),
        TOKEN_SERVICE_SLOW(f -> f.tokenServiceLatency(SLOW), "token"),
        TOKEN_SERVICE_GARBAGE(f -> f.tokenServiceGarbage(Faults.Garbage.TRUNCATED_JSON), "token");

        final Consumer<Faults> on;
        final String hop;

        ServiceFault(Consumer<Faults> on, String hop) {
            this.on = on;
            this.hop = hop;
        }
    }

    private final MovableClock clock = new MovableClock();

    @Override
    protected void configure(BtpDestinationComponent component) {
        component.setConnectivity(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices(sandbox().vcapServices()))
                .environmentDestinations(null)
                .serviceTimeout(SERVICE_TIMEOUT)
                .clock(clock)
                .build());
    }

    @ParameterizedTest
    @EnumSource(ServiceFault.class)
    void warmCacheServesEveryExchangeWhileTheServiceFails(ServiceFault fault) {
        assertThat(get(ORDERS).getException()).isNull();
        // past the destination's 5-minute lifetime, within destinationCacheMaxStale (15 min) and the tokens' 12 hours:
        // the engine asks the Destination Service again, and must serve the cached destination when that fails
        clock.advance(Duration.ofMinutes(6));
        fault.on.accept(sandbox().faults());

        for (int i = 0; i < 5; i++) {
            Exchange exchange = get(ORDERS);
            assertThat(exchange.getException()).as("exchange %d during %s", i, fault).isNull();
            assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceFault.class)
    void coldCacheFailsWithATypedErrorNamingTheServiceThenRecovers(ServiceFault fault) throws Exception {
        fault.on.accept(sandbox().faults());

        long start = System.nanoTime();
        Exception e = get(ORDERS).getException();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e).as("%s", fault).isInstanceOf(BtpConnectivityException.class)
                .hasMessageContaining("OnPremiseERP").hasMessageContaining(fault.hop);
        assertThat(took).as("within twice the service timeout").isLessThan(SERVICE_TIMEOUT.multipliedBy(2));
        assertNoSecretIn(e);
        assertThat(sandbox().counters().proxiedCalls()).as("nothing sent to the target").isZero();

        sandbox().faults().reset();
        Exchange recovered = get(ORDERS);

        assertThat(recovered.getException()).as("first exchange after %s cleared", fault).isNull();
        assertThat(recovered.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
    }

    private void assertNoSecretIn(Exception e) throws Exception {
        JsonNode vcap = new ObjectMapper().readTree(sandbox().vcapServices());
        String text = e.toString() + (e.getCause() == null ? "" : e.getCause().toString());
        assertThat(text).doesNotContain(vcap.path("destination").get(0).path("credentials").path("clientsecret").asText())
                .doesNotContain(vcap.path("connectivity").get(0).path("credentials").path("clientsecret").asText())
                .doesNotContain("Bearer ey");
    }
}
