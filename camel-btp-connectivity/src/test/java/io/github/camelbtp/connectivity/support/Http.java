package io.github.camelbtp.connectivity.support;

import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.http.HttpHeader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends requests the way a transport would with a {@link ResolvedDestination}: its URL plus a path, its query
 * parameters and headers, through its proxy — over real sockets with {@link HttpClient}. {@link #raw} writes a request
 * head byte by byte, for requests HttpClient will not send (an absolute {@code https://} target to a plain proxy).
 */
public final class Http {

    /** A buffered answer. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private Http() {
    }

    public static Answer send(ResolvedDestination resolved, String method, String path) {
        return send(resolved, method, path, Map.of());
    }

    public static Answer send(ResolvedDestination resolved, String method, String path, Map<String, String> extraHeaders) {
        String query = resolved.queryParameters().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        URI uri = URI.create(resolved.url() + path + (query.isEmpty() ? "" : (path.contains("?") ? "&" : "?") + query));
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(resolved.connectTimeout());
        client.proxy(resolved.proxy() == null ? HttpClient.Builder.NO_PROXY
                : ProxySelector.of(InetSocketAddress.createUnresolved(resolved.proxy().host(), resolved.proxy().port())));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (HttpHeader header : resolved.headers()) {
            request.header(header.name(), header.value());
        }
        extraHeaders.forEach(request::header);
        try {
            HttpResponse<String> response = client.build().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request over a fresh socket: {@code requestLine} and {@code headers} as given, then {@code Connection: close}. */
    public static Answer raw(String host, int port, String requestLine, Map<String, String> headers) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(requestLine).append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        String body = end < 0 ? "" : new String(all.toByteArray(), end + 4, all.size() - end - 4, StandardCharsets.UTF_8);
        return new Answer(status, headers, body);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
