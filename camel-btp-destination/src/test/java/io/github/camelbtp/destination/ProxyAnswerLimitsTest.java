package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.CloudConnectorException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Connectivity proxy answers is read only as far as needed to explain it, and its limits are explained. */
class ProxyAnswerLimitsTest extends BtpDestinationTestSupport {

    private static final long HUGE = 256L * 1024 * 1024;

    @Test
    // without the cap the whole body was buffered (an OutOfMemoryError with 700 MB)
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeErrorBodyOfTheConnectivityProxyIsNotReadBeyondItsStart() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        byte[] start = "no Cloud Connector for location ID 'Plant01' ".getBytes(StandardCharsets.UTF_8);
        HostileHttpServer[] self = new HostileHttpServer[1];
        try (HostileHttpServer proxy = new HostileHttpServer((n, line, socket, out) -> {
            out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: " + HUGE
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(start);
            for (long sent = start.length; sent < HUGE; sent += chunk.length) {
                try {
                    out.write(chunk); // generated as it goes, never held
                } catch (IOException clientClosed) {
                    socket.close();
                    return;
                }
                self[0].countSent(chunk.length);
            }
        })) {
            self[0] = proxy;
            context.addComponent("btp-huge-proxy", HostileProxy.component(sandbox(), proxy.port()));
            sandbox().destinations().putSubaccount(OnPremiseHttpTest.erp("ERPHugeProxyAnswer", Map.of()));

            long begin = System.nanoTime();
            Exception e = get("btp-huge-proxy:ERPHugeProxyAnswer/sap/opu/odata/sap/API_SALES_ORDER_SRV").getException();
            Duration took = Duration.ofNanos(System.nanoTime() - begin);

            assertThat(e).isInstanceOfSatisfying(CloudConnectorException.class, cce -> assertThat(cce.status()).isEqualTo(503));
            assertThat(e.getMessage()).contains("ERPHugeProxyAnswer");
            Thread.sleep(200); // let the server notice the closed connection
            assertThat(proxy.bytesSent()).as("body bytes the proxy could send before the client hung up")
                    .isLessThan(HUGE / 8);
            assertThat(took).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void headerOverTheProxysLineLimitIsACloudConnectorError() {
        // SAP: request line and each header at most 8192 bytes [consuming-the-connectivity-service-313b215]
        Exchange exchange = call("btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder", null,
                Map.of("X-Large", "x".repeat(9_000)));

        assertThat(exchange.getException()).isInstanceOfSatisfying(CloudConnectorException.class, e -> {
            assertThat(e.status()).isEqualTo(431);
            assertThat(e.getMessage()).contains("OnPremiseERP").contains("8192").contains("431");
        });
    }
}
