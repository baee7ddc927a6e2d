package io.github.camelbtp.rfc;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SOAP-RFC calls of different propagated users never share a keep-alive connection to the Connectivity proxy. The
 * proxy here binds each connection to its first user, as the Cloud Connector side did for SAP's JavaScript SDK
 * (cloud-sdk-js #6715), and answers STFC_CONNECTION with the user it logged on.
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
                .staticDestinations(List.of(Destination.of("ERP_RFC_PP", Map.of("Type", "RFC",
                        "jco.destination.proxy_type", "OnPremise", "jco.destination.auth_type", "PrincipalPropagation",
                        "jco.client.ashost", "erp.internal", "jco.client.sysnr", "00", "jco.client.client", "100"), "test")))
                .build();
        BtpRfcComponent component = new BtpRfcComponent();
        component.setConnectivity(engine);
        context = new DefaultCamelContext();
        context.addComponent("btp-rfc", component);
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
                Thread serving = new Thread(() -> serve(socket), "connection-binding-proxy-" + number);
                serving.setDaemon(true);
                serving.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Answers SOAP-RFC POSTs on a keep-alive connection, as the first propagated user of the connection. */
    private static void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String boundUser = null;
            String head;
            while ((head = readHead(in)) != null) {
                String user = null;
                int length = 0;
                for (String line : head.split("\r\n")) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("sap-connectivity-authentication:")) {
                        user = line.substring(line.indexOf(':') + 1).trim();
                    } else if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                    }
                }
                in.readNBytes(length);
                if (boundUser == null) {
                    boundUser = user;
                }
                byte[] body = ("<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<soap-env:Body><urn:STFC_CONNECTION.Response xmlns:urn=\"urn:sap-com:document:sap:rfc:functions\">"
                        + "<ECHOTEXT>hello</ECHOTEXT><RESPTEXT>" + boundUser + "</RESPTEXT>"
                        + "</urn:STFC_CONNECTION.Response></soap-env:Body></soap-env:Envelope>").getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException ended) {
            // the client closed the connection
        }
    }

    /** The request line and headers, or {@code null} at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private String respTextAs(String token) {
        Exchange exchange = template.request("btp-rfc:STFC_CONNECTION?destination=ERP_RFC_PP&metadata=false", e -> {
            e.getIn().setBody(Map.of("REQUTEXT", "hello"));
            e.getIn().setHeader("Authorization", "Bearer " + token);
        });
        assertThat(exchange.getException()).isNull();
        return String.valueOf(exchange.getMessage().getBody(Map.class).get("RESPTEXT"));
    }

    @Test
    void keepAliveConnectionsToTheProxyAreNeverReusedForAnotherUser() {
        String alice = "alice.jwt.token";
        String bob = "bob.jwt.token";

        for (String user : new String[] { alice, bob, alice, bob }) {
            assertThat(respTextAs(user)).isEqualTo("Bearer " + user);
        }
        assertThat(connections.get()).as("one connection per user, each reused").isEqualTo(2);
    }
}
