package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.sandbox.connectivity.CloudConnector;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Cloud Connector failover (master to shadow, facts §8) as the sandbox plays it — the proxy answers 503 "no Cloud
 * Connector" for the outage and drops connections through the old master — met by btp-destination: idempotent
 * requests ride it out, a POST fails once with a clear error and never reaches the backend twice.
 */
class CloudConnectorFailoverTest extends BtpDestinationTestSupport {

    private static final String SALES = "sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";

    @AfterEach
    void endOutage() {
        sandbox().connectivity().reset();
    }

    private static Predicate<RecordedRequest> method(String method) {
        return r -> r.method().equals(method);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void getDuringCloudConnectorFailoverSucceedsWithoutErrors() throws Exception {
        // a pooled keep-alive connection through the master, which the switch breaks
        assertThat(get("btp-destination:OnPremiseERP/" + SALES + "?$top=1").getException()).isNull();
        sandbox().proxyRequests().clear();
        sandbox().backendRequests().clear();

        long start = System.nanoTime();
        sandbox().connectivity().failover(Duration.ofSeconds(3));

        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Exchange>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(callers.submit(() -> get("btp-destination:OnPremiseERP/" + SALES + "?$top=1")));
            }
            int failures = 0;
            for (Future<Exchange> call : calls) {
                Exchange exchange = call.get();
                if (exchange.getException() != null || exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE,
                        Integer.class) != 200) {
                    failures++;
                }
            }
            // the figures docs/reliability.md quotes ("Cloud Connector failover")
            System.out.printf("failover figures: 8 GETs, %d failures, %d GETs at the proxy (%d answered 503 there),"
                    + " %d at the backend, done %d ms after the switch%n", failures,
                    sandbox().proxyRequests().matching(method("GET")).size(),
                    sandbox().proxyRequests().matching(method("GET")).size()
                            - sandbox().backendRequests().matching(method("GET")).size(),
                    sandbox().backendRequests().matching(method("GET")).size(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
            assertThat(failures).as("failed exchanges during the failover").isZero();
        } finally {
            callers.shutdownNow();
        }
        assertThat(sandbox().backendRequests().matching(method("GET"))).as("GETs the backend served").hasSize(8);
        assertThat(sandbox().proxyRequests().matching(method("GET")).size()).as("GETs at the proxy, retries included")
                .isGreaterThan(8);
        assertThat(sandbox().cloudConnector().connector("").servedBy(CloudConnector.SHADOW)).isGreaterThanOrEqualTo(8);
    }

    @Test
    void postDuringFailoverFailsOnceAndIsNeverDuplicated() {
        assertThat(get("btp-destination:OnPremiseERP/" + SALES + "?$top=1").getException()).isNull();
        sandbox().proxyRequests().clear();
        sandbox().backendRequests().clear();

        sandbox().connectivity().failover(Duration.ofSeconds(3));
        Exchange exchange = call("btp-destination:OnPremiseERP/" + SALES + "?csrfProtection=false",
                "{\"SalesOrderType\":\"OR\"}", Map.of(Exchange.HTTP_METHOD, "POST", Exchange.CONTENT_TYPE, "application/json"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(CloudConnectorException.class, e -> {
            assertThat(e.destinationName()).isEqualTo("OnPremiseERP");
            assertThat(e.getMessage()).contains("'OnPremiseERP'")
                    .contains("Cloud Connector failover in progress or disconnected")
                    .contains("POST request is not idempotent, so it was sent once and never again")
                    .contains("redeliveryPolicy").contains("idempotency key");
        });
        assertThat(sandbox().proxyRequests().matching(method("POST"))).as("POSTs at the proxy").hasSizeLessThanOrEqualTo(1);
        assertThat(sandbox().backendRequests().matching(method("POST"))).as("POSTs at the backend").isEmpty();
    }

    @Test
    void postAnswered503DuringFailoverNamesTheLocation() {
        sandbox().cloudConnector().connector("Plant01").failover(Duration.ofSeconds(3));

        Exchange exchange = call("btp-destination:OnPremiseERPPlant01/" + SALES + "?csrfProtection=false", "{}",
                Map.of(Exchange.HTTP_METHOD, "POST", Exchange.CONTENT_TYPE, "application/json"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(CloudConnectorException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.locationId()).isEqualTo("Plant01");
            assertThat(e.getMessage()).contains("location ID 'Plant01'")
                    .contains("Cloud Connector failover in progress or disconnected");
        });
        assertThat(sandbox().proxyRequests().matching(method("POST"))).as("POSTs at the proxy").hasSize(1);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void retriesStopAtTheExchangeDeadline() {
        // deadline 1 s + 1 s = 2 s, shorter than the 5 s failover retry window and the 10 s outage
        sandbox().destinations().putSubaccount(OnPremiseHttpTest.erp("ERPShortDeadline",
                Map.of("URL.connectionTimeoutInSeconds", "1", "URL.socketReadTimeoutInSeconds", "1")));
        sandbox().connectivity().failover(Duration.ofSeconds(10));
        sandbox().proxyRequests().clear();

        long start = System.nanoTime();
        Exchange exchange = get("btp-destination:ERPShortDeadline/" + SALES);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exchange.getException()).isInstanceOfSatisfying(CloudConnectorException.class,
                e -> assertThat(e.getMessage()).contains("Cloud Connector failover in progress or disconnected"));
        assertThat(sandbox().proxyRequests().matching(method("GET")).size()).as("GETs sent, retries included")
                .isGreaterThan(1);
        // generous: within twice the 2 s deadline, not the 5 s window or the 10 s outage
        assertThat(took).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void automaticRetriesDisabledSendsAGetOnceDuringFailover() {
        sandbox().connectivity().failover(Duration.ofSeconds(3));
        sandbox().proxyRequests().clear();

        Exchange exchange = get("btp-destination:OnPremiseERP/" + SALES + "?automaticRetriesDisabled=true");

        assertThat(exchange.getException()).isInstanceOfSatisfying(CloudConnectorException.class,
                e -> assertThat(e.status()).isEqualTo(503));
        assertThat(sandbox().proxyRequests().matching(method("GET"))).as("GETs at the proxy").hasSize(1);
    }
}
