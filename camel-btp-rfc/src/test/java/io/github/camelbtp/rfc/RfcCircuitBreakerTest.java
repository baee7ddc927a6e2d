package io.github.camelbtp.rfc;

import com.sun.net.httpserver.HttpServer;
import io.github.camelbtp.connectivity.DestinationCircuitOpenException;
import io.github.camelbtp.connectivity.breaker.DestinationCircuitBreakers;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The destination's circuit breaker (engine options circuitBreaker*) guards btp-rfc's calls as it guards
 * btp-destination's: an ABAP system that keeps failing on the way (here a loopback server answering 503 with a text
 * page, as an ICM in trouble does) opens the breaker and further calls send nothing; ABAP exceptions are the
 * function's answers and never count.
 */
class RfcCircuitBreakerTest extends BtpRfcTestSupport {

    private static final int WINDOW = 4;

    private HttpServer failingAbap;
    private final AtomicInteger requests = new AtomicInteger();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        var options = context.getComponent("btp-rfc", BtpRfcComponent.class).getEngineOptions();
        options.setCircuitBreaker(true);
        options.setCircuitBreakerWindow(WINDOW);
        options.setCircuitBreakerFailureRate(50);
        options.setCircuitBreakerOpenDuration(60_000);
        return context;
    }

    @BeforeEach
    void failingSystem() throws IOException {
        failingAbap = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        failingAbap.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] page = "Service unavailable".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(503, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        failingAbap.start();
        sandbox().destinations().putSubaccount(Map.of("Name", "FailingAbap", "Type", "HTTP", "ProxyType", "Internet",
                "URL", "http://127.0.0.1:" + failingAbap.getAddress().getPort() + "/sap/bc/soap/rfc",
                "Authentication", "BasicAuthentication", "User", "RFC_USER", "Password", "failing-abap-7c1e"));
    }

    @AfterEach
    void stop() {
        failingAbap.stop(0);
        sandbox().destinations().delete("FailingAbap");
    }

    @Test
    void failingRfcDestinationOpensItsBreakerAndSendsNothing() {
        for (int i = 0; i < WINDOW; i++) {
            Exchange failed = call("btp-rfc:RFC_PING?metadata=false&destination=FailingAbap", Map.of());
            assertThat(failed.getException()).isInstanceOfSatisfying(RfcHttpStatusException.class,
                    e -> assertThat(e.status()).isEqualTo(503));
        }
        assertThat(breakers().state("FailingAbap", null)).isEqualTo(DestinationCircuitBreakers.State.OPEN);
        int sent = requests.get();
        assertThat(sent).isEqualTo(WINDOW);

        Exchange refused = call("btp-rfc:RFC_PING?metadata=false&destination=FailingAbap", Map.of());

        assertThat(refused.getException()).isInstanceOfSatisfying(DestinationCircuitOpenException.class, e -> {
            assertThat(e.destinationName()).isEqualTo("FailingAbap");
            assertThat(e.getMessage()).contains("'FailingAbap'").doesNotContain("failing-abap-7c1e");
        });
        assertThat(requests.get()).as("nothing sent while the breaker is open").isEqualTo(sent);
        // another destination of the same engine is not affected
        assertThat(rfc("btp-rfc:RFC_PING?destination=" + ERP_RFC, Map.of())).isNotNull();
        assertThat(breakers().state(ERP_RFC, null)).isEqualTo(DestinationCircuitBreakers.State.CLOSED);
    }

    @Test
    void abapExceptionDoesNotCountForTheBreaker() {
        for (int i = 0; i < 3 * WINDOW; i++) {
            Exchange raised = call("btp-rfc:Z_CBTP_RAISE?destination=" + ERP_RFC, map("IV_EXCEPTION", "NOT_FOUND"));
            assertThat(raised.getException()).isInstanceOf(RfcAbapException.class);
        }

        assertThat(breakers().state(ERP_RFC, null)).isEqualTo(DestinationCircuitBreakers.State.CLOSED);
        assertThat(rfc("btp-rfc:RFC_PING?destination=" + ERP_RFC, Map.of())).isNotNull();
    }

    @Test
    void transportFailureCountsForTheBreaker() {
        failingAbap.stop(0); // connection refused from now on
        for (int i = 0; i < WINDOW; i++) {
            assertThat(call("btp-rfc:RFC_PING?metadata=false&destination=FailingAbap", Map.of()).getException())
                    .isInstanceOf(RfcException.class);
        }

        assertThat(breakers().state("FailingAbap", null)).isEqualTo(DestinationCircuitBreakers.State.OPEN);
    }

    private DestinationCircuitBreakers breakers() {
        return context.getComponent("btp-rfc", BtpRfcComponent.class).connectivity().circuitBreakers();
    }
}
