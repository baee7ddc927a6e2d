package io.github.camelbtp.connectivity.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pass-through HTTP server in front of a real service (here the sandbox token service): records each request as it
 * arrived (method, query, headers, body) and relays it unchanged, so a test can prove what the engine sent while the
 * real service still decides the answer.
 */
public final class RecordingRelay implements AutoCloseable {

    /** One request as it arrived; header names are case-insensitive. */
    public record Request(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The decoded form parameters of an {@code application/x-www-form-urlencoded} body. */
        public Map<String, String> form() {
            Map<String, String> form = new TreeMap<>();
            for (String pair : body.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    form.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            return form;
        }

        private static String decode(String s) {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }

    private static final Set<String> NOT_RELAYED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public RecordingRelay(URI target) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                headers.putAll(exchange.getRequestHeaders());
                URI uri = exchange.getRequestURI();
                requests.add(new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), headers,
                        new String(body, StandardCharsets.UTF_8)));
                HttpRequest.Builder relayed = HttpRequest.newBuilder(URI.create(target + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                headers.forEach((name, values) -> {
                    if (!NOT_RELAYED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        values.forEach(v -> relayed.header(name, v));
                    }
                });
                HttpResponse<byte[]> answer = client.send(relayed.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().map().forEach((name, values) -> {
                    if (!NOT_RELAYED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.equalsIgnoreCase("transfer-encoding")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request last() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
