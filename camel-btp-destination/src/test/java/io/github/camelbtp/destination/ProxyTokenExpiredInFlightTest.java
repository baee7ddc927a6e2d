package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code 407} of the Connectivity proxy to a connectivity token that expired between being taken from the cache
 * and being read by the proxy (docs/reliability.md, Load): the proxy refused before forwarding anything, so the
 * engine forgets the tenant's cached token, fetches a new one and sends the request once more — a POST too — and a
 * proxy that keeps refusing still fails with the typed error.
 */
class ProxyTokenExpiredInFlightTest extends BtpDestinationTestSupport {

    private static final String SALES = "btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";
    private static final Map<String, Object> POST = Map.of(Exchange.HTTP_METHOD, "POST", Exchange.CONTENT_TYPE,
            "application/json");

    private long grantsBefore;

    @BeforeEach
    void warm() {
        // the destination and the connectivity token are cached
        assertThat(get(SALES + "?$top=1").getException()).isNull();
        sandbox().proxyRequests().clear();
        sandbox().backendRequests().clear();
        grantsBefore = sandbox().counters().tokenGrants(DemoDestinations.CONNECTIVITY_CLIENT_ID);
    }

    private static Predicate<RecordedRequest> method(String method) {
        return r -> r.method().equals(method);
    }

    @Test
    void postRefusedWith407OnceIsSentAgainWithAFreshTokenAndReachesTheBackendOnce() {
        sandbox().faults().connectivityProxyFailure(407, 1);

        // without a CSRF token the backend answers 403: proof enough that the POST reached it
        Exchange exchange = call(SALES + "?csrfProtection=false&throwExceptionOnFailure=false",
                "{\"SalesOrderType\":\"OR\"}", POST);

        assertThat(exchange.getException()).as("no 407 reaches the route").isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).as("the backend's answer")
                .isEqualTo(403);
        assertThat(sandbox().proxyRequests().matching(method("POST"))).as("POSTs at the proxy: refused, then sent again")
                .hasSize(2);
        assertThat(sandbox().backendRequests().matching(method("POST"))).as("POSTs at the backend").hasSize(1);
        assertThat(sandbox().counters().tokenGrants(DemoDestinations.CONNECTIVITY_CLIENT_ID) - grantsBefore)
                .as("a fresh connectivity token was fetched for the re-send").isEqualTo(1);
        var sent = sandbox().proxyRequests().matching(method("POST"));
        assertThat(sent.get(1).header("Proxy-Authorization")).as("the re-send carries the new token")
                .isNotEqualTo(sent.get(0).header("Proxy-Authorization"));
    }

    @Test
    void persistent407FailsTypedAfterOneRenewal() {
        sandbox().faults().connectivityProxyFailure(407);

        Exchange exchange = call(SALES + "?csrfProtection=false", "{\"SalesOrderType\":\"OR\"}", POST);

        assertThat(exchange.getException()).isInstanceOfSatisfying(CloudConnectorException.class, e -> {
            assertThat(e.status()).isEqualTo(407);
            assertThat(e.getMessage()).contains("'OnPremiseERP'").contains("407")
                    .contains("sent again once with a freshly fetched connectivity token").doesNotContain("Bearer ey");
        });
        assertThat(sandbox().proxyRequests().matching(method("POST"))).as("sent once more, not again and again")
                .hasSize(2);
        assertThat(sandbox().backendRequests().matching(method("POST"))).isEmpty();
        sandbox().faults().reset();
    }

    @Test
    void automaticRetriesDisabledLeavesA407ToTheRoute() {
        sandbox().faults().connectivityProxyFailure(407, 1);

        Exchange exchange = call(SALES + "?csrfProtection=false&automaticRetriesDisabled=true", "{}", POST);

        assertThat(exchange.getException()).isInstanceOfSatisfying(CloudConnectorException.class,
                e -> assertThat(e.status()).isEqualTo(407));
        assertThat(sandbox().proxyRequests().matching(method("POST"))).hasSize(1);
    }
}
