package io.github.camelbtp.sandbox.wire;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sandbox service on a free loopback port: a JDK {@link HttpServer} (keep-alive on) served by a bounded pool
 * of daemon threads, plus the few reply helpers every service needs.
 */
public final class HttpEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    static {
        // The JDK HttpServer writes a response's head and body as separate TCP segments; with Nagle's algorithm
        // on, the body then waits for the client's delayed ACK, about 40 ms per keep-alive response. Its only
        // switch is this property, read once when the JVM's first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain; charset=utf-8";

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor;

    public HttpEndpoint(String name, int threads) {
        this.name = name;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for " + name, e);
        }
        this.executor = boundedPool("sandbox-" + name, threads);
        server.setExecutor(executor);
    }

    /** Registers {@code handler} for every path under {@code path}; failures become a 500 answer. */
    public HttpEndpoint handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                // the client went away while we answered
                LOG.debug("{}: {} {} not answered: {}", name, exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), e.toString());
                exchange.close();
            } catch (RuntimeException e) {
                LOG.warn("{}: {} {} failed", name, exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
                try {
                    send(exchange, 500, TEXT, "Internal error in sandbox service " + name);
                } catch (IOException | RuntimeException ignored) {
                    exchange.close();
                }
            }
        });
        return this;
    }

    public HttpEndpoint start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static ThreadPoolExecutor boundedPool(String prefix, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Loopback.daemonThreads(prefix));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    // ---- replies --------------------------------------------------------------------------------------------

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange) {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            boolean noBody = body == null || body.length == 0 || status == 204 || status == 304
                    || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
            if (!noBody) {
                OutputStream out = exchange.getResponseBody();
                out.write(body);
            }
        }
    }

    /**
     * Announces {@code body}'s full length with status 200, sends its first half and closes the connection: a server
     * failing mid-body (the {@code backendCutsBodies} fault).
     */
    public static void sendCut(HttpExchange exchange, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", JSON);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body, 0, body.length / 2);
            exchange.getResponseBody().flush();
        } catch (IOException expected) {
            // closing with bytes missing makes the JDK server drop the connection, which is the point
        }
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    public static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, JSON, JsonCodec.bytes(body));
    }

    /** Query parameters, decoded; the first value of a repeated name wins. */
    public static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.putIfAbsent(key, value);
        }
        return parameters;
    }

    public static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
