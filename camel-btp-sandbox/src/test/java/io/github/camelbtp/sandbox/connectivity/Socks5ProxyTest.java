package io.github.camelbtp.sandbox.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sandbox's SOCKS5 proxy byte by byte, as SAP documents the protocol [using-the-tcp-protocol-for-cloud-
 * applications-cd15837] — written against the wire, not against the engine's client, so a quirk both shared would show.
 */
@ExtendWith(SandboxExtension.class)
class Socks5ProxyTest {

    /** One SOCKS5 conversation with the proxy. */
    private static final class Wire implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;

        Wire(Sandbox sandbox) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.socks5Proxy().port());
            socket.setSoTimeout(5_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        byte[] send(byte[] bytes, int answerLength) throws IOException {
            out.write(bytes);
            out.flush();
            byte[] answer = new byte[answerLength];
            in.readFully(answer);
            return answer;
        }

        byte[] authenticate(String jwt, String locationId) throws IOException {
            byte[] token = jwt.getBytes(StandardCharsets.US_ASCII);
            byte[] location = locationId.isEmpty() ? new byte[0]
                    : Base64.getEncoder().encode(locationId.getBytes(StandardCharsets.UTF_8));
            ByteBuffer auth = ByteBuffer.allocate(6 + token.length + location.length);
            auth.put((byte) 1).putInt(token.length).put(token).put((byte) location.length).put(location);
            return send(auth.array(), 2);
        }

        byte[] connectDomain(String host, int port) throws IOException {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            ByteBuffer request = ByteBuffer.allocate(7 + name.length).put((byte) 5).put((byte) 1).put((byte) 0)
                    .put((byte) 3).put((byte) name.length).put(name).putShort((short) port);
            return send(request.array(), 10);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static Wire authenticated(Sandbox sandbox, String locationId) throws IOException {
        Wire wire = new Wire(sandbox);
        assertThat(wire.send(new byte[] {5, 1, (byte) 0x80}, 2)).containsExactly(5, 0x80);
        assertThat(wire.authenticate(SandboxClient.connectivityToken(sandbox), locationId)).containsExactly(1, 0);
        return wire;
    }

    @Test
    void greetingWithoutSapMethodIsAnsweredNoAcceptableMethod(Sandbox sandbox) throws IOException {
        try (Wire wire = new Wire(sandbox)) {
            assertThat(wire.send(new byte[] {5, 2, 0, 2}, 2)).containsExactly(5, 0xFF);
        }
    }

    @Test
    void withoutTrustedModeAGreetingOfferingNoAuthenticationAloneIsAnswered0xFF(Sandbox sandbox) throws IOException {
        try (Wire wire = new Wire(sandbox)) {
            assertThat(wire.send(new byte[] {5, 1, 0}, 2)).containsExactly(5, 0xFF);
        }
        assertThat(sandbox.socks5Proxy().refusals()).isEqualTo(1);
    }

    @Test
    void withoutTrustedModeAGreetingOfferingBothMethodsGetsSapsMethod(Sandbox sandbox) throws IOException {
        try (Wire wire = new Wire(sandbox)) {
            assertThat(wire.send(new byte[] {5, 2, 0, (byte) 0x80}, 2)).containsExactly(5, 0x80);
            assertThat(wire.authenticate("not.a.jwt", "")).containsExactly(1, 1);
        }
    }

    @Test
    void trustedModeSelectsNoAuthenticationAndConnectsThroughTheConnectorWithoutLocation(Sandbox sandbox)
            throws IOException {
        sandbox.connectivityTrustedMode(true);
        try (Wire wire = new Wire(sandbox)) {
            assertThat(wire.send(new byte[] {5, 2, 0, (byte) 0x80}, 2)).containsExactly(5, 0);
            byte[] reply = wire.connectDomain(DemoDestinations.LEGACY_TCP_VIRTUAL_HOST, DemoDestinations.LEGACY_TCP_VIRTUAL_PORT);
            assertThat(reply[1]).isZero();
            assertThat(wire.send("ping\n".getBytes(StandardCharsets.US_ASCII), 5)).isEqualTo("ping\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(sandbox.socks5Proxy().tunnels()).isEqualTo(1);
        assertThat(sandbox.socks5Proxy().lastMethod()).isEqualTo(0x00);
        assertThat(sandbox.socks5Proxy().lastLocationId()).isEmpty();
    }

    @Test
    void trustedModeStillTakesSapsMethodWithoutCheckingTheTokenAndHonoursItsLocationId(Sandbox sandbox)
            throws IOException {
        sandbox.connectivityTrustedMode(true);
        try (Wire wire = new Wire(sandbox)) {
            assertThat(wire.send(new byte[] {5, 1, (byte) 0x80}, 2)).containsExactly(5, 0x80);
            // proxy authorization is off: the token is not checked
            assertThat(wire.authenticate("not.a.jwt", DemoDestinations.PLANT01_LOCATION_ID)).containsExactly(1, 0);
            byte[] reply = wire.connectDomain(DemoDestinations.LEGACY_TCP_VIRTUAL_HOST, DemoDestinations.LEGACY_TCP_VIRTUAL_PORT);
            assertThat(reply[1]).isZero();
        }
        assertThat(sandbox.socks5Proxy().lastLocationId()).isEqualTo(DemoDestinations.PLANT01_LOCATION_ID);
    }

    @Test
    void resetTurnsTheSocksProxysTrustedModeOff(Sandbox sandbox) throws IOException {
        sandbox.connectivityTrustedMode(true);
        sandbox.reset();
        try (Wire wire = new Wire(sandbox)) {
            assertThat(wire.send(new byte[] {5, 1, 0}, 2)).containsExactly(5, 0xFF);
        }
    }

    @Test
    void connectThroughMappedVirtualHostEchoesBytes(Sandbox sandbox) throws IOException {
        try (Wire wire = authenticated(sandbox, "")) {
            byte[] reply = wire.connectDomain(DemoDestinations.LEGACY_TCP_VIRTUAL_HOST, DemoDestinations.LEGACY_TCP_VIRTUAL_PORT);
            assertThat(reply[0]).isEqualTo((byte) 5);
            assertThat(reply[1]).isZero();
            assertThat(wire.send("ping\n".getBytes(StandardCharsets.US_ASCII), 5)).isEqualTo("ping\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(sandbox.socks5Proxy().tunnels()).isEqualTo(1);
    }

    @Test
    void invalidJwtFailsTheAuthenticationStep(Sandbox sandbox) throws IOException {
        try (Wire wire = new Wire(sandbox)) {
            wire.send(new byte[] {5, 1, (byte) 0x80}, 2);
            assertThat(wire.authenticate("not.a.jwt", "")).containsExactly(1, 1);
        }
    }

    @Test
    void locationIdIsDecodedFromBase64(Sandbox sandbox) throws IOException {
        try (Wire wire = authenticated(sandbox, DemoDestinations.PLANT01_LOCATION_ID)) {
            assertThat(wire.connectDomain(DemoDestinations.MAIL_VIRTUAL_HOST, 25)[1]).isZero();
        }
        assertThat(sandbox.socks5Proxy().lastLocationId()).isEqualTo(DemoDestinations.PLANT01_LOCATION_ID);
    }

    @Test
    void unknownLocationIsReply03(Sandbox sandbox) throws IOException {
        try (Wire wire = authenticated(sandbox, "Atlantis")) {
            assertThat(wire.connectDomain(DemoDestinations.MAIL_VIRTUAL_HOST, 25)[1]).isEqualTo((byte) 3);
        }
    }

    @Test
    void unmappedVirtualHostIsReply02(Sandbox sandbox) throws IOException {
        try (Wire wire = authenticated(sandbox, "")) {
            assertThat(wire.connectDomain(DemoDestinations.MAIL_VIRTUAL_HOST, 2525)[1]).isEqualTo((byte) 2);
        }
    }

    @Test
    void tokenOfAnotherClientIsReply05(Sandbox sandbox) throws IOException {
        try (Wire wire = new Wire(sandbox)) {
            wire.send(new byte[] {5, 1, (byte) 0x80}, 2);
            assertThat(wire.authenticate(SandboxClient.destinationToken(sandbox), "")).containsExactly(1, 0);
            assertThat(wire.connectDomain(DemoDestinations.MAIL_VIRTUAL_HOST, 25)[1]).isEqualTo((byte) 5);
        }
    }

    @Test
    void commandOtherThanConnectIsReply07(Sandbox sandbox) throws IOException {
        try (Wire wire = authenticated(sandbox, "")) {
            byte[] bind = {5, 2, 0, 1, 127, 0, 0, 1, 0, 80};
            assertThat(wire.send(bind, 10)[1]).isEqualTo((byte) 7);
        }
    }

    @Test
    void ipv6AddressIsReply08(Sandbox sandbox) throws IOException {
        try (Wire wire = authenticated(sandbox, "")) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(new byte[] {5, 1, 0, 4});
            request.write(new byte[16]);
            request.write(new byte[] {0, 25});
            assertThat(wire.send(request.toByteArray(), 10)[1]).isEqualTo((byte) 8);
        }
    }

    @Test
    void forcedReplyCodeIsAnsweredOnce(Sandbox sandbox) throws IOException {
        sandbox.socks5Proxy().answerNextConnectWith(1);
        try (Wire wire = authenticated(sandbox, "")) {
            assertThat(wire.connectDomain(DemoDestinations.MAIL_VIRTUAL_HOST, 25)[1]).isEqualTo((byte) 1);
        }
        try (Wire wire = authenticated(sandbox, "")) {
            assertThat(wire.connectDomain(DemoDestinations.MAIL_VIRTUAL_HOST, 25)[1]).isZero();
        }
    }

    @Test
    void bindingAnnouncesTheSocksPort(Sandbox sandbox) {
        assertThat(SandboxClient.credentials(sandbox, "connectivity").path("onpremise_socks5_proxy_port").asText())
                .isEqualTo(Integer.toString(sandbox.socks5Proxy().port()));
    }
}
