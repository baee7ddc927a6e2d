package io.github.camelbtp.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel-btp's Micrometer meters (issue 13 §2), with a SimpleMeterRegistry bound in the Camel registry as
 * camel-micrometer expects ({@code metricsRegistry}); every meter and tag value is produced by a real exchange against
 * the sandbox.
 */
class BtpMetricsTest extends BtpDestinationTestSupport {

    private static final String SALES = DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1";
    private static final String ORDERS = "btp-destination:OnPremiseERP" + SALES;

    private static final String BAD_CLIENT_SECRET = "Very-Secret-Client-Secret-8812";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", registry);
        return context;
    }

    /**
     * The sandbox's engine with the test's clock, and one destination from configuration, whose OAuth flow the engine
     * runs itself (client-side): its client is unknown to the token service.
     */
    @Override
    protected void configure(BtpDestinationComponent component) {
        component.setConnectivity(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices(sandbox().vcapServices()))
                .environmentDestinations(null)
                .staticDestinations(List.of(Destination.of("CloudBadClient", Map.of("Name", "CloudBadClient",
                        "Type", "HTTP", "ProxyType", "Internet", "URL", sandbox().cloudApiUri().toString(),
                        "Authentication", "OAuth2ClientCredentials",
                        "tokenServiceURL", sandbox().tokenServiceUri() + "/oauth/token",
                        "clientId", "no-such-client", "clientSecret", BAD_CLIENT_SECRET), "test")))
                .clock(clock)
                .build());
    }

    @AfterEach
    void closeEngine() {
        component().connectivity().close();
        sandbox().destinations().delete("ERPNowhere");
    }

    private double lookups(String destination, String result) {
        var counter = registry.find("camel.btp.destination.lookups").tags("destination", destination, "result", result)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double tokenRequests(String source, String result) {
        var counter = registry.find("camel.btp.token.requests").tags("source", source, "result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aFirstLookupIsAMissAndTheNextAHit() {
        assertThat(get(ORDERS).getException()).isNull();
        assertThat(get(ORDERS).getException()).isNull();

        assertThat(lookups("OnPremiseERP", "miss")).isEqualTo(1);
        assertThat(lookups("OnPremiseERP", "hit")).isEqualTo(1);
    }

    @Test
    void anExpiredDestinationServedDuringADestinationServiceOutageIsAStaleLookup() {
        assertThat(get(ORDERS).getException()).isNull();
        clock.advance(Duration.ofMinutes(6)); // past the 5-minute TTL, within maxStale
        sandbox().faults().destinationServiceDown(true);

        assertThat(get(ORDERS).getException()).isNull();

        assertThat(lookups("OnPremiseERP", "stale")).isEqualTo(1);
    }

    @Test
    void anUnknownDestinationIsANotFoundLookup() {
        assertThat(get("btp-destination:NoSuchDestination/x").getException()).isNotNull();

        assertThat(lookups("NoSuchDestination", "not_found")).isEqualTo(1);
    }

    @Test
    void aLookupDuringAnOutageWithoutACachedEntryIsAnErrorLookup() {
        sandbox().faults().destinationServiceDown(true);

        assertThat(get(ORDERS).getException()).isNotNull();

        assertThat(lookups("OnPremiseERP", "error")).isEqualTo(1);
    }

    @Test
    void tokenRequestsAreCountedBySourceAndResult() {
        assertThat(get(ORDERS).getException()).isNull();
        assertThat(get(ORDERS).getException()).isNull();

        // one token each, then both from the token cache
        assertThat(tokenRequests("destination-service", "success")).isEqualTo(1);
        assertThat(tokenRequests("connectivity", "success")).isEqualTo(1);
    }

    @Test
    void aFailingTokenServiceIsCountedUnavailable() {
        sandbox().faults().tokenServiceFailure(503);

        assertThat(get(ORDERS).getException()).isNotNull();

        assertThat(tokenRequests("destination-service", "unavailable")).isGreaterThanOrEqualTo(1);
        assertThat(tokenRequests("destination-service", "success")).isZero();
    }

    @Test
    void aClientSideTokenRefusedByTheTokenServiceIsCountedRejected() {
        assertThat(get("btp-destination:CloudBadClient/api/v1/products").getException()).isNotNull();

        assertThat(tokenRequests("client", "rejected")).isEqualTo(1);
    }

    @Test
    void requestsAreTimedByDestinationTypeProxyTypeAndOutcome() {
        assertThat(get(ORDERS).getException()).isNull();
        assertThat(get("btp-destination:OnPremiseERP" + DemoDestinations.SALES_SERVICE_PATH + "/NoSuchEntitySet")
                .getException()).isNotNull();

        var ok = registry.find("camel.btp.requests").tags("destination", "OnPremiseERP", "type", "HTTP",
                "proxy_type", "OnPremise", "outcome", "success").timer();
        var notFound = registry.find("camel.btp.requests").tags("destination", "OnPremiseERP", "type", "HTTP",
                "proxy_type", "OnPremise", "outcome", "client_error").timer();
        assertThat(ok).isNotNull();
        assertThat(ok.count()).isEqualTo(1);
        assertThat(ok.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(notFound).isNotNull();
        assertThat(notFound.count()).isEqualTo(1);
    }

    @Test
    void aRequestWhoseLookupFailedIsTimedAsAnError() {
        get("btp-destination:NoSuchDestination/x");

        var failed = registry.find("camel.btp.requests").tags("destination", "NoSuchDestination", "type", "unknown",
                "proxy_type", "unknown", "outcome", "error").timer();
        assertThat(failed).isNotNull();
        assertThat(failed.count()).isEqualTo(1);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:two").to(ORDERS).to("btp-destination:NoSuchDestination/x");
            }
        };
    }

    @Test
    void aSecondCallOfAnExchangeWhoseLookupFailsIsTimedUnderItsOwnName() {
        template.send("direct:two", e -> { });

        var first = registry.find("camel.btp.requests").tags("destination", "OnPremiseERP", "outcome", "success").timer();
        var second = registry.find("camel.btp.requests").tags("destination", "NoSuchDestination", "type", "unknown",
                "outcome", "error").timer();
        assertThat(first).isNotNull();
        assertThat(first.count()).isEqualTo(1);
        assertThat(registry.find("camel.btp.requests").tags("destination", "OnPremiseERP", "outcome", "error").timer())
                .isNull();
        assertThat(second).isNotNull();
        assertThat(second.count()).isEqualTo(1);
    }

    @Test
    void cloudConnectorRefusalsAreCountedByDestinationLocationAndCode() {
        sandbox().destinations().putSubaccount(OnPremiseHttpTest.erp("ERPNowhere", Map.of("CloudConnectorLocationId", "Nowhere")));

        get("btp-destination:ERPNowhere" + SALES);
        get("btp-destination:OnPremiseERP/sap/bc/adt/discovery"); // path not allowed: the connector's denial

        var noConnector = registry.find("camel.btp.cloudconnector.errors")
                .tags("destination", "ERPNowhere", "location", "Nowhere", "code", "503").counter();
        var denied = registry.find("camel.btp.cloudconnector.errors")
                .tags("destination", "OnPremiseERP", "location", "", "code", "403").counter();
        assertThat(noConnector).isNotNull();
        assertThat(noConnector.count()).isEqualTo(1);
        assertThat(denied).isNotNull();
        assertThat(denied.count()).isEqualTo(1);
    }

    @Test
    void noMeterTagCarriesASecretATokenOrAUrl() throws Exception {
        get(ORDERS);
        get("btp-destination:OnPremiseERP/sap/bc/adt/discovery");
        get("btp-destination:CloudBadClient/api/v1/products"); // the token service refuses the client
        sandbox().faults().tokenServiceFailure(401);
        component().connectivity().invalidate("OnPremiseERP");
        get(ORDERS);

        List<String> secrets = new ArrayList<>(List.of(DemoDestinations.SALES_PASSWORD, BAD_CLIENT_SECRET));
        JsonNode vcap = new ObjectMapper().readTree(sandbox().vcapServices());
        secrets.add(vcap.path("destination").get(0).path("credentials").path("clientsecret").asText());
        secrets.add(vcap.path("connectivity").get(0).path("credentials").path("clientsecret").asText());
        sandbox().backendRequests().all().forEach(r -> {
            String auth = r.header("Authorization");
            if (auth != null && auth.contains(" ")) {
                secrets.add(auth.substring(auth.indexOf(' ') + 1));
            }
        });
        secrets.removeIf(s -> s == null || s.length() < 8);
        assertThat(secrets).hasSizeGreaterThan(2);

        List<Meter> meters = registry.getMeters();
        assertThat(meters).extracting(m -> m.getId().getName()).contains("camel.btp.destination.lookups",
                "camel.btp.requests", "camel.btp.token.requests", "camel.btp.cloudconnector.errors");
        for (Meter meter : meters) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).as(meter.getId().toString()).doesNotContain("://").doesNotStartWith("eyJ")
                        .doesNotContain("Bearer").doesNotContain("Basic ");
                for (String secret : secrets) {
                    assertThat(tag.getValue()).as(meter.getId().toString()).doesNotContain(secret);
                }
            }
        }
    }
}
