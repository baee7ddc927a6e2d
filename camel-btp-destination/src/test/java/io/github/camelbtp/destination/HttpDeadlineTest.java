package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.CloudConnectorException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that trickles its answer (a byte now and then, each within the read timeout) cannot hold an exchange longer
 * than the destination's deadline: connect timeout + read timeout.
 */
class HttpDeadlineTest extends BtpDestinationTestSupport {

    /** Deadline of the test destinations: 1 s to connect + 2 s to read. */
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    /** Sends the head of a 200 answer, then one body byte a second, forever (the read timeout never trips). */
    private static void trickle(OutputStream out) throws IOException, InterruptedException {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        while (true) {
            out.write('x');
            out.flush();
            Thread.sleep(1_000);
        }
    }

    @Test
    // without a deadline the trickle would hold the exchange for 100000 s
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tricklingBackendIsAbortedAtTheDestinationsDeadline() throws Exception {
        try (HostileHttpServer backend = new HostileHttpServer((n, line, socket, out) -> trickle(out))) {
            sandbox().destinations().putSubaccount(Map.of("Name", "Trickling", "Type", "HTTP", "ProxyType", "Internet",
                    "Authentication", "NoAuthentication", "URL", backend.url(), "URL.connectionTimeoutInSeconds", "1",
                    "URL.socketReadTimeoutInSeconds", "2"));

            long start = System.nanoTime();
            Exception e = get("btp-destination:Trickling/slow").getException();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(e).isInstanceOf(BtpConnectivityException.class).hasMessageContaining("'Trickling'")
                    .hasMessageContaining("deadline").hasMessageContaining("URL.socketReadTimeoutInSeconds")
                    .hasMessageContaining(backend.url());
            assertThat(took).as("aborted at the 3 s deadline, not after 100000 s").isLessThan(DEADLINE.multipliedBy(2));
        }
    }

    @Test
    // without a deadline the trickle would hold the exchange for 100000 s
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tricklingConnectivityProxyIsAbortedAtTheDestinationsDeadline() throws Exception {
        try (HostileHttpServer proxy = new HostileHttpServer((n, line, socket, out) -> trickle(out))) {
            context.addComponent("btp-trickling-proxy", HostileProxy.component(sandbox(), proxy.port()));
            sandbox().destinations().putSubaccount(OnPremiseHttpTest.erp("ERPTricklingProxy",
                    Map.of("URL.connectionTimeoutInSeconds", "1", "URL.socketReadTimeoutInSeconds", "2")));

            long start = System.nanoTime();
            Exception e = get("btp-trickling-proxy:ERPTricklingProxy/sap/opu/odata/sap/API_SALES_ORDER_SRV").getException();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(e).isInstanceOf(CloudConnectorException.class).hasMessageContaining("'ERPTricklingProxy'")
                    .hasMessageContaining("deadline").hasMessageContaining("Connectivity proxy at 127.0.0.1:" + proxy.port());
            assertThat(took).as("aborted at the 3 s deadline").isLessThan(DEADLINE.multipliedBy(2));
        }
    }
}
