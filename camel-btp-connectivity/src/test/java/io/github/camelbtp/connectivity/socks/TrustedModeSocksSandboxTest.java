package io.github.camelbtp.connectivity.socks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.SocketFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * MAIL, LDAP and TCP through Kyma's Connectivity proxy in trusted mode: proxy authorization is disabled on SOCKS5 too
 * [configuration-guide-eaa8204, connectivity-proxy-in-the-kyma-environment-8dd1690], so no connectivity token is
 * asked for; the greeting offers "no authentication" (0x00) besides SAP's 0x80 and follows the proxy's choice. Outside
 * trusted mode the greeting stays SAP's {@code 05 01 80} [using-the-tcp-protocol-for-cloud-applications-cd15837].
 */
@ExtendWith(SandboxExtension.class)
class TrustedModeSocksSandboxTest {

    private static final String LEGACY = DemoDestinations.LEGACY_TCP_VIRTUAL_HOST;
    private static final int LEGACY_PORT = DemoDestinations.LEGACY_TCP_VIRTUAL_PORT;

    private final Engines engines = new Engines();
    private Sandbox sandbox;

    @BeforeEach
    void setUp(Sandbox sandbox) {
        this.sandbox = sandbox;
        sandbox.connectivityTrustedMode(true);
    }

    @AfterEach
    void tearDown() {
        sandbox.connectivityTrustedMode(false);
        engines.close();
    }

    /** The destination binding only; the Connectivity proxy given in trusted mode, as on Kyma. */
    private BtpConnectivity trustedEngine(int socks5Port, Destination... extra) {
        return engines.add(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices("{\"destination\":" + destinationBinding() + "}"))
                .environmentDestinations(null).staticDestinations(List.of(extra))
                .connectivityProxy(sandbox.proxyHost(), sandbox.proxyHttpPort(), socks5Port).build());
    }

    private String destinationBinding() {
        try {
            return new ObjectMapper().readTree(sandbox.vcapServices()).path("destination").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String roundTrip(SocketFactory factory, String line) throws IOException {
        try (Socket socket = factory.createSocket()) {
            socket.connect(new InetSocketAddress(LEGACY, LEGACY_PORT), 5_000);
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }

    private static CloudConnectorException connectFailure(SocketFactory factory) {
        Throwable thrown = catchThrowable(() -> {
            try (Socket socket = factory.createSocket()) {
                socket.connect(InetSocketAddress.createUnresolved(LEGACY, LEGACY_PORT), 5_000);
            }
        });
        assertThat(thrown).isInstanceOf(CloudConnectorSocketException.class);
        return ((CloudConnectorSocketException) thrown).cloudConnectorException();
    }

    @Test
    void trustedModeTcpReachesTheBackendWithoutAConnectivityToken() throws IOException {
        SocketFactory factory = trustedEngine(sandbox.socks5Proxy().port())
                .resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE).socketFactory();

        assertThat(roundTrip(factory, "PING trusted")).isEqualTo("PING trusted");
        assertThat(sandbox.socks5Proxy().lastMethod()).isEqualTo(0x00);
        assertThat(sandbox.socks5Proxy().tunnels()).isEqualTo(1);
        assertThat(sandbox.counters().tokenGrants(DemoDestinations.CONNECTIVITY_CLIENT_ID)).isZero();
    }

    @Test
    void nonTrustedModeStillAuthenticatesWithSapsMethodAndTheConnectivityToken() throws IOException {
        sandbox.connectivityTrustedMode(false);
        SocketFactory factory = engines.bound(sandbox).resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE)
                .socketFactory();

        assertThat(roundTrip(factory, "PING bound")).isEqualTo("PING bound");
        assertThat(sandbox.socks5Proxy().lastMethod()).isEqualTo(0x80);
        assertThat(sandbox.counters().tokenGrants(DemoDestinations.CONNECTIVITY_CLIENT_ID)).isEqualTo(1);
    }

    @Test
    void nonTrustedGreetingIsExactlySaps050180() throws Exception {
        try (GreetingServer proxy = new GreetingServer(3, new byte[] {5, (byte) 0xFF})) {
            SapSocks5SocketFactory factory = new SapSocks5SocketFactory("127.0.0.1", proxy.port(), () -> "eyJ.jwt.sig", "",
                    "LegacyTcp", Duration.ofSeconds(3));

            connectFailure(factory);

            assertThat(proxy.greeting()).containsExactly(5, 1, 0x80);
        }
    }

    @Test
    void trustedGreetingOffersNoAuthenticationBesidesSapsMethod() throws Exception {
        try (GreetingServer proxy = new GreetingServer(4, new byte[] {5, (byte) 0xFF})) {
            SocketFactory factory = trustedEngine(proxy.port())
                    .resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE).socketFactory();

            connectFailure(factory);

            assertThat(proxy.greeting()).containsExactly(5, 2, 0x00, 0x80);
        }
    }

    @Test
    void proxyAnsweringNoAcceptableMethodIsACloudConnectorExceptionNamingTheProxy() throws Exception {
        try (GreetingServer proxy = new GreetingServer(4, new byte[] {5, (byte) 0xFF})) {
            SocketFactory factory = trustedEngine(proxy.port())
                    .resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE).socketFactory();

            CloudConnectorException e = connectFailure(factory);

            assertThat(e.getMessage()).contains("127.0.0.1:" + proxy.port()).contains(DemoDestinations.LEGACY_TCP)
                    .contains("05 FF").contains("none of the offered authentication methods");
        }
    }

    @Test
    void proxyThatChoosesSapsMethodInTrustedModeFailsClearlyWithoutAToken() {
        // the engine believes in trusted mode, the sandbox's SOCKS5 server still has proxy authorization on
        sandbox.connectivityTrustedMode(false);
        SocketFactory factory = trustedEngine(sandbox.socks5Proxy().port())
                .resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE).socketFactory();

        CloudConnectorException e = connectFailure(factory);

        assertThat(e.getMessage()).contains("127.0.0.1:" + sandbox.socks5Proxy().port()).contains("0x80")
                .contains(DemoDestinations.LEGACY_TCP).contains("trusted mode").contains("client credentials")
                .contains("enableProxyAuthorization");
        assertThat(sandbox.socks5Proxy().tunnels()).isZero();
        assertThat(sandbox.counters().tokenGrants(DemoDestinations.CONNECTIVITY_CLIENT_ID)).isZero();
    }

    @Test
    void trustedModeRefusesALocationIdItCannotSend() {
        BtpConnectivity engine = trustedEngine(sandbox.socks5Proxy().port(), Destination.of("LegacyPlant01", Map.of(
                "Type", "TCP", "ProxyType", "OnPremise", "Address", LEGACY + ":" + LEGACY_PORT,
                "CloudConnectorLocationId", DemoDestinations.PLANT01_LOCATION_ID), StaticDestinationLoader.SOURCE));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolveSocket("LegacyPlant01", DestinationOptions.NONE));

        assertThat(e.getMessage()).contains("LegacyPlant01").contains("CloudConnectorLocationId")
                .contains(DemoDestinations.PLANT01_LOCATION_ID).contains("trusted mode").contains("client credentials");
        assertThat(sandbox.socks5Proxy().tunnels()).isZero();
    }

    /** A loopback "proxy" that records the client's greeting and answers it with fixed bytes. */
    private static final class GreetingServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final CompletableFuture<byte[]> greeting = new CompletableFuture<>();

        GreetingServer(int greetingLength, byte[] answer) throws IOException {
            Thread thread = new Thread(() -> {
                try (Socket client = server.accept()) {
                    client.setSoTimeout(5_000);
                    greeting.complete(client.getInputStream().readNBytes(greetingLength));
                    client.getOutputStream().write(answer);
                    client.getOutputStream().flush();
                    client.getInputStream().read(); // until the client closes
                } catch (IOException e) {
                    greeting.completeExceptionally(e);
                }
            }, "greeting-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        byte[] greeting() throws Exception {
            return greeting.get(5, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
