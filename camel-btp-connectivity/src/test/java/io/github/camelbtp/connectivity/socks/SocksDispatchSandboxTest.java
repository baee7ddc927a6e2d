package io.github.camelbtp.connectivity.socks;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.net.SocketFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** SAP's SOCKS5 (method 0x80) through the sandbox's Connectivity proxy and Cloud Connector, over real sockets. */
@ExtendWith(SandboxExtension.class)
class SocksDispatchSandboxTest {

    private static final String LEGACY = DemoDestinations.LEGACY_TCP_VIRTUAL_HOST;
    private static final int LEGACY_PORT = DemoDestinations.LEGACY_TCP_VIRTUAL_PORT;

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    private static String roundTrip(SocketFactory factory, String host, int port, String line) throws IOException {
        try (Socket socket = factory.createSocket()) {
            // as libraries do: an InetSocketAddress that tried to resolve (a virtual host stays unresolved)
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }

    @Test
    void onPremiseTcpDestinationGetsSocksFactoryThatReachesTheBackendByVirtualHost(Sandbox sandbox) throws IOException {
        SocketDestination legacy = engines.bound(sandbox).resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE);

        assertThat(legacy.onPremise()).isTrue();
        assertThat(legacy.socketFactory()).isInstanceOf(SapSocks5SocketFactory.class);
        assertThat(roundTrip(legacy.socketFactory(), LEGACY, LEGACY_PORT, "PING 42")).isEqualTo("PING 42");
        assertThat(sandbox.socks5Proxy().tunnels()).isEqualTo(1);
        assertThat(sandbox.socks5Proxy().lastLocationId()).isEmpty();
    }

    @Test
    void connectivityTokenIsCachedAcrossConnections(Sandbox sandbox) throws IOException {
        SocketFactory factory = engines.bound(sandbox).resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE)
                .socketFactory();
        assertThat(roundTrip(factory, LEGACY, LEGACY_PORT, "first")).isEqualTo("first");
        long grantsAfterFirst = sandbox.counters().tokenGrants();

        assertThat(roundTrip(factory, LEGACY, LEGACY_PORT, "second")).isEqualTo("second");

        assertThat(sandbox.counters().tokenGrants()).isEqualTo(grantsAfterFirst);
        assertThat(sandbox.socks5Proxy().tunnels()).isEqualTo(2);
    }

    @Test
    void createSocketWithHostAndPortConnectsThroughTheProxy(Sandbox sandbox) throws IOException {
        SocketFactory factory = engines.bound(sandbox).resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE)
                .socketFactory();

        try (Socket socket = factory.createSocket(LEGACY, LEGACY_PORT)) {
            socket.getOutputStream().write("x\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).isEqualTo('x');
            assertThat(socket.getRemoteSocketAddress().toString()).contains(LEGACY);
        }
    }

    @Test
    void locationIdTravelsBase64EncodedInTheAuthenticationStep(Sandbox sandbox) throws IOException {
        sandbox.destinations().putSubaccount(tcp("LegacyPlant01", Map.of("CloudConnectorLocationId", "Plant01")));

        SocketFactory factory = engines.bound(sandbox).resolveSocket("LegacyPlant01", DestinationOptions.NONE).socketFactory();

        assertThat(roundTrip(factory, LEGACY, LEGACY_PORT, "hello")).isEqualTo("hello");
        assertThat(sandbox.socks5Proxy().lastLocationId()).isEqualTo("Plant01");
    }

    @Test
    void unknownLocationIdIsReplyCode03NamingTheLocationAndTheFix(Sandbox sandbox) {
        sandbox.destinations().putSubaccount(tcp("LegacyNowhere", Map.of("CloudConnectorLocationId", "Nowhere")));
        SocketFactory factory = engines.bound(sandbox).resolveSocket("LegacyNowhere", DestinationOptions.NONE).socketFactory();

        CloudConnectorException e = connectFailure(factory, LEGACY, LEGACY_PORT);

        assertThat(e.status()).isEqualTo(3);
        assertThat(e.locationId()).isEqualTo("Nowhere");
        assertThat(e.getMessage()).contains("LegacyNowhere").contains("'Nowhere'").contains("not connected")
                .contains("CloudConnectorLocationId");
    }

    @Test
    void disconnectedCloudConnectorIsReplyCode03(Sandbox sandbox) {
        SocketFactory factory = engines.bound(sandbox).resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE)
                .socketFactory();
        sandbox.cloudConnector().connector("").setConnected(false);
        try {
            assertThat(connectFailure(factory, LEGACY, LEGACY_PORT).status()).isEqualTo(3);
        } finally {
            sandbox.cloudConnector().connector("").setConnected(true);
        }
    }

    @Test
    void unmappedVirtualHostIsReplyCode02AndAudited(Sandbox sandbox) {
        sandbox.cloudConnector().clearAuditLog();
        SocketFactory factory = engines.bound(sandbox).resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE)
                .socketFactory();

        CloudConnectorException e = connectFailure(factory, "unmapped.internal", 7000);

        assertThat(e.status()).isEqualTo(2);
        assertThat(e.getMessage()).contains("unmapped.internal:7000").contains("system mapping");
        assertThat(sandbox.cloudConnector().auditLog()).anySatisfy(entry ->
                assertThat(entry.virtualHost()).isEqualTo("unmapped.internal"));
    }

    @Test
    void backendThatRefusesIsReplyCode04(Sandbox sandbox) throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        sandbox.cloudConnector().connector("").map("gone.internal", 7001, "127.0.0.1", closedPort);
        SocketFactory factory = engines.bound(sandbox).resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE)
                .socketFactory();

        assertThat(connectFailure(factory, "gone.internal", 7001).status()).isEqualTo(4);
    }

    @ParameterizedTest(name = "reply {0}: {1}")
    @CsvSource({
        "1, backend closed",
        "2, no Cloud Connector mapping",
        "3, not connected",
        "4, unreachable",
        "5, authentication failed",
        "7, command not supported",
        "8, address type not supported"})
    void everySocksReplyCodeBecomesCloudConnectorExceptionWithSapsMeaning(int code, String meaning, Sandbox sandbox) {
        SocketFactory factory = engines.bound(sandbox).resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE)
                .socketFactory();
        CloudConnectorException e;
        if (code == SocksReply.NETWORK_UNREACHABLE) {
            // a single 03 is ridden out as a Cloud Connector failover (SocksConnectFailoverTest): a lasting one fails
            sandbox.cloudConnector().connector("").setConnected(false);
            try {
                e = connectFailure(factory, LEGACY, LEGACY_PORT);
            } finally {
                sandbox.cloudConnector().connector("").setConnected(true);
            }
        } else {
            sandbox.socks5Proxy().answerNextConnectWith(code);
            e = connectFailure(factory, LEGACY, LEGACY_PORT);
        }

        assertThat(e.status()).isEqualTo(code);
        assertThat(e.getMessage()).contains(String.format("reply code %02X", code)).contains(meaning)
                .contains(DemoDestinations.LEGACY_TCP);
        assertThat(e.destinationName()).isEqualTo(DemoDestinations.LEGACY_TCP);
    }

    @Test
    void wrongTokenFailsAuthenticationWithoutShowingTheToken(Sandbox sandbox) {
        String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        SapSocks5SocketFactory factory = new SapSocks5SocketFactory("127.0.0.1", sandbox.socks5Proxy().port(),
                () -> forged, "", "LegacyForged", Duration.ofSeconds(5));

        CloudConnectorException e = connectFailure(factory, LEGACY, LEGACY_PORT);

        assertThat(e.status()).isEqualTo(SocksReply.AUTHENTICATION_FAILED);
        assertThat(e.getMessage()).contains("LegacyForged").contains("rejected the authentication")
                .contains("connectivity token").doesNotContain(forged);
        assertThat(factory.toString()).doesNotContain(forged);
        assertThat(sandbox.socks5Proxy().tunnels()).isZero();
    }

    @Test
    void tokenOfAnotherClientIsReplyCode05(Sandbox sandbox) {
        // a valid token of the sandbox's token service, but issued to the destination binding's client
        String destinationToken = clientCredentialsToken(sandbox, DemoDestinations.DESTINATION_CLIENT_ID,
                Engines.credential(sandbox, "destination", "clientsecret"));
        SapSocks5SocketFactory factory = new SapSocks5SocketFactory("127.0.0.1", sandbox.socks5Proxy().port(),
                () -> destinationToken, "", "LegacyOtherClient", Duration.ofSeconds(5));

        CloudConnectorException e = connectFailure(factory, LEGACY, LEGACY_PORT);

        assertThat(e.status()).isEqualTo(5);
        assertThat(e.getMessage()).doesNotContain(destinationToken);
    }

    @Test
    void proxyPortThatDoesNotSpeakSapSocksIsExplained(Sandbox sandbox) {
        SapSocks5SocketFactory factory = new SapSocks5SocketFactory("127.0.0.1", sandbox.proxyHttpPort(),
                () -> "token", "", "LegacyWrongPort", Duration.ofMillis(500));

        Throwable e = catchThrowable(() -> factory.createSocket(LEGACY, LEGACY_PORT).close());

        assertThat(CloudConnectorSocketException.find(e)).hasValueSatisfying(cce ->
                assertThat(cce.getMessage()).contains("LegacyWrongPort").contains("onpremise_socks5_proxy_port"));
    }

    @Test
    void internetTcpDestinationGetsTheDefaultSocketFactory(Sandbox sandbox) throws IOException {
        sandbox.destinations().putSubaccount(Map.of("Name", "EchoDirect", "Type", "TCP",
                "Address", "127.0.0.1:" + sandbox.echoService().port()));

        SocketDestination direct = engines.bound(sandbox).resolveSocket("EchoDirect", DestinationOptions.NONE);

        assertThat(direct.onPremise()).isFalse();
        assertThat(direct.socketFactory()).isSameAs(SocketFactory.getDefault());
        assertThat(roundTrip(direct.socketFactory(), "127.0.0.1", sandbox.echoService().port(), "direct")).isEqualTo("direct");
        assertThat(sandbox.socks5Proxy().tunnels()).isZero();
    }

    @Test
    void ldapProxyTypeSpellingSelectsTheSocksFactory(Sandbox sandbox) {
        SocketDestination ldap = engines.bound(sandbox).resolveSocket(DemoDestinations.CORPORATE_LDAP, DestinationOptions.NONE);

        assertThat(ldap.onPremise()).isTrue();
        assertThat(ldap.socketFactory()).isInstanceOf(SapSocks5SocketFactory.class);
    }

    @Test
    void httpDestinationIsRejectedByResolveSocket(Sandbox sandbox) {
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class, () ->
                engines.bound(sandbox).resolveSocket(DemoDestinations.ON_PREMISE_ERP, DestinationOptions.NONE));

        assertThat(e.getMessage()).contains("OnPremiseERP").contains("'Type'").contains("MAIL, LDAP or TCP");
    }

    @Test
    void bindingWithoutSocksPortGivesClearConfigurationError(Sandbox sandbox) {
        String vcap = sandbox.vcapServices().replaceAll("\"onpremise_socks5_proxy_port\":\"\\d+\"",
                "\"onpremise_socks5_proxy_port\":\"\"");
        BtpConnectivity engine = engines.add(BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(vcap))
                .environmentDestinations(null).build());

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class, () ->
                engine.resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE));

        assertThat(e.getMessage()).contains("LegacyTcp").contains("onpremise_socks5_proxy_port");
    }

    @Test
    void bindingReadsTheSocksPort(Sandbox sandbox) {
        assertThat(ServiceBindings.fromVcapServices(sandbox.vcapServices()).connectivity().orElseThrow().socks5ProxyPort())
                .isEqualTo(sandbox.socks5Proxy().port());
    }

    private static String clientCredentialsToken(Sandbox sandbox, String clientId, String secret) {
        try {
            String basic = java.util.Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.tokenServiceUri() + "/oauth/token"))
                            .header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("access_token").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CloudConnectorException connectFailure(SocketFactory factory, String host, int port) {
        Throwable thrown = catchThrowable(() -> {
            try (Socket socket = factory.createSocket()) {
                socket.connect(InetSocketAddress.createUnresolved(host, port), 5_000);
            }
        });
        assertThat(thrown).isInstanceOf(CloudConnectorSocketException.class);
        return ((CloudConnectorSocketException) thrown).cloudConnectorException();
    }

    private static Map<String, String> tcp(String name, Map<String, String> extra) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("Name", name);
        properties.put("Type", "TCP");
        properties.put("ProxyType", "OnPremise");
        properties.put("Address", LEGACY + ":" + LEGACY_PORT);
        properties.putAll(extra);
        return properties;
    }
}
