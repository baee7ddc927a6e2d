package io.github.camelbtp.sandbox.onpremise.sales;

import static io.github.camelbtp.sandbox.SandboxClient.json;
import static io.github.camelbtp.sandbox.SandboxClient.salesBasic;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_SERVICE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.onpremise.sales.SalesOrders;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo on-premise backend, called directly (tests of the proxy path are in ConnectivityProxyTest). */
@ExtendWith(SandboxExtension.class)
class SalesOrderServiceTest {

    private final Sandbox sandbox;

    SalesOrderServiceTest(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    private URI uri(String pathAndQuery) {
        return URI.create(sandbox.salesBackendUri() + SALES_SERVICE_PATH + pathAndQuery);
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return SandboxClient.get(uri(pathAndQuery), "Authorization", salesBasic());
    }

    @Test
    void requestWithoutCredentialsIs401WithBasicChallenge() {
        HttpResponse<String> response = SandboxClient.get(uri("/A_SalesOrder"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Basic realm=\"SAP NetWeaver Application Server\"");
    }

    @Test
    void wrongPasswordIs401() {
        HttpResponse<String> response = SandboxClient.get(uri("/A_SalesOrder"), "Authorization",
                SandboxClient.basic(DemoDestinations.SALES_USER, "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void listsSeededOrdersInODataV2Envelope() {
        HttpResponse<String> response = get("/A_SalesOrder?$format=json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = json(response.body()).get("d").get("results");
        assertThat(results).hasSizeGreaterThanOrEqualTo(SalesOrders.SEED_COUNT);
        JsonNode first = results.get(0);
        assertThat(first.get("__metadata").get("type").asText()).isEqualTo("API_SALES_ORDER_SRV.A_SalesOrderType");
        assertThat(first.get("__metadata").get("uri").asText()).endsWith("/A_SalesOrder('1')");
        assertThat(first.get("SalesOrder").asText()).isEqualTo("1");
        assertThat(first.get("SalesOrderType").asText()).isEqualTo("OR");
        assertThat(first.get("SoldToParty").asText()).isEqualTo("17100001");
        assertThat(first.get("TotalNetAmount").asText()).matches("\\d+\\.\\d{2}");
        assertThat(first.get("TransactionCurrency").asText()).isEqualTo("EUR");
        assertThat(first.get("CreationDate").asText()).matches("/Date\\(\\d+\\)/");
    }

    @Test
    void topAndSkipPageThroughOrders() {
        JsonNode page = json(get("/A_SalesOrder?$top=3&$skip=2").body()).get("d").get("results");

        assertThat(page).hasSize(3);
        assertThat(page.findValuesAsText("SalesOrder")).containsExactly("3", "4", "5");
    }

    @Test
    void filterEqOnSoldToPartyAndSalesOrderTypeJoinedByAnd() {
        JsonNode byCustomer = json(get("/A_SalesOrder?$filter=SoldToParty%20eq%20'17100002'").body()).get("d")
                .get("results");
        JsonNode byBoth = json(get("/A_SalesOrder?$filter=SoldToParty%20eq%20'17100001'%20and%20SalesOrderType"
                + "%20eq%20'SO'&$inlinecount=allpages").body()).get("d");

        assertThat(byCustomer).isNotEmpty();
        assertThat(byCustomer.findValuesAsText("SoldToParty")).containsOnly("17100002");
        assertThat(byBoth.get("results").findValuesAsText("SalesOrder")).containsExactly("5", "25");
        assertThat(byBoth.get("__count").asText()).isEqualTo("2");
    }

    @Test
    void unsupportedFilterIs400WithODataError() {
        HttpResponse<String> response = get("/A_SalesOrder?$filter=TotalNetAmount%20gt%20100");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").get("message").get("value").asText()).isNotBlank();
    }

    @Test
    void readsSingleOrderByKey() {
        HttpResponse<String> response = get("/A_SalesOrder('7')");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("d").get("SalesOrder").asText()).isEqualTo("7");
    }

    @Test
    void unknownOrderIs404WithODataError() {
        HttpResponse<String> response = get("/A_SalesOrder('999999')");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = json(response.body()).get("error");
        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(error.get("message").get("lang").asText()).isEqualTo("en");
    }

    @Test
    void csrfFetchThenPostCreatesOrderWithNewNumberAndLocation() {
        HttpResponse<String> fetch = SandboxClient.get(uri("/"), "Authorization", salesBasic(), "x-csrf-token", "Fetch");
        String csrfToken = fetch.headers().firstValue("x-csrf-token").orElseThrow();
        String cookie = fetch.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("SAP_SESSIONID_SBX_100=").contains("path=/").contains("HttpOnly");
        int before = sandbox.salesOrders().count();

        HttpResponse<String> created = SandboxClient.send(HttpRequest.newBuilder(uri("/A_SalesOrder"))
                .header("Authorization", salesBasic())
                .header("x-csrf-token", csrfToken)
                .header("Cookie", cookie.split(";")[0])
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"SalesOrderType\":\"OR\",\"SoldToParty\":\"17100003\","
                        + "\"TotalNetAmount\":\"99.5\",\"TransactionCurrency\":\"USD\"}"))
                .build());

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode order = json(created.body()).get("d");
        assertThat(Long.parseLong(order.get("SalesOrder").asText())).isGreaterThan(SalesOrders.SEED_COUNT);
        assertThat(order.get("TotalNetAmount").asText()).isEqualTo("99.50");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/A_SalesOrder('" + order.get("SalesOrder").asText() + "')"));
        assertThat(sandbox.salesOrders().count()).isEqualTo(before + 1);
        assertThat(sandbox.salesOrders().get(order.get("SalesOrder").asText())).isPresent();
        assertThat(sandbox.counters().csrfFetches()).isEqualTo(1);
    }

    @Test
    void postWithoutCsrfTokenIs403Required() {
        HttpResponse<String> response = SandboxClient.send(HttpRequest.newBuilder(uri("/A_SalesOrder"))
                .header("Authorization", salesBasic())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"SoldToParty\":\"17100003\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-csrf-token")).hasValue("Required");
        assertThat(response.body()).isEqualTo("CSRF token validation failed");
    }

    @Test
    void csrfTokenOfAnotherSessionIs403() {
        HttpResponse<String> first = SandboxClient.get(uri("/"), "Authorization", salesBasic(), "x-csrf-token", "Fetch");
        HttpResponse<String> second = SandboxClient.get(uri("/"), "Authorization", salesBasic(), "x-csrf-token", "Fetch");

        HttpResponse<String> response = SandboxClient.send(HttpRequest.newBuilder(uri("/A_SalesOrder"))
                .header("Authorization", salesBasic())
                .header("x-csrf-token", first.headers().firstValue("x-csrf-token").orElseThrow())
                .header("Cookie", second.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0])
                .POST(HttpRequest.BodyPublishers.ofString("{\"SoldToParty\":\"17100003\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void recordsEveryRequestAndCountsBackendCalls() {
        get("/A_SalesOrder?$top=1&sap-client=100");

        RecordedRequest recorded = sandbox.backendRequests().last().orElseThrow();
        assertThat(recorded.server()).isEqualTo("sales");
        assertThat(recorded.method()).isEqualTo("GET");
        assertThat(recorded.rawQuery()).isEqualTo("$top=1&sap-client=100");
        assertThat(recorded.toString()).doesNotContain(DemoDestinations.SALES_PASSWORD)
                .doesNotContain(salesBasic().substring(6));
        assertThat(sandbox.counters().backendCalls()).isEqualTo(1);
    }
}
