package io.github.camelbtp.sandbox.wire;

import io.github.camelbtp.sandbox.connectivity.CloudConnector;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Sends an allowed proxy request on to the internal system over plain HTTP/1.1 sockets, reusing keep-alive
 * connections per internal {@code host:port}: same method, path, query and body; headers minus the proxy's own
 * ({@code Proxy-*}, {@code SAP-Connectivity-*}) and hop-by-hop ones; {@code Host} becomes the internal host (the
 * Cloud Connector's default "Use Internal Host"). Done synchronously on the proxy connection's thread: the JDK
 * HttpClient's asynchronous hand-offs cost more CPU than the whole rest of a proxied call.
 */
public final class BackendForwarder implements AutoCloseable {

    /** The backend's answer, ready to be written to the proxy client. */
    public record Response(int status, List<String[]> headers, byte[] body) {
    }

    /** Never forwarded: hop-by-hop (RFC 9110 §7.6.1), proxy credentials, and framing the forwarder sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authorization",
            "proxy-authenticate", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect");

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    /** Below the JDK HttpServer's 30 s idle timeout, so a pooled connection is rarely closed under us. */
    private static final long MAX_IDLE_NANOS = 20_000_000_000L;
    private static final int MAX_IDLE_PER_TARGET = 64;
    private static final int MAX_RESPONSE_HEAD = 64 * 1024;
    private static final int MAX_RESPONSE_BODY = 256 * 1024 * 1024;

    /** One open connection to an internal system. */
    private static final class Connection {
        final Socket socket;
        final HttpWire wire;
        final OutputStream out;
        long idleSince;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.wire = new HttpWire(socket.getInputStream());
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * The subject of the user the Cloud Connector logs on with (principal propagation), as the sandbox's stand-in for
     * the short-lived X.509 certificate the real connector presents. Set only by the connector: a client's copy is
     * dropped.
     */
    public static final String PRINCIPAL_HEADER = "X-Sandbox-Principal";

    public Response forward(String method, CloudConnector.Target target, String rawPath, String rawQuery,
            HttpWire.Head head, byte[] body, boolean hasBody) throws IOException {
        return forward(method, target, rawPath, rawQuery, head, body, hasBody, null);
    }

    /** As above, logging on as {@code principal} (propagated user or technical user), when not {@code null}. */
    public Response forward(String method, CloudConnector.Target target, String rawPath, String rawQuery,
            HttpWire.Head head, byte[] body, boolean hasBody, String principal) throws IOException {
        String authority = target.internalHost() + ":" + target.internalPort();
        byte[] requestHead = requestHead(method, authority, rawPath, rawQuery, head, body, hasBody, principal);
        ConcurrentLinkedDeque<Connection> pool = idle.computeIfAbsent(authority, k -> new ConcurrentLinkedDeque<>());
        Connection pooled = take(pool);
        if (pooled != null) {
            try {
                return exchange(pooled, pool, method, requestHead, body);
            } catch (EOFException | SocketException stale) {
                // the backend closed the idle connection before reading the request: retry once on a fresh one
                pooled.close();
            }
        }
        Connection fresh = connect(target);
        try {
            return exchange(fresh, pool, method, requestHead, body);
        } catch (IOException | RuntimeException e) {
            fresh.close();
            throw e;
        }
    }

    private Connection take(ConcurrentLinkedDeque<Connection> pool) {
        long now = System.nanoTime();
        Connection connection;
        while ((connection = pool.pollFirst()) != null) {
            if (now - connection.idleSince < MAX_IDLE_NANOS && !connection.socket.isClosed()) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    private static Connection connect(CloudConnector.Target target) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.internalHost(), target.internalPort()), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return new Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private Response exchange(Connection connection, ConcurrentLinkedDeque<Connection> pool, String method,
            byte[] requestHead, byte[] body) throws IOException {
        connection.out.write(requestHead);
        if (body.length > 0) {
            connection.out.write(body);
        }
        connection.out.flush();
        HttpWire.StatusHead status = connection.wire.readStatusHead(MAX_RESPONSE_HEAD);
        if (status == null) {
            throw new EOFException("backend closed the connection without answering");
        }
        HttpWire.Framing framing = HttpWire.framing(method, status);
        byte[] responseBody = framing == null
                ? connection.wire.readToEnd(MAX_RESPONSE_BODY)
                : connection.wire.readBody(framing, MAX_RESPONSE_BODY);
        boolean reusable = framing != null && status.version().equals("HTTP/1.1")
                && !status.hasToken("Connection", "close");
        if (reusable && !closed && pool.size() < MAX_IDLE_PER_TARGET) {
            connection.idleSince = System.nanoTime();
            pool.addFirst(connection);
        } else {
            connection.close();
        }
        return new Response(status.status(), responseHeaders(method, status), responseBody);
    }

    private static byte[] requestHead(String method, String authority, String rawPath, String rawQuery,
            HttpWire.Head head, byte[] body, boolean hasBody, String principal) {
        StringBuilder text = new StringBuilder(512);
        text.append(method).append(' ').append(rawPath);
        if (rawQuery != null) {
            text.append('?').append(rawQuery);
        }
        text.append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
        Set<String> connectionOptions = connectionOptions(head.header("Connection"));
        for (String[] header : head.headers()) {
            String name = header[0].toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(name) || name.startsWith("sap-connectivity-")
                    || name.equalsIgnoreCase(PRINCIPAL_HEADER) || connectionOptions.contains(name)) {
                continue;
            }
            text.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (principal != null) {
            text.append(PRINCIPAL_HEADER).append(": CN=").append(principal).append("\r\n");
        }
        if (hasBody) {
            text.append("Content-Length: ").append(body.length).append("\r\n");
        }
        text.append("\r\n");
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The backend's headers minus hop-by-hop ones; HEAD answers keep Content-Length (there is no body to count). */
    private static List<String[]> responseHeaders(String method, HttpWire.StatusHead status) {
        Set<String> connectionOptions = connectionOptions(status.header("Connection"));
        boolean isHead = method.equals("HEAD");
        List<String[]> headers = new ArrayList<>(status.headers().size());
        for (String[] header : status.headers()) {
            String name = header[0].toLowerCase(Locale.ROOT);
            boolean keepLength = name.equals("content-length") && (isHead || status.status() == 304);
            if ((NOT_FORWARDED.contains(name) && !keepLength) || connectionOptions.contains(name)) {
                continue;
            }
            headers.add(header);
        }
        return headers;
    }

    /** Header names listed in {@code Connection} are hop-by-hop too (RFC 9110 §7.6.1). */
    private static Set<String> connectionOptions(String connection) {
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
        closed = true;
        for (ConcurrentLinkedDeque<Connection> pool : idle.values()) {
            Connection connection;
            while ((connection = pool.pollFirst()) != null) {
                connection.close();
            }
        }
    }
}
