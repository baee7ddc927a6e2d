package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.CloudConnectorException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a request is sent a second time: never a POST; a GET only after a connection failure before any answer, or a
 * 503 saying when to come back; never with automaticRetriesDisabled.
 */
class RetryPolicyTest extends BtpDestinationTestSupport {

    private String destinationFor(String name, HostileHttpServer server) {
        sandbox().destinations().putSubaccount(Map.of("Name", name, "Type", "HTTP", "ProxyType", "Internet",
                "Authentication", "NoAuthentication", "URL", server.url()));
        return "btp-destination:" + name + "/orders";
    }

    @Test
    void postAnswered503IsSentOnce() throws Exception {
        try (HostileHttpServer backend = new HostileHttpServer((n, line, socket, out) ->
                HostileHttpServer.respond(out, "503 Service Unavailable", "busy", "Retry-After: 1"))) {
            String uri = destinationFor("Busy503Post", backend);

            Exchange exchange = call(uri + "?csrfProtection=false", "{\"order\":1}", Map.of(Exchange.HTTP_METHOD, "POST"));

            assertThat(exchange.getException()).isInstanceOfSatisfying(HttpOperationFailedException.class,
                    e -> assertThat(e.getStatusCode()).isEqualTo(503));
            assertThat(backend.requestsWithMethod("POST")).as("POSTs received").isEqualTo(1);
        }
    }

    @Test
    void patchAnswered503IsSentOnce() throws Exception {
        try (HostileHttpServer backend = new HostileHttpServer((n, line, socket, out) ->
                HostileHttpServer.respond(out, "503 Service Unavailable", "busy", "Retry-After: 1"))) {
            String uri = destinationFor("Busy503Patch", backend);

            Exchange exchange = call(uri + "?csrfProtection=false", "{\"order\":1}", Map.of(Exchange.HTTP_METHOD, "PATCH"));

            assertThat(exchange.getException()).isInstanceOf(HttpOperationFailedException.class);
            assertThat(backend.requestsWithMethod("PATCH")).as("PATCHes received").isEqualTo(1);
        }
    }

    @Test
    void postAnswered503ByTheConnectivityProxyIsSentOnce() {
        // a wrong location ID: the proxy finds no Cloud Connector and answers 503
        sandbox().destinations().putSubaccount(OnPremiseHttpTest.erp("ERPNowherePost",
                Map.of("CloudConnectorLocationId", "Nowhere")));

        Exchange exchange = call("btp-destination:ERPNowherePost/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder"
                + "?csrfProtection=false", "{}", Map.of(Exchange.HTTP_METHOD, "POST"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(CloudConnectorException.class,
                e -> assertThat(e.status()).isEqualTo(503));
        assertThat(sandbox().proxyRequests().matching(r -> r.method().equals("POST"))).as("POSTs at the proxy").hasSize(1);
    }

    @Test
    void getAnswered503WithRetryAfterIsSentOnceMore() throws Exception {
        try (HostileHttpServer backend = new HostileHttpServer((n, line, socket, out) -> {
            if (n == 1) {
                HostileHttpServer.respond(out, "503 Service Unavailable", "busy", "Retry-After: 1");
            } else {
                HostileHttpServer.respond(out, "200 OK", "orders");
            }
        })) {
            String uri = destinationFor("Busy503Get", backend);

            Exchange exchange = get(uri);

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("orders");
            assertThat(backend.requestsWithMethod("GET")).isEqualTo(2);
        }
    }

    @Test
    void getAnswered503IsSentOnceMoreAtMost() throws Exception {
        try (HostileHttpServer backend = new HostileHttpServer((n, line, socket, out) ->
                HostileHttpServer.respond(out, "503 Service Unavailable", "busy", "Retry-After: 1"))) {
            String uri = destinationFor("Busy503Always", backend);

            Exchange exchange = get(uri);

            assertThat(exchange.getException()).isInstanceOf(HttpOperationFailedException.class);
            assertThat(backend.requestsWithMethod("GET")).isEqualTo(2);
        }
    }

    @Test
    void getAnswered503WithoutRetryAfterIsSentOnce() throws Exception {
        try (HostileHttpServer backend = new HostileHttpServer((n, line, socket, out) ->
                HostileHttpServer.respond(out, "503 Service Unavailable", "down"))) {
            String uri = destinationFor("Down503Get", backend);

            Exchange exchange = get(uri);

            assertThat(exchange.getException()).isInstanceOf(HttpOperationFailedException.class);
            assertThat(backend.requestsWithMethod("GET")).isEqualTo(1);
        }
    }

    @Test
    // HttpClient's default strategy would wait the whole minute before sending it again
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void getAnswered503WithRetryAfterBeyondFiveSecondsIsSentOnce() throws Exception {
        try (HostileHttpServer backend = new HostileHttpServer((n, line, socket, out) ->
                HostileHttpServer.respond(out, "503 Service Unavailable", "maintenance", "Retry-After: 60"))) {
            String uri = destinationFor("Maintenance503Get", backend);

            Exchange exchange = get(uri);

            assertThat(exchange.getException()).isInstanceOf(HttpOperationFailedException.class);
            assertThat(backend.requestsWithMethod("GET")).isEqualTo(1);
        }
    }

    @Test
    void automaticRetriesDisabledSendsAGetAnswered503WithRetryAfterOnce() throws Exception {
        try (HostileHttpServer backend = new HostileHttpServer((n, line, socket, out) ->
                HostileHttpServer.respond(out, "503 Service Unavailable", "busy", "Retry-After: 1"))) {
            String uri = destinationFor("Busy503NoRetries", backend);

            Exchange exchange = get(uri + "?automaticRetriesDisabled=true");

            assertThat(exchange.getException()).isInstanceOf(HttpOperationFailedException.class);
            assertThat(backend.requestsWithMethod("GET")).isEqualTo(1);
        }
    }

    @Test
    void getWhoseConnectionIsResetBeforeAnyAnswerIsSentOnceMore() throws Exception {
        try (HostileHttpServer backend = new HostileHttpServer((n, line, socket, out) -> {
            if (n == 1) {
                HostileHttpServer.reset(socket);
            } else {
                HostileHttpServer.respond(out, "200 OK", "orders");
            }
        })) {
            String uri = destinationFor("ResetGet", backend);

            Exchange exchange = get(uri);

            assertThat(exchange.getException()).isNull();
            assertThat(backend.requestsWithMethod("GET")).isEqualTo(2);
        }
    }

    @Test
    void postWhoseConnectionIsResetBeforeAnyAnswerIsSentOnce() throws Exception {
        try (HostileHttpServer backend = new HostileHttpServer((n, line, socket, out) -> HostileHttpServer.reset(socket))) {
            String uri = destinationFor("ResetPost", backend);

            Exchange exchange = call(uri + "?csrfProtection=false", "{\"order\":1}", Map.of(Exchange.HTTP_METHOD, "POST"));

            assertThat(exchange.getException()).isNotNull();
            assertThat(backend.requestsWithMethod("POST")).isEqualTo(1);
        }
    }

    @Test
    void automaticRetriesDisabledSendsAGetWhoseConnectionIsResetOnce() throws Exception {
        try (HostileHttpServer backend = new HostileHttpServer((n, line, socket, out) -> HostileHttpServer.reset(socket))) {
            String uri = destinationFor("ResetGetNoRetries", backend);

            Exchange exchange = get(uri + "?automaticRetriesDisabled=true");

            assertThat(exchange.getException()).isNotNull();
            assertThat(backend.requestsWithMethod("GET")).isEqualTo(1);
        }
    }
}
