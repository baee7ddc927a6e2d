package io.github.camelbtp.connectivity.socks;

import io.github.camelbtp.connectivity.CloudConnectorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The SOCKS5 socket's connect-phase failover retry against a small SOCKS5 proxy on a loopback ServerSocket that
 * speaks SAP's handshake and misbehaves as told for its first connections: a Cloud Connector failover answers the
 * CONNECT with reply 03 or cuts the connection during the handshake — before anything of the caller was sent, so the
 * socket tries again on a fresh connection — while a tunnel that breaks after the caller's bytes went through is never
 * repeated.
 */
class SocksConnectFailoverTest {

    /** What the proxy does with one connection. */
    enum Behaviour { REPLY_03, REPLY_02, CLOSE_AFTER_GREETING, SERVE, SERVE_THEN_BREAK }

    private HostileSocksProxy proxy;

    @AfterEach
    void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
    }

    private SapSocks5SocketFactory factory(Duration window) {
        return new SapSocks5SocketFactory("127.0.0.1", proxy.port(), () -> "header.payload.signature", "", "LegacyTcp",
                Duration.ofSeconds(5), window);
    }

    @Test
    void connectAnsweredNoCloudConnectorIsTriedAgainOnAFreshConnectionUntilTheShadowServes() throws IOException {
        proxy = new HostileSocksProxy(List.of(Behaviour.REPLY_03, Behaviour.REPLY_03, Behaviour.CLOSE_AFTER_GREETING),
                Behaviour.SERVE);

        try (Socket socket = factory(Duration.ofSeconds(5)).createSocket()) {
            socket.connect(InetSocketAddress.createUnresolved("legacy.internal", 4711), 5_000);
            socket.getOutputStream().write("PING\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertThat(new String(socket.getInputStream().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("PONG\n");
        }

        assertThat(proxy.connections()).as("three failed attempts, each on its own connection, then the tunnel")
                .isEqualTo(4);
        assertThat(proxy.applicationBytes()).as("the caller's bytes arrived once").containsExactly("PING\n");
    }

    @Test
    void failoverLongerThanTheWindowFailsWithReply03SayingHowOftenItWasTried() throws IOException {
        proxy = new HostileSocksProxy(List.of(), Behaviour.REPLY_03);

        Throwable thrown = catchThrowable(() -> factory(Duration.ofMillis(600)).createSocket("legacy.internal", 4711));

        assertThat(thrown).isInstanceOf(CloudConnectorSocketException.class);
        CloudConnectorException e = ((CloudConnectorSocketException) thrown).cloudConnectorException();
        assertThat(e.status()).isEqualTo(SocksReply.NETWORK_UNREACHABLE);
        assertThat(e.getMessage()).contains("LegacyTcp").contains("tried again").contains("failoverRetryWindow")
                .doesNotContain("header.payload.signature");
        assertThat(proxy.connections()).isGreaterThan(1);
        assertThat(proxy.applicationBytes()).isEmpty();
    }

    @Test
    void refusalThatIsNoFailoverIsNotTriedAgain() throws IOException {
        proxy = new HostileSocksProxy(List.of(), Behaviour.REPLY_02);

        Throwable thrown = catchThrowable(() -> factory(Duration.ofSeconds(5)).createSocket("legacy.internal", 4711));

        assertThat(((CloudConnectorSocketException) thrown).cloudConnectorException().status())
                .isEqualTo(SocksReply.NOT_ALLOWED);
        assertThat(proxy.connections()).isEqualTo(1);
    }

    @Test
    void zeroWindowTriesTheConnectOnce() throws IOException {
        proxy = new HostileSocksProxy(List.of(), Behaviour.REPLY_03);

        Throwable thrown = catchThrowable(() -> factory(Duration.ZERO).createSocket("legacy.internal", 4711));

        assertThat(((CloudConnectorSocketException) thrown).cloudConnectorException().status())
                .isEqualTo(SocksReply.NETWORK_UNREACHABLE);
        assertThat(proxy.connections()).isEqualTo(1);
    }

    @Test
    void tunnelBrokenMidConversationIsNeverRepeated() throws IOException {
        proxy = new HostileSocksProxy(List.of(Behaviour.SERVE_THEN_BREAK), Behaviour.SERVE);

        try (Socket socket = factory(Duration.ofSeconds(5)).createSocket("legacy.internal", 4711)) {
            socket.getOutputStream().write("PING\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Throwable broken = catchThrowable(() -> {
                int read = socket.getInputStream().read();
                if (read < 0) {
                    throw new IOException("end of stream");
                }
            });
            assertThat(broken).as("the caller sees the break").isInstanceOf(IOException.class);
        }

        assertThat(proxy.connections()).as("no second connection: bytes may have reached the backend").isEqualTo(1);
        assertThat(proxy.applicationBytes()).containsExactly("PING\n");
    }

    /** A SOCKS5 proxy with SAP's method 0x80 that handles its first connections as scripted, the rest as {@code rest}. */
    static final class HostileSocksProxy implements AutoCloseable {
        private final ServerSocket server;
        private final List<Behaviour> script;
        private final Behaviour rest;
        private final AtomicInteger connections = new AtomicInteger();
        private final List<String> applicationBytes = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        HostileSocksProxy(List<Behaviour> script, Behaviour rest) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.script = script;
            this.rest = rest;
            this.acceptor = new Thread(this::accept, "hostile-socks5");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        List<String> applicationBytes() {
            return applicationBytes;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    int n = connections.getAndIncrement();
                    Behaviour behaviour = n < script.size() ? script.get(n) : rest;
                    Thread handler = new Thread(() -> handle(client, behaviour), "hostile-socks5-" + n);
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void handle(Socket client, Behaviour behaviour) {
            try (client) {
                DataInputStream in = new DataInputStream(client.getInputStream());
                OutputStream out = client.getOutputStream();
                // greeting 05 01 80
                in.readFully(new byte[3]);
                if (behaviour == Behaviour.CLOSE_AFTER_GREETING) {
                    return;
                }
                out.write(new byte[] { 5, (byte) 0x80 });
                // SAP's authentication: 01, JWT length, JWT, location length, location
                in.readUnsignedByte();
                in.readFully(new byte[in.readInt()]);
                in.readFully(new byte[in.readUnsignedByte()]);
                out.write(new byte[] { 1, 0 });
                // CONNECT: 05 01 00 03 len name port
                in.readFully(new byte[3]);
                int atyp = in.readUnsignedByte();
                in.readFully(new byte[(atyp == 1 ? 4 : in.readUnsignedByte()) + 2]);
                int reply = switch (behaviour) {
                    case REPLY_03 -> 3;
                    case REPLY_02 -> 2;
                    default -> 0;
                };
                out.write(new byte[] { 5, (byte) reply, 0, 1, 0, 0, 0, 0, 0, 0 });
                out.flush();
                if (reply != 0) {
                    return;
                }
                byte[] line = readLine(in);
                applicationBytes.add(new String(line, StandardCharsets.US_ASCII));
                if (behaviour == Behaviour.SERVE) {
                    out.write("PONG\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                // SERVE_THEN_BREAK: the tunnel breaks after the caller's bytes arrived
            } catch (IOException ignored) {
                // the client went away
            }
        }

        private static byte[] readLine(InputStream in) throws IOException {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
            return line.toByteArray();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
