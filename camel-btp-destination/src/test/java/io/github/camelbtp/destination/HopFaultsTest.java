package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.Faults;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults on the hop itself — the Connectivity proxy, the on-premise backend behind the Cloud Connector, the SOCKS5
 * proxy — through btp-destination against the sandbox. The destination and tokens are cached (warm), which cannot
 * help here: the exchange fails with a typed error naming the destination and the hop, within the destination's
 * deadline (connect + read timeout; a generous bound: less than twice it), without a secret; the first exchange after
 * the fault clears succeeds (no poisoned cache, no half-open pooled connection).
 */
class HopFaultsTest extends BtpDestinationTestSupport {

    /** connect 2 s + read 3 s: the exchange's deadline. */
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final String ERP = "btp-destination:FaultERP" + DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1";
    private static final String TCP = "btp-destination:FaultTcp";

    /** A fault on the hop, the switch that makes it, the endpoint it hits, and how the error names the hop. */
    enum HopFault {
        PROXY_407(f -> f.connectivityProxyFailure(407), ERP, "407"),
        PROXY_503(f -> f.connectivityProxyFailure(503), ERP, "503"),
        PROXY_CUTS_ANSWER(f -> f.connectivityProxyCutsAnswers(true), ERP, "broke off"),
        BACKEND_TIMEOUT(f -> f.backendLatency(Duration.ofSeconds(8)), ERP, "read timeout"),
        SOCKS5_CUT_AFTER_GREETING(f -> f.socks5Cut(Faults.SocksCut.AFTER_GREETING), TCP, "SOCKS5"),
        SOCKS5_CUT_AFTER_AUTHENTICATION(f -> f.socks5Cut(Faults.SocksCut.AFTER_AUTHENTICATION), TCP, "SOCKS5");

        final Consumer<Faults> on;
        final String uri;
        final String hop;

        HopFault(Consumer<Faults> on, String uri, String hop) {
            this.on = on;
            this.uri = uri;
            this.hop = hop;
        }
    }

    @BeforeEach
    void destinations() {
        Map<String, String> erp = new LinkedHashMap<>();
        erp.put("Name", "FaultERP");
        erp.put("Type", "HTTP");
        erp.put("URL", "http://" + DemoDestinations.ERP_VIRTUAL_HOST + ":" + DemoDestinations.ERP_VIRTUAL_PORT);
        erp.put("ProxyType", "OnPremise");
        erp.put("Authentication", "BasicAuthentication");
        erp.put("User", DemoDestinations.SALES_USER);
        erp.put("Password", DemoDestinations.SALES_PASSWORD);
        erp.put("URL.connectionTimeoutInSeconds", "2");
        erp.put("URL.socketReadTimeoutInSeconds", "3");
        sandbox().destinations().putSubaccount(erp);
        Map<String, String> tcp = new LinkedHashMap<>();
        tcp.put("Name", "FaultTcp");
        tcp.put("Type", "TCP");
        tcp.put("ProxyType", "OnPremise");
        tcp.put("Address", DemoDestinations.LEGACY_TCP_VIRTUAL_HOST + ":" + DemoDestinations.LEGACY_TCP_VIRTUAL_PORT);
        sandbox().destinations().putSubaccount(tcp);
    }

    @AfterEach
    void cleanUp() {
        sandbox().destinations().delete("FaultERP");
        sandbox().destinations().delete("FaultTcp");
    }

    @ParameterizedTest
    @EnumSource(HopFault.class)
    void hopFaultFailsTypedNamingTheHopWithinTheDeadlineThenRecovers(HopFault fault) {
        // warm: destination, tokens and a pooled connection
        assertThat(send(fault).getException()).isNull();
        fault.on.accept(sandbox().faults());

        long start = System.nanoTime();
        Exception e = send(fault).getException();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e).as("%s", fault).isInstanceOf(CloudConnectorException.class)
                .hasMessageContaining(fault.uri.equals(TCP) ? "FaultTcp" : "FaultERP").hasMessageContaining(fault.hop);
        assertThat(took).as("within twice the deadline").isLessThan(DEADLINE.multipliedBy(2));
        assertThat(e.getMessage()).doesNotContain(DemoDestinations.SALES_PASSWORD).doesNotContain("Bearer ey");

        sandbox().faults().reset();
        Exchange recovered = send(fault);

        assertThat(recovered.getException()).as("first exchange after %s cleared", fault).isNull();
    }

    /**
     * The on-premise backend cutting its body is seen by the Cloud Connector, whose proxy answers 502: an HTTP answer
     * like any other (a backend's own 502 looks the same, so the engine does not claim it as the hop's), which the
     * route sees as camel-http's HttpOperationFailedException with the status; the circuit breaker counts it.
     */
    @Test
    void backendCuttingItsBodyIsAnsweredBadGatewayThenRecovers() {
        assertThat(get(ERP).getException()).isNull();
        sandbox().faults().backendCutsBodies(true);

        Exception e = get(ERP).getException();

        assertThat(e).isInstanceOf(HttpOperationFailedException.class);
        assertThat(((HttpOperationFailedException) e).getStatusCode()).isEqualTo(502);
        sandbox().faults().reset();
        assertThat(get(ERP).getException()).isNull();
    }

    private Exchange send(HopFault fault) {
        return fault.uri.equals(TCP) ? call(TCP, "STATUS 4711", Map.of()) : get(fault.uri);
    }
}
