package io.github.camelbtp.connectivity.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.DestinationServiceException;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.socks.CloudConnectorSocketException;
import io.github.camelbtp.connectivity.socks.SapSocks5SocketFactory;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.TricklingServer;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The engine's own calls against hostile servers on loopback: every call has a total deadline (a server trickling one
 * byte every 500 ms cannot hold a caller beyond it), and answers of BTP services are read up to 1 MiB only. Each
 * failure is the typed error of its hop, naming the hop and the limit.
 */
@ExtendWith(SandboxExtension.class)
class ServiceCallLimitsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Ends a run without the deadline long before the trickle would (minutes). */
    private static final Duration GIVE_UP = DEADLINE.multipliedBy(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@link ServiceClient#MAX_ANSWER_BYTES}, as documented: 1 MiB. */
    private static final int LIMIT = 1024 * 1024;

    private final Engines engines = new Engines();
    private HttpServer server;

    @AfterEach
    void close() {
        engines.close();
        if (server != null) {
            server.stop(0);
        }
    }

    /** The sandbox's bindings with one credential of one binding replaced (a hostile Destination Service or token service). */
    private BtpConnectivity engineWith(Sandbox sandbox, String label, String key, String value) throws IOException {
        ObjectNode vcap = (ObjectNode) JSON.readTree(sandbox.vcapServices());
        ((ObjectNode) vcap.path(label).path(0).path("credentials")).put(key, value);
        return engines.add(BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(vcap.toString()))
                .environmentDestinations(null).serviceTimeout(DEADLINE).build());
    }

    private static Throwable failureWithin(Duration bound, Runnable call) {
        return assertTimeoutPreemptively(GIVE_UP, () -> {
            long start = System.nanoTime();
            Throwable failure = catchThrowable(call::run);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("failed within twice its deadline").isLessThan(bound);
            return failure;
        });
    }

    /** A loopback HTTP server answering every request with {@code status} and {@code size} bytes of JSON-ish text. */
    private String largeAnswerServer(int status, int size, boolean announceLength) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, announceLength ? size : 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                for (int sent = 0; sent < size; sent += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, size - sent));
                }
            } catch (IOException e) {
                // the client stopped reading at its limit
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void destinationServiceTricklingBytesFailsWithinTheDeadline(Sandbox sandbox) throws IOException {
        try (TricklingServer trickle = TricklingServer.http()) {
            BtpConnectivity engine = engineWith(sandbox, "destination", "uri", trickle.url());

            Throwable failure = failureWithin(DEADLINE.multipliedBy(2), () -> engine.resolve("OnPremiseERP", DestinationOptions.NONE));

            assertThat(failure).isInstanceOf(DestinationServiceException.class)
                    .hasMessageContaining("Destination Service at 127.0.0.1:" + trickle.port())
                    .hasMessageContaining("deadline of 2000 ms");
        }
    }

    @Test
    void bindingTokenServiceTricklingBytesFailsWithinTheDeadline(Sandbox sandbox) throws IOException {
        try (TricklingServer trickle = TricklingServer.http()) {
            BtpConnectivity engine = engineWith(sandbox, "destination", "url", trickle.url());

            Throwable failure = failureWithin(DEADLINE.multipliedBy(2), () -> engine.resolve("OnPremiseERP", DestinationOptions.NONE));

            assertThat(failure).isInstanceOf(TokenException.class)
                    .hasMessageContaining("token service at 127.0.0.1:" + trickle.port())
                    .hasMessageContaining("deadline of 2000 ms");
        }
    }

    @Test
    void clientSideTokenServiceTricklingBytesFailsWithinTheDestinationsDeadline() throws IOException {
        try (TricklingServer trickle = TricklingServer.http()) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("URL", "http://127.0.0.1:1/api");
            p.put("Authentication", "OAuth2ClientCredentials");
            p.put("tokenServiceURL", trickle.url() + "/oauth/token");
            p.put("clientId", "trickle-client");
            p.put("clientSecret", "trickle-secret-1f2e");
            p.put("tokenServiceURL.ConnectionTimeoutInSeconds", "1");
            p.put("tokenServiceURL.SocketReadTimeoutInSeconds", "2");
            BtpConnectivity engine = engines.add(BtpConnectivity.builder().serviceBindings(ServiceBindings.none())
                    .environmentDestinations(null)
                    .staticDestinations(List.of(Destination.of("Trickled", p, StaticDestinationLoader.SOURCE))).build());

            Throwable failure = failureWithin(DEADLINE.multipliedBy(2), () -> engine.resolve("Trickled", DestinationOptions.NONE));

            assertThat(failure).isInstanceOf(TokenException.class)
                    .hasMessageContaining("token service at 127.0.0.1:" + trickle.port())
                    .hasMessageContaining("destination 'Trickled'")
                    .hasMessageContaining("deadline of 2000 ms");
        }
    }

    @Test
    void socks5ProxyTricklingItsHandshakeFailsWithinTheConnectTimeout() throws IOException {
        // a proxy that accepts method 0x80 and the authentication, then sends its CONNECT reply one byte at a time
        byte[] answers = {0x05, (byte) 0x80, 0x01, 0x00, 0x05, 0x00, 0x00, 0x03, (byte) 0xFF};
        try (TricklingServer trickle = new TricklingServer(answers)) {
            SapSocks5SocketFactory factory = new SapSocks5SocketFactory("127.0.0.1", trickle.port(), () -> "eyJ.jwt.sig",
                    "", "LegacyTcp", Duration.ofSeconds(3));

            Throwable failure = failureWithin(Duration.ofSeconds(6), () -> {
                try {
                    factory.createSocket("legacy.internal", 4000).close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            assertThat(failure).isInstanceOf(UncheckedIOException.class).cause().isInstanceOf(CloudConnectorSocketException.class);
            CloudConnectorException refusal = ((CloudConnectorSocketException) failure.getCause()).cloudConnectorException();
            assertThat(refusal.getMessage()).contains("Connectivity SOCKS5 proxy at 127.0.0.1:" + trickle.port())
                    .contains("connect timeout of 3000 ms");
        }
    }

    @Test
    void destinationServiceAnswerOverOneMebibyteIsRefused(Sandbox sandbox) throws IOException {
        BtpConnectivity engine = engineWith(sandbox, "destination", "uri", largeAnswerServer(200, 10 * 1024 * 1024, false));

        Throwable failure = catchThrowable(() -> engine.resolve("OnPremiseERP", DestinationOptions.NONE));

        assertThat(failure).isInstanceOf(DestinationServiceException.class)
                .hasMessageContaining("Destination Service at 127.0.0.1")
                .hasMessageContaining("more than " + LIMIT + " bytes");
        assertThat(((DestinationServiceException) failure).status()).isEqualTo(200);
    }

    @Test
    void destinationServiceErrorAnswerOverOneMebibyteIsRefused(Sandbox sandbox) throws IOException {
        BtpConnectivity engine = engineWith(sandbox, "destination", "uri", largeAnswerServer(503, 10 * 1024 * 1024, true));

        Throwable failure = catchThrowable(() -> engine.resolve("OnPremiseERP", DestinationOptions.NONE));

        assertThat(failure).isInstanceOf(DestinationServiceException.class)
                .hasMessageContaining("more than " + LIMIT + " bytes");
        assertThat(((DestinationServiceException) failure).status()).isEqualTo(503);
    }

    @Test
    void tokenServiceAnswerOverOneMebibyteIsRefused(Sandbox sandbox) throws IOException {
        String url = largeAnswerServer(200, 10 * 1024 * 1024, false);
        BtpConnectivity engine = engineWith(sandbox, "destination", "url", url);

        Throwable failure = catchThrowable(() -> engine.resolve("OnPremiseERP", DestinationOptions.NONE));

        assertThat(failure).isInstanceOf(TokenException.class)
                .hasMessageContaining("token service at 127.0.0.1")
                .hasMessageContaining("more than " + LIMIT + " bytes");
    }
}
