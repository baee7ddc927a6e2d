package io.github.camelbtp.sandbox.connectivity;

import static io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_SERVICE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Cloud Connector's high availability as SAP describes it (facts §8): a master and a shadow per location; when the
 * master fails, no Cloud Connector is connected for a while (HTTP 503, SOCKS5 {@code 03}), open connections through it
 * break, then the shadow serves.
 */
@ExtendWith(SandboxExtension.class)
class CloudConnectorFailoverTest {

    private static final String GET_ORDERS = "GET http://erp.internal:44300" + SALES_SERVICE_PATH
            + "/A_SalesOrder HTTP/1.1\r\nHost: erp.internal:44300\r\nAuthorization: " + SandboxClient.salesBasic()
            + "\r\n";

    @AfterEach
    void endOutages(Sandbox sandbox) {
        sandbox.connectivity().reset();
    }

    private static String get(Sandbox sandbox) {
        return GET_ORDERS + "Proxy-Authorization: Bearer " + SandboxClient.connectivityToken(sandbox) + "\r\n\r\n";
    }

    private static Socket proxyConnection(Sandbox sandbox) throws IOException {
        Socket socket = new Socket(sandbox.proxyHost(), sandbox.proxyHttpPort());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static SandboxClient.RawResponse send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return SandboxClient.readResponse(socket.getInputStream());
    }

    @Test
    void failoverAnswers503ThenTheShadowServes(Sandbox sandbox) throws Exception {
        CloudConnector.Connector connector = sandbox.cloudConnector().connector("");
        long masterBefore = connector.servedBy(CloudConnector.MASTER);
        try (Socket socket = proxyConnection(sandbox)) {
            assertThat(send(socket, get(sandbox)).status()).isEqualTo(200);
        }
        assertThat(connector.servedBy(CloudConnector.MASTER)).isEqualTo(masterBefore + 1);

        sandbox.connectivity().failover(Duration.ofMillis(1_500));

        SandboxClient.RawResponse during = SandboxClient.raw(sandbox, get(sandbox));
        assertThat(during.status()).isEqualTo(503);
        assertThat(during.body()).contains("There is no SAP Cloud Connector (SCC) connected to your subaccount");
        assertThat(connector.instance()).isEqualTo(CloudConnector.SHADOW);

        Thread.sleep(1_700);
        SandboxClient.RawResponse after = SandboxClient.raw(sandbox, get(sandbox));
        assertThat(after.status()).isEqualTo(200);
        assertThat(connector.servedBy(CloudConnector.SHADOW)).isPositive();
        assertThat(sandbox.cloudConnector().auditLog()).anySatisfy(entry -> {
            assertThat(entry.reason()).startsWith("failover: master lost, shadow serves");
            assertThat(entry.instance()).isEqualTo(CloudConnector.SHADOW);
        });
    }

    @Test
    void failoverClosesKeepAliveConnectionsThroughTheOldMaster(Sandbox sandbox) throws Exception {
        try (Socket socket = proxyConnection(sandbox)) {
            assertThat(send(socket, get(sandbox)).status()).isEqualTo(200);

            sandbox.connectivity().failover(Duration.ofMillis(200));

            // the connection is gone: no answer, end of stream or a reset
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (IOException reset) {
                read = -1;
            }
            assertThat(read).as("first byte after the failover").isEqualTo(-1);
        }
    }

    @Test
    void failoverOfOneLocationLeavesTheOthersServing(Sandbox sandbox) throws Exception {
        sandbox.cloudConnector().connector(DemoDestinations.PLANT01_LOCATION_ID).failover(Duration.ofSeconds(5));

        assertThat(SandboxClient.raw(sandbox, get(sandbox)).status()).isEqualTo(200);
    }

    /** One SOCKS5 conversation: SAP's method 0x80, the connectivity token, CONNECT to the echo service. */
    private static byte connectEcho(Sandbox sandbox, Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {5, 1, (byte) 0x80});
        in.readFully(new byte[2]);
        byte[] token = SandboxClient.connectivityToken(sandbox).getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(6 + token.length).put((byte) 1).putInt(token.length).put(token).put((byte) 0)
                .array());
        in.readFully(new byte[2]);
        byte[] host = DemoDestinations.LEGACY_TCP_VIRTUAL_HOST.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(7 + host.length).put((byte) 5).put((byte) 1).put((byte) 0).put((byte) 3)
                .put((byte) host.length).put(host).putShort((short) DemoDestinations.LEGACY_TCP_VIRTUAL_PORT).array());
        byte[] reply = new byte[10];
        in.readFully(reply);
        return reply[1];
    }

    private static Socket socks(Sandbox sandbox) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.socks5Proxy().port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    @Test
    void failoverBreaksOpenSocks5TunnelsAndAnswers03UntilTheShadowServes(Sandbox sandbox) throws Exception {
        try (Socket tunnel = socks(sandbox)) {
            assertThat(connectEcho(sandbox, tunnel)).isZero();
            tunnel.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new DataInputStream(tunnel.getInputStream()).readNBytes(5)).isEqualTo(
                    "ping\n".getBytes(StandardCharsets.US_ASCII));

            sandbox.connectivity().failover(Duration.ofMillis(1_500));

            int read;
            try {
                read = tunnel.getInputStream().read();
            } catch (IOException reset) {
                read = -1;
            }
            assertThat(read).as("the tunnel through the old master").isEqualTo(-1);
        }
        try (Socket during = socks(sandbox)) {
            assertThat(connectEcho(sandbox, during)).isEqualTo((byte) 3);
        }
        Thread.sleep(1_700);
        try (Socket after = socks(sandbox)) {
            assertThat(connectEcho(sandbox, after)).isZero();
        }
        assertThat(sandbox.cloudConnector().connector("").servedBy(CloudConnector.SHADOW)).isPositive();
    }
}
