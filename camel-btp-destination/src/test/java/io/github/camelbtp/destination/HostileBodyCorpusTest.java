package io.github.camelbtp.destination;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile-input corpus, family "non-UTF-8 bodies" (issue 11): request and answer bodies that are not UTF-8 (overlong
 * sequences, lone continuation bytes, NUL, a byte-order mark, an unknown charset) travel byte for byte through
 * btp-destination to a loopback backend and back — never re-encoded, replaced by U+FFFD or turned into an exception.
 */
class HostileBodyCorpusTest extends BtpDestinationTestSupport {

    private HttpServer backend;
    private final AtomicReference<byte[]> received = new AtomicReference<>();
    private volatile byte[] answer = new byte[0];
    private volatile String answerType = "application/octet-stream";

    @BeforeEach
    void backend() throws IOException {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        backend.createContext("/", exchange -> {
            received.set(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().set("Content-Type", answerType);
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        backend.start();
        sandbox().destinations().putSubaccount(Map.of("Name", "BodyBackend", "Type", "HTTP", "ProxyType", "Internet",
                "Authentication", "NoAuthentication", "URL", "http://127.0.0.1:" + backend.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        backend.stop(0);
        sandbox().destinations().delete("BodyBackend");
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of(Named.of("overlong UTF-8 and invalid bytes, declared UTF-8", bytes(0xC0, 0xAE, 0xFF, 0xFE, 'x')),
                        "text/plain; charset=UTF-8"),
                Arguments.of(Named.of("a lone continuation byte and NUL", bytes('a', 0x80, 0x00, 'b')), "application/json"),
                Arguments.of(Named.of("a UTF-8 byte-order mark and a cut multi-byte sequence", bytes(0xEF, 0xBB, 0xBF, 'x', 0xE2, 0x82)),
                        "text/xml; charset=utf-8"),
                Arguments.of(Named.of("ISO-8859-1 umlauts declared UTF-8", bytes('G', 0xFC, 0xDF, 'e')), "text/plain; charset=UTF-8"),
                // the backend's answer names it; a route that sets one itself gets camel-http's CamelExchangeException
                Arguments.of(Named.of("an answer in an unknown charset", bytes('x', 0xA4, 'y')), "text/plain; charset=x-no-such-charset"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void nonUtf8BodyTravelsByteForByteBothWays(byte[] body, String contentType) {
        answer = body;
        answerType = contentType;

        Exchange exchange = call("btp-destination:BodyBackend/upload?httpMethod=POST", body,
                Map.of(Exchange.CONTENT_TYPE, contentType.contains("x-no-such") ? "application/octet-stream" : contentType));

        assertThat(exchange.getException()).isNull();
        assertThat(received.get()).as("request body at the backend").containsExactly(body);
        assertThat(exchange.getMessage().getBody(byte[].class)).as("answer body on the message").containsExactly(body);
    }
}
