package io.github.camelbtp.connectivity.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A hostile Destination Service on a loopback port, for answers the sandbox never gives: its token endpoint issues a
 * token to anyone, and its find API answers every destination with one fixed JSON body.
 */
public final class FakeDestinationService implements AutoCloseable {

    private final HttpServer server;
    private volatile String findAnswer;

    public FakeDestinationService(String findAnswer) {
        this.findAnswer = findAnswer;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth/token", exchange -> answer(exchange.getResponseBody(), exchange, 
                "{\"access_token\":\"binding-token\",\"token_type\":\"bearer\",\"expires_in\":3600}"));
        server.createContext("/destination-configuration/", exchange -> answer(exchange.getResponseBody(), exchange,
                this.findAnswer));
        server.start();
    }

    private static void answer(OutputStream body, com.sun.net.httpserver.HttpExchange exchange, String json)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (body) {
            body.write(bytes);
        }
    }

    /** VCAP_SERVICES binding this service as the application's {@code destination} service. */
    public String vcapServices() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return "{\"destination\":[{\"name\":\"destination\",\"label\":\"destination\",\"credentials\":{\"clientid\":\"c\","
                + "\"clientsecret\":\"s\",\"url\":\"" + base + "\",\"uri\":\"" + base + "\"}}]}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
