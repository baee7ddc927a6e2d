package io.github.camelbtp.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SAP's CSRF protocol on modifying requests. */
class CsrfTest extends BtpDestinationTestSupport {

    private static final String ORDERS = "btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";
    private static final String NEW_ORDER = "{\"SalesOrderType\":\"OR\",\"SoldToParty\":\"17100001\","
            + "\"TotalNetAmount\":\"99.50\",\"TransactionCurrency\":\"EUR\"}";

    @Test
    void postFetchesCsrfTokenWhenTheServerRequiresItAndCreatesTheOrder() throws Exception {
        int before = sandbox().salesOrders().count();

        Exchange exchange = post(ORDERS);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(201);
        JsonNode created = new ObjectMapper().readTree(exchange.getMessage().getBody(String.class)).path("d");
        assertThat(created.path("SalesOrder").asText()).isNotBlank();
        assertThat(sandbox().salesOrders().count()).isEqualTo(before + 1);
        assertThat(sandbox().counters().csrfFetches()).isEqualTo(1);
    }

    @Test
    void csrfTokenIsCachedPerDestinationAndReused() {
        assertThat(post(ORDERS).getException()).isNull();
        long fetchesAfterFirst = sandbox().counters().csrfFetches();

        assertThat(post(ORDERS).getException()).isNull();
        assertThat(post(ORDERS).getException()).isNull();

        assertThat(sandbox().counters().csrfFetches()).isEqualTo(fetchesAfterFirst);
    }

    @Test
    void getRequestsNeverFetchCsrfTokens() {
        assertThat(get(ORDERS + "?$top=1").getException()).isNull();

        assertThat(sandbox().counters().csrfFetches()).isZero();
    }

    @Test
    void csrfProtectionCanBeTurnedOffAndThenTheServersRefusalSurfaces() {
        Exception e = post(ORDERS + "?csrfProtection=false").getException();

        assertThat(e).isInstanceOf(HttpOperationFailedException.class);
        HttpOperationFailedException failed = (HttpOperationFailedException) e;
        assertThat(failed.getStatusCode()).isEqualTo(403);
        assertThat(failed.getResponseHeaders().entrySet()).anySatisfy(h -> {
            assertThat(h.getKey()).isEqualToIgnoringCase("x-csrf-token");
            assertThat(h.getValue()).isEqualToIgnoringCase("Required");
        });
        assertThat(sandbox().counters().csrfFetches()).isZero();
    }

    @Test
    void streamedRequestBodyIsSentIntactWhenTheRequestIsRepeatedWithAToken() {
        Exchange exchange = call(ORDERS, new java.io.ByteArrayInputStream(NEW_ORDER.getBytes()),
                Map.of(Exchange.HTTP_METHOD, "POST", Exchange.CONTENT_TYPE, "application/json"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).contains("17100001").contains("99.5");
    }

    private Exchange post(String uri) {
        return call(uri, NEW_ORDER, Map.of(Exchange.HTTP_METHOD, "POST", Exchange.CONTENT_TYPE, "application/json",
                "Accept", "application/json"));
    }
}
