package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keep-alive connections to the Connectivity proxy never carry one user's identity into another user's request.
 * SAP documents per-request authentication by headers, but SAP's JavaScript SDK met a Cloud Connector side that
 * bound a reused socket to its first user (cloud-sdk-js #6715: 403s with principal propagation once connections were
 * pooled across users). The proxy here does exactly that: it logs every request on as the first user of its
 * connection, so a connection shared across users shows up as a user arriving as another.
 */
class ProxyConnectionIdentityTest {

    private ServerSocket proxy;
    private final AtomicInteger connections = new AtomicInteger();
    private BtpConnectivity engine;
    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "connection-binding-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
        engine = BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.none())
                .environmentDestinations(null)
                .connectivityProxy("127.0.0.1", proxy.getLocalPort(), 0)
                .staticDestinations(List.of(Destination.of("PropagatedERP", Map.of("Type", "HTTP",
                        "URL", "http://erp.internal:44300", "ProxyType", "OnPremise",
                        "Authentication", "PrincipalPropagation"), "test")))
                .build();
        BtpDestinationComponent component = new BtpDestinationComponent();
        component.setConnectivity(engine);
        context = new DefaultCamelContext();
        context.addComponent("btp-destination", component);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() throws IOException {
        context.stop();
        engine.close();
        proxy.close();
    }

    private void accept() {
        while (!proxy.isClosed()) {
            try {
                Socket socket = proxy.accept();
                int number = connections.incrementAndGet();
                Thread serving = new Thread(() -> serve(socket, number), "connection-binding-proxy-" + number);
                serving.setDaemon(true);
                serving.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Answers GETs on a keep-alive connection; the first propagated user of the connection is who every request is. */
    private static void serve(Socket socket, int number) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            String boundUser = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String user = null;
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    if (header.regionMatches(true, 0, "SAP-Connectivity-Authentication:", 0, 32)) {
                        user = header.substring(32).trim();
                    }
                }
                if (boundUser == null) {
                    boundUser = user;
                }
                byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nX-Logged-On-As: " + boundUser + "\r\nX-Connection: " + number
                        + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException ended) {
            // the client closed the connection
        }
    }

    private Exchange getAs(String token) {
        return template.request("btp-destination:PropagatedERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder",
                exchange -> exchange.getIn().setHeader("Authorization", "Bearer " + token));
    }

    @Test
    void keepAliveConnectionsToTheProxyAreNeverReusedForAnotherUser() {
        String alice = "alice.jwt.token";
        String bob = "bob.jwt.token";
        String[] users = { alice, bob, alice, bob };
        String[] connectionOf = new String[users.length];

        for (int i = 0; i < users.length; i++) {
            Exchange exchange = getAs(users[i]);

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader("X-Logged-On-As", String.class))
                    .as("request %d arrives as its own user", i).isEqualTo("Bearer " + users[i]);
            connectionOf[i] = exchange.getMessage().getHeader("X-Connection", String.class);
        }

        // one user's requests still share a pooled connection: isolation, not an end of keep-alive
        assertThat(connectionOf[2]).isEqualTo(connectionOf[0]);
        assertThat(connectionOf[3]).isEqualTo(connectionOf[1]);
        assertThat(connections.get()).isEqualTo(2);
    }
}
