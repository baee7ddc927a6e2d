package io.github.camelbtp.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Sends an allowed proxy request on to the internal system with the JDK {@link HttpClient} (HTTP/1.1, pooled
 * keep-alive connections): same method, path, query and body; headers minus the proxy's own and hop-by-hop ones.
 */
final class BackendForwarder implements AutoCloseable {

    /** The backend's answer, ready to be written to the proxy client. */
    record Response(int status, List<String[]> headers, byte[] body) {
    }

    /** Never forwarded: hop-by-hop (RFC 9110 §7.6.1), proxy credentials, and what the client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authorization",
            "proxy-authenticate", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect");

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final ExecutorService executor;
    private final HttpClient client;

    BackendForwarder() {
        this.executor = HttpEndpoint.boundedPool("sandbox-proxy-client", 4);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .executor(executor)
                .build();
    }

    Response forward(String method, CloudConnector.Target target, String rawPath, String rawQuery,
            HttpWire.Head head, byte[] body, boolean hasBody) throws IOException, InterruptedException {
        URI uri = URI.create("http://" + target.internalHost() + ":" + target.internalPort() + rawPath
                + (rawQuery == null ? "" : "?" + rawQuery));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .method(method, hasBody ? HttpRequest.BodyPublishers.ofByteArray(body)
                        : HttpRequest.BodyPublishers.noBody());
        Set<String> connectionOptions = connectionOptions(head);
        for (String[] header : head.headers()) {
            String name = header[0].toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(name) || name.startsWith("sap-connectivity-")
                    || connectionOptions.contains(name)) {
                continue;
            }
            try {
                request.header(header[0], header[1]);
            } catch (IllegalArgumentException restrictedOrInvalid) {
                // a header the JDK client refuses to send; the backend would not get it from SAP's proxy either
            }
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        boolean isHead = "HEAD".equals(method);
        List<String[]> headers = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            boolean keepLength = isHead && name.equals("content-length");
            if (name.startsWith(":") || (NOT_FORWARDED.contains(name) && !keepLength)) {
                continue;
            }
            for (String value : header.getValue()) {
                headers.add(new String[] {header.getKey(), value});
            }
        }
        return new Response(response.statusCode(), headers, response.body());
    }

    /** Header names listed in {@code Connection} are hop-by-hop too (RFC 9110 §7.6.1). */
    private static Set<String> connectionOptions(HttpWire.Head head) {
        String connection = head.header("Connection");
        if (connection == null) {
            return Set.of();
        }
        Set<String> options = new HashSet<>();
        for (String option : connection.split(",")) {
            options.add(option.trim().toLowerCase(Locale.ROOT));
        }
        return options;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
