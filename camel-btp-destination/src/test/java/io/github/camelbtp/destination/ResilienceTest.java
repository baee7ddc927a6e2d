package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Cache behaviour seen through the component, with the engine's clock under the test's control. */
class ResilienceTest extends BtpDestinationTestSupport {

    private static final String ORDERS = "btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1";

    private final MovableClock clock = new MovableClock();

    @Override
    protected void configure(BtpDestinationComponent component) {
        useEngineWithClock(component, clock);
    }

    @Test
    void thirtyTwoConcurrentColdExchangesMakeOneDestinationLookup() throws Exception {
        sandbox().faults().destinationServiceLatency(Duration.ofMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Exchange>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return get(ORDERS);
                }));
            }
            start.countDown();
            for (Future<Exchange> result : results) {
                assertThat(result.get().getException()).isNull();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sandbox().counters().destinationLookups()).isEqualTo(1);
        assertThat(sandbox().counters().proxiedCalls()).isEqualTo(32);
    }

    @Test
    void cachedDestinationKeepsRoutesWorkingDuringADestinationServiceOutage() {
        assertThat(get(ORDERS).getException()).isNull();
        clock.advance(Duration.ofMinutes(6)); // past the 5-minute TTL, well within maxStale
        sandbox().faults().destinationServiceDown(true);

        Exchange duringOutage = get(ORDERS);

        assertThat(duringOutage.getException()).isNull();
        assertThat(sandbox().counters().destinationLookups()).as("one failed refresh").isEqualTo(2);
    }

    @Test
    void outageLongerThanMaxStaleSurfacesTheServiceError() {
        assertThat(get(ORDERS).getException()).isNull();
        clock.advance(Duration.ofHours(2));
        sandbox().faults().destinationServiceDown(true);

        Exception e = get(ORDERS).getException();

        assertThat(e).isInstanceOf(io.github.camelbtp.connectivity.DestinationServiceException.class)
                .hasMessageContaining("OnPremiseERP").hasMessageContaining("503");
    }

    @Test
    void nonPreemptiveBasicAuthenticationAnswersTheServersChallenge() {
        sandbox().destinations().putSubaccount(OnPremiseHttpTest.erp("ERPNonPreemptive", Map.of("Preemptive", "FALSE")));

        Exchange exchange = get("btp-destination:ERPNonPreemptive/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1");

        assertThat(exchange.getException()).isNull();
        List<RecordedRequest> atBackend = sandbox().backendRequests().matching(r -> r.server().equals("sales"));
        assertThat(atBackend).hasSize(2);
        assertThat(atBackend.get(0).hasHeader("Authorization")).as("first attempt without credentials").isFalse();
        assertThat(atBackend.get(1).header("Authorization")).startsWith("Basic ");
    }
}
