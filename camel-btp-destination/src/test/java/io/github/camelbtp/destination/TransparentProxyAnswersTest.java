package io.github.camelbtp.destination;

import com.sun.net.httpserver.HttpServer;
import io.github.camelbtp.connectivity.TransparentProxyException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Transparent Proxy's own error answers are told from a backend's by SAP's headers [error-response-headers-2b3a572]:
 * a loopback server plays the gateway and answers as the test says.
 */
class TransparentProxyAnswersTest extends BtpDestinationTestSupport {

    private static final AtomicReference<Map<String, String>> HEADERS = new AtomicReference<>(Map.of());
    private static final AtomicReference<Integer> STATUS = new AtomicReference<>(200);
    private static final HttpServer GATEWAY = start();

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                HEADERS.get().forEach(exchange.getResponseHeaders()::set);
                byte[] body = "gateway or backend says no".getBytes();
                exchange.sendResponseHeaders(STATUS.get(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        GATEWAY.stop(0);
    }

    @Override
    protected void configure(BtpDestinationComponent component) {
        super.configure(component);
        component.getEngineOptions().setTransparentProxy("http://127.0.0.1:" + GATEWAY.getAddress().getPort());
    }

    private Exchange answeredWith(int status, Map<String, String> headers) {
        STATUS.set(status);
        HEADERS.set(headers);
        return get("btp-destination:Orders/api/orders");
    }

    @Test
    void internalCodeInTheSapJavaSdkSpellingIsRead() {
        Exchange exchange = answeredWith(502, Map.of("x-error-origin", "Destination Service", "x-error-internal-code",
                "DEST_404", "x-request-id", "req-42", "x-error-message", "Destination 'Orders' could not be found"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(TransparentProxyException.class, e -> {
            assertThat(e.internalCode()).isEqualTo("DEST_404");
            assertThat(e.requestId()).isEqualTo("req-42");
            assertThat(e.getMessage()).contains("'Orders'", "Destination Service", "req-42", "DEST_404");
        });
    }

    @Test
    void internalCodeInTheDocumentedSpellingIsRead() {
        Exchange exchange = answeredWith(500, Map.of("x-error-origin", "XSUAA", "x-internal-error-code", "TENANT_1"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(TransparentProxyException.class, e -> {
            assertThat(e.internalCode()).isEqualTo("TENANT_1");
            assertThat(e.origin()).isEqualTo("XSUAA");
        });
    }

    @Test
    void proxyServerHeaderAloneMarksTheProxysAnswer() {
        Exchange exchange = answeredWith(500, Map.of("x-proxy-server", "Transparent Proxy"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(TransparentProxyException.class,
                e -> assertThat(e.getMessage()).contains("origin: Transparent Proxy", "subscribed"));
    }

    @Test
    void backendErrorWithoutTheProxysHeadersStaysHttpOperationFailedException() {
        Exchange exchange = answeredWith(502, Map.of("Content-Type", "text/plain"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(HttpOperationFailedException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(502);
            assertThat(e.getResponseBody()).contains("gateway or backend says no");
        });
    }

    @Test
    void errorMessageIsCutAndKeptOnOneLine() {
        Exchange exchange = answeredWith(400, Map.of("x-error-origin", "Transparent Proxy", "x-error-message",
                "x".repeat(5_000)));

        assertThat(exchange.getException()).isInstanceOfSatisfying(TransparentProxyException.class,
                e -> assertThat(e.getMessage()).hasSizeLessThan(1_200).doesNotContain("\n"));
    }
}
