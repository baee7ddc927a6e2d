package io.github.camelbtp.destination;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InternetAndCachingTest extends BtpDestinationTestSupport {

    @Test
    void internetDestinationUsesTheTokenTheDestinationServiceObtained() {
        Exchange exchange = get("btp-destination:CloudSalesAPI/api/v1/products");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(200);
        assertThat(sandbox().backendRequests().last().orElseThrow().header("Authorization")).startsWith("Bearer ");
        assertThat(sandbox().counters().proxiedCalls()).isZero();
    }

    @Test
    void repeatedCallsLookTheDestinationUpOnce() {
        for (int i = 0; i < 5; i++) {
            assertThat(get("btp-destination:PublicCatalog/ping").getException()).isNull();
        }

        assertThat(sandbox().counters().destinationLookups()).isEqualTo(1);
    }

    @Test
    void twoEndpointsOfOneDestinationShareTheCachedLookup() {
        assertThat(get("btp-destination:PublicCatalog/ping").getException()).isNull();
        assertThat(get("btp-destination:PublicCatalog/ping?throwExceptionOnFailure=false").getException()).isNull();

        assertThat(sandbox().counters().destinationLookups()).isEqualTo(1);
    }

    @Test
    void socketReadTimeoutOfTheDestinationIsHonoured() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(10_000); // never answers
                } catch (IOException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            sandbox().destinations().putSubaccount(Map.of("Name", "Silent", "Type", "HTTP", "ProxyType", "Internet",
                    "Authentication", "NoAuthentication", "URL", "http://127.0.0.1:" + silent.getLocalPort(),
                    "URL.socketReadTimeoutInSeconds", "1"));

            Exception e = get("btp-destination:Silent/x").getException();

            assertThat(e).isInstanceOf(SocketTimeoutException.class);
            acceptor.interrupt();
        }
    }
}
