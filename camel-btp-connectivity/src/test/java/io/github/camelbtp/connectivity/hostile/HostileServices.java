package io.github.camelbtp.connectivity.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile Destination Service on a loopback port for the corpus: its token endpoint issues a token to anyone, its find
 * API answers every destination with one fixed body (any bytes), and every other path is a "sink" standing for a
 * backend or a token service a destination names — the corpus counts what reaches it, which must be nothing.
 */
final class HostileServices implements AutoCloseable {

    /** The binding's client secret: distinctive, so a test can look for it in messages and logs. */
    static final String BINDING_SECRET = "hostile-binding-secret-5fd2";

    private final HttpServer server;
    private volatile byte[] findAnswer = new byte[0];
    private final AtomicInteger finds = new AtomicInteger();
    private final AtomicInteger sinkRequests = new AtomicInteger();

    HostileServices() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth/token", exchange -> answer(exchange,
                "{\"access_token\":\"hostile-binding-token-0c1e\",\"token_type\":\"bearer\",\"expires_in\":3600}"
                        .getBytes(StandardCharsets.UTF_8)));
        server.createContext("/destination-configuration/", exchange -> {
            finds.incrementAndGet();
            answer(exchange, findAnswer);
        });
        server.createContext("/", exchange -> {
            sinkRequests.incrementAndGet();
            answer(exchange, "{}".getBytes(StandardCharsets.UTF_8));
        });
        server.start();
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    HostileServices answering(String findAnswer) {
        return answering(findAnswer.getBytes(StandardCharsets.UTF_8));
    }

    HostileServices answering(byte[] findAnswer) {
        this.findAnswer = findAnswer;
        return this;
    }

    /** A URL on the sink: what a hostile destination names as its target or token service. */
    String sink() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sink";
    }

    int finds() {
        return finds.get();
    }

    int sinkRequests() {
        return sinkRequests.get();
    }

    /** VCAP_SERVICES binding this service as the application's {@code destination} service. */
    String vcapServices() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return "{\"destination\":[{\"name\":\"destination\",\"label\":\"destination\",\"credentials\":{\"clientid\":\"c\","
                + "\"clientsecret\":\"" + BINDING_SECRET + "\",\"url\":\"" + base + "\",\"uri\":\"" + base + "\"}}]}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
