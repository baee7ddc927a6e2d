package io.github.camelbtp.connectivity.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.socks.CloudConnectorSocketException;
import io.github.camelbtp.connectivity.support.LogCapture;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Hostile-input corpus, family "SOCKS5 replies cut short or unknown" (issue 11): a loopback ServerSocket plays the
 * Connectivity Service's SOCKS5 proxy and answers SAP's handshake [using-the-tcp-protocol-for-cloud-applications-cd15837]
 * wrongly. Every row ends in a {@link CloudConnectorSocketException} carrying a {@link CloudConnectorException} that
 * names the destination and the proxy hop, within the handshake deadline, and never shows the connectivity token sent
 * in the authentication step — in the message, the cause chain or the engine's DEBUG log.
 */
@ExtendWith(SandboxExtension.class)
class HostileSocks5ProxyTest {

    /** What the hostile proxy does once a client connected: reads what it needs, answers bytes, maybe cuts. */
    @FunctionalInterface
    interface Script {
        void play(InputStream in, OutputStream out, Socket socket) throws IOException;
    }

    private static final byte[] GREETING_OK = {5, (byte) 0x80};
    private static final byte[] AUTH_OK = {1, 0};

    /** The connectivity token the client sent in SAP's authentication step: the secret of this family. */
    private static final java.util.concurrent.atomic.AtomicReference<String> SEEN_TOKEN = new java.util.concurrent.atomic.AtomicReference<>();

    private BtpConnectivity engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /** Reads SAP's greeting (05 01 80) and, when asked, the authentication message (01, length, JWT, length, location). */
    private static void readGreeting(InputStream in) throws IOException {
        in.readNBytes(3);
    }

    private static void readAuthentication(InputStream in) throws IOException {
        in.readNBytes(1);
        byte[] length = in.readNBytes(4);
        int jwt = ((length[0] & 0xff) << 24) | ((length[1] & 0xff) << 16) | ((length[2] & 0xff) << 8) | (length[3] & 0xff);
        SEEN_TOKEN.set(new String(in.readNBytes(jwt), java.nio.charset.StandardCharsets.US_ASCII));
        in.readNBytes(in.read());
    }

    private static void readConnect(InputStream in) throws IOException {
        in.readNBytes(4);
        in.readNBytes(in.read() + 2); // the virtual host as DOMAIN, then the port
    }

    private static Script upToConnect(byte[] connectReply) {
        return (in, out, socket) -> {
            readGreeting(in);
            out.write(GREETING_OK);
            readAuthentication(in);
            out.write(AUTH_OK);
            readConnect(in);
            out.write(connectReply);
            out.flush();
        };
    }

    static Stream<Named<Script>> hostileProxies() {
        return Stream.of(
                Named.of("closes before the greeting's answer", (in, out, s) -> readGreeting(in)),
                Named.of("answers one byte of the greeting, then closes", (in, out, s) -> {
                    readGreeting(in);
                    out.write(5);
                }),
                Named.of("answers SOCKS version 4", (in, out, s) -> {
                    readGreeting(in);
                    out.write(new byte[] {4, (byte) 0x80});
                }),
                Named.of("answers an HTTP status line (the HTTP port bound as SOCKS5 port)", (in, out, s) -> {
                    readGreeting(in);
                    out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                }),
                Named.of("chooses method 0x02 username/password, never offered", (in, out, s) -> {
                    readGreeting(in);
                    out.write(new byte[] {5, 2});
                }),
                Named.of("accepts no method (05 FF)", (in, out, s) -> {
                    readGreeting(in);
                    out.write(new byte[] {5, (byte) 0xFF});
                }),
                Named.of("cuts the authentication answer after one byte", (in, out, s) -> {
                    readGreeting(in);
                    out.write(GREETING_OK);
                    readAuthentication(in);
                    out.write(1);
                }),
                Named.of("answers the authentication with status 0x01", (in, out, s) -> {
                    readGreeting(in);
                    out.write(GREETING_OK);
                    readAuthentication(in);
                    out.write(new byte[] {1, 1});
                }),
                Named.of("answers the authentication with an unknown version 0x07", (in, out, s) -> {
                    readGreeting(in);
                    out.write(GREETING_OK);
                    readAuthentication(in);
                    out.write(new byte[] {7, 0});
                }),
                Named.of("cuts the CONNECT reply after two bytes", upToConnect(new byte[] {5, 0})),
                Named.of("cuts the CONNECT reply inside the bound IPv4 address", upToConnect(new byte[] {5, 0, 0, 1, 10, 0})),
                Named.of("cuts the CONNECT reply inside a bound DOMAIN of length 255", upToConnect(new byte[] {5, 0, 0, 3, (byte) 255, 'a', 'b'})),
                Named.of("answers CONNECT with unknown reply code 0x2A", upToConnect(new byte[] {5, 0x2A, 0, 1, 0, 0, 0, 0, 0, 0})),
                Named.of("answers CONNECT success with an unknown address type 0x07", upToConnect(new byte[] {5, 0, 0, 7, 0, 0})),
                Named.of("answers CONNECT success with SOCKS version 4", upToConnect(new byte[] {4, 0, 0, 1, 0, 0, 0, 0, 0, 0})),
                Named.of("resets the connection during the handshake", (in, out, s) -> {
                    readGreeting(in);
                    s.setSoLinger(true, 0);
                    s.close();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileProxies")
    void hostileSocks5AnswerIsACloudConnectorErrorNamingDestinationAndProxy(Script script, Sandbox sandbox) throws Exception {
        SEEN_TOKEN.set(null);
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket proxy = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket socket = proxy.accept()) {
                    accepted.incrementAndGet();
                    script.play(socket.getInputStream(), socket.getOutputStream(), socket);
                    socket.getOutputStream().flush();
                    socket.shutdownOutput();
                    socket.getInputStream().readAllBytes(); // until the client gives up
                } catch (IOException ignored) {
                    // the client hung up: that is the point
                }
            }, "hostile-socks5");
            server.setDaemon(true);
            server.start();
            engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(
                    withSocks5Port(sandbox.vcapServices(), proxy.getLocalPort()))).environmentDestinations(null).build();
            SocketFactory factory = engine.resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE).socketFactory();

            Throwable failure;
            try (LogCapture log = LogCapture.engine(); Socket socket = factory.createSocket()) {
                failure = catchThrowable(() -> socket.connect(InetSocketAddress.createUnresolved(
                        DemoDestinations.LEGACY_TCP_VIRTUAL_HOST, DemoDestinations.LEGACY_TCP_VIRTUAL_PORT), 3_000));
                assertThat(failure).isInstanceOf(CloudConnectorSocketException.class);
                CloudConnectorException cause = ((CloudConnectorSocketException) failure).cloudConnectorException();
                assertThat(cause).as("the Cloud Connector hop's error").isNotNull();
                assertThat(cause.destinationName()).isEqualTo(DemoDestinations.LEGACY_TCP);
                assertThat(cause.getMessage()).contains("'" + DemoDestinations.LEGACY_TCP + "'").contains("SOCKS5");
                List<String> secrets = new java.util.ArrayList<>(List.of(
                        io.github.camelbtp.connectivity.support.Engines.bindingSecrets(sandbox)));
                if (SEEN_TOKEN.get() != null) {
                    secrets.add(SEEN_TOKEN.get());
                }
                Secrets.assertFreeOf(Secrets.describe(failure) + "\n" + log.text(), secrets.toArray(String[]::new));
            }
            assertThat(accepted).hasValue(1);
        }
    }

    /** The sandbox's VCAP_SERVICES with the connectivity binding's SOCKS5 port pointing at the hostile proxy. */
    private static String withSocks5Port(String vcapServices, int port) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(vcapServices);
        ObjectNode credentials = (ObjectNode) root.path("connectivity").path(0).path("credentials");
        credentials.put("onpremise_socks5_proxy_port", String.valueOf(port));
        return mapper.writeValueAsString(root);
    }
}
