package io.github.camelbtp.sandbox.connectivity;

import io.github.camelbtp.sandbox.destination.Tenants;
import io.github.camelbtp.sandbox.observe.Counters;
import io.github.camelbtp.sandbox.observe.Faults;
import io.github.camelbtp.sandbox.observe.RecordedRequests;
import io.github.camelbtp.sandbox.token.TokenAuthority;
import io.github.camelbtp.sandbox.wire.BackendForwarder;
import io.github.camelbtp.sandbox.wire.HttpEndpoint;
import io.github.camelbtp.sandbox.wire.HttpResponseWriter;
import io.github.camelbtp.sandbox.wire.HttpWire;
import io.github.camelbtp.sandbox.wire.Loopback;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connectivity Service's HTTP proxy [consuming-the-connectivity-service-313b215] with the Cloud Connector's
 * access control behind it [configure-access-control-http-e7d4927]. A plain HTTP/1.1 forward proxy: requests come
 * in absolute form ({@code GET http://virtualhost:port/path HTTP/1.1}) and are checked in SAP's order —
 * {@code CONNECT} or {@code https://} → 405; no valid connectivity token in {@code Proxy-Authorization} → 407;
 * no connected Cloud Connector for the token's subaccount and the {@code SAP-Connectivity-SCC-Location_ID} → 503
 * (the token's zone picks the subaccount: the provider's Cloud Connectors, or a subscribed tenant's own);
 * virtual system not mapped or path not allow-listed → 403 (audited) — then forwarded to the internal system.
 * In trusted mode (Kyma's Connectivity proxy for one subaccount) no token is needed: every request is the
 * subaccount's. In multi-tenant trusted mode the proxy serves several subaccounts without proxy authorization: a
 * request names its tenant with {@code SAP-CP-Connectivity-Service-Token: <connectivity token>}, which it must send
 * [operational-modes-148bbad, using-the-connectivity-proxy-f3c1ef4]; SAP documents no answer for a request without
 * one, this proxy says 400. One thread per client connection (keep-alive), from a bounded pool.
 */
final class ConnectivityProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectivityProxy.class);

    /** Request line plus headers, as documented for the connectivity proxy. */
    static final int MAX_HEAD_BYTES = 8192;
    static final String LOCATION_ID_HEADER = "SAP-Connectivity-SCC-Location_ID";
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final int IDLE_TIMEOUT_MS = 60_000;
    private static final int MAX_CONNECTIONS = 256;
    private static final List<String[]> TEXT = List.<String[]>of(new String[] {"Content-Type", HttpEndpoint.TEXT});

    private final TokenAuthority authority;
    private final String connectivityClientId;
    private final String subaccountId;
    private final CloudConnector cloudConnector;
    private final Tenants tenants;
    private final Counters counters;
    private final RecordedRequests recorded;
    private final BackendForwarder forwarder = new BackendForwarder();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor workers;
    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private volatile boolean closed;
    private volatile boolean trustedMode;
    /** The sandbox's fault switches (proxy failure status, answers cut mid-response); none until set. */
    private volatile Faults faults = new Faults();
    /** Kyma's multi-tenant trusted mode: the tenant comes from {@link #SERVICE_TOKEN_HEADER}. */
    private volatile boolean multiTenant;
    static final String SERVICE_TOKEN_HEADER = "SAP-CP-Connectivity-Service-Token";
    /** See {@link #bindConnectionsToFirstUser}. */
    private volatile boolean bindsConnectionsToFirstUser;
    private final java.util.concurrent.atomic.AtomicLong acceptedConnections = new java.util.concurrent.atomic.AtomicLong();
    /** The high-water mark of {@link #openSockets}: a client's connection pool bound shows here (load harness). */
    private final java.util.concurrent.atomic.AtomicInteger mostOpenConnections = new java.util.concurrent.atomic.AtomicInteger();

    public ConnectivityProxy(TokenAuthority authority, String connectivityClientId, String subaccountId,
            CloudConnector cloudConnector, Tenants tenants, Counters counters, RecordedRequests recorded) {
        this.authority = authority;
        this.connectivityClientId = connectivityClientId;
        this.subaccountId = subaccountId;
        this.cloudConnector = cloudConnector;
        this.tenants = tenants;
        this.counters = counters;
        this.recorded = recorded;
        this.workers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Loopback.daemonThreads("sandbox-proxy"));
        this.serverSocket = Loopback.serverSocket(512, "connectivity proxy");
        this.acceptor = new Thread(this::acceptLoop, "sandbox-proxy-acceptor");
        acceptor.setDaemon(true);
    }

    public ConnectivityProxy start() {
        acceptor.start();
        return this;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("connectivity proxy stopped accepting connections", e);
                }
                return;
            }
            openSockets.add(socket);
            acceptedConnections.incrementAndGet();
            mostOpenConnections.accumulateAndGet(openSockets.size(), Math::max);
            try {
                workers.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                refuse(socket);
            }
        }
    }

    private void refuse(Socket socket) {
        try (socket) {
            HttpResponseWriter.write(socket.getOutputStream(), 503, TEXT,
                    bytes("Too many connections to the connectivity proxy"), true, true);
        } catch (IOException ignored) {
            // the client is gone
        } finally {
            openSockets.remove(socket);
        }
    }

    private void serve(Socket socket) {
        Connection connection = new Connection(socket);
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            HttpWire wire = new HttpWire(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (!closed) {
                HttpWire.Head head;
                try {
                    head = wire.readHead(MAX_HEAD_BYTES);
                } catch (HttpWire.HeadTooLargeException e) {
                    HttpResponseWriter.write(out, 431, TEXT, bytes("Request line and headers exceed "
                            + MAX_HEAD_BYTES + " bytes"), true, true);
                    return;
                } catch (HttpWire.BadMessageException e) {
                    HttpResponseWriter.write(out, 400, TEXT, bytes("Bad request: " + e.getMessage()), true, true);
                    return;
                }
                if (head == null || !exchange(head, wire, out, connection)) {
                    return;
                }
            }
        } catch (SocketTimeoutException | SocketException e) {
            // idle keep-alive connection timed out, or the client/the sandbox closed it
        } catch (IOException e) {
            LOG.debug("proxy connection ended: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("connectivity proxy connection failed", e);
        } finally {
            openSockets.remove(socket);
            connection.release();
        }
    }

    /** Handles one request; returns whether the connection stays open. */
    private boolean exchange(HttpWire.Head head, HttpWire wire, OutputStream out, Connection connection)
            throws IOException {
        String target = head.target();
        boolean keepAlive = head.version().equals("HTTP/1.1")
                ? !head.hasToken("Connection", "close")
                : head.hasToken("Connection", "keep-alive");
        URI uri = null;
        if (target.regionMatches(true, 0, "http://", 0, 7)) {
            try {
                uri = new URI(target).normalize();
            } catch (URISyntaxException e) {
                // answered below
            }
        }
        recorded.record("proxy", head.method(), uri == null ? target : uri.getPath(),
                uri == null ? null : uri.getRawQuery(), head.headerMap());

        if (head.method().equals("CONNECT")) {
            // the tunnel to the Cloud Connector is already TLS: no CONNECT, no https targets (405)
            // no Allow header, as for https targets: a 405 with Allow comes from a backend, not from the proxy
            HttpResponseWriter.write(out, 405, TEXT, bytes("CONNECT is not supported: send plain http:// requests "
                    + "to the connectivity proxy"), true, true);
            return false;
        }
        HttpWire.Framing framing;
        try {
            framing = HttpWire.framing(head);
        } catch (HttpWire.BadMessageException e) {
            HttpResponseWriter.write(out, 400, TEXT, bytes("Bad request: " + e.getMessage()), true, true);
            return false;
        }
        Rejection rejection = new Rejection(head, framing, wire, out, keepAlive);
        int failure = faults.takeConnectivityProxyFailure();
        if (failure != 0) {
            return rejection.send(failure, "Sandbox fault: connectivity proxy failure");
        }
        if (target.regionMatches(true, 0, "https://", 0, 8)) {
            return rejection.send(405, "https is not supported: the connectivity proxy takes http:// targets; the "
                    + "tunnel to the Cloud Connector is already encrypted");
        }
        if (uri == null) {
            return rejection.send(400, "The connectivity proxy expects absolute-form targets: "
                    + "http://virtualhost:port/path");
        }
        String host = uri.getHost();
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        if (host == null || path.startsWith("/..") || !path.startsWith("/")) {
            return rejection.send(400, "Bad request target");
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();

        Optional<TokenAuthority.VerifiedToken> token = authority
                .verify(TokenAuthority.bearer(head.header("Proxy-Authorization")))
                .filter(verified -> connectivityClientId.equals(verified.clientId()));
        if (token.isEmpty() && !trustedMode) {
            return rejection.send(407, "Proxy authentication required: send 'Proxy-Authorization: Bearer <token>' "
                    + "with a valid token of the connectivity service binding", "Proxy-Authenticate", "Bearer");
        }
        Optional<TokenAuthority.VerifiedToken> serviceToken = Optional.empty();
        if (trustedMode && multiTenant) {
            String value = head.header(SERVICE_TOKEN_HEADER);
            serviceToken = value == null ? Optional.empty() : authority.verify(value.trim())
                    .filter(verified -> connectivityClientId.equals(verified.clientId()));
            if (serviceToken.isEmpty()) {
                return rejection.send(400, "Multi-tenant trusted mode: send '" + SERVICE_TOKEN_HEADER + ": <token>' with"
                        + " a valid token of the connectivity service binding for the request's tenant");
            }
        }
        String locationHeader = head.header(LOCATION_ID_HEADER);
        String locationId = locationHeader == null ? "" : locationHeader.trim();
        // trusted mode: Kyma's proxy serves one subaccount, the provider's, unless it is shared by several tenants
        String zone = serviceToken.isPresent() ? serviceToken.get().zoneId()
                : trustedMode ? subaccountId : token.get().zoneId();
        CloudConnector subaccountConnectors = cloudConnectorsOf(zone);
        Optional<CloudConnector.Connector> connector = subaccountConnectors == null ? Optional.empty()
                : subaccountConnectors.find(locationId);
        // read before the check: a failover after it must still drop this connection (Connector#carry)
        long generation = connector.map(CloudConnector.Connector::generation).orElse(0L);
        if (connector.isEmpty() || !connector.get().isConnected()) {
            return rejection.send(503, CloudConnector.notConnected(locationId));
        }
        String principal;
        try {
            principal = connection.logOn(principal(token.orElse(null), zone, head), bindsConnectionsToFirstUser);
        } catch (IllegalArgumentException e) {
            return rejection.send(401, e.getMessage());
        }
        CloudConnector.Decision decision = connector.get().decide(host, port, path);
        if (decision.target() == null) {
            subaccountConnectors.deny(locationId, host, port, path, decision.denial());
            LOG.debug("Cloud Connector '{}' denied {}:{}{}: {}", locationId, host, port, path, decision.denial());
            return rejection.send(403, "Access denied to system " + host + ":" + port);
        }

        // the connection now runs through the location's serving instance: a failover closes it (facts §8)
        if (!connection.carriedBy(connector.get(), generation)) {
            return rejection.send(503, CloudConnector.notConnected(locationId));
        }

        if (head.hasToken("Expect", "100-continue") && framing.present()) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body;
        try {
            body = wire.readBody(framing, MAX_BODY_BYTES);
        } catch (HttpWire.BadMessageException e) {
            HttpResponseWriter.write(out, 413, TEXT, bytes(e.getMessage()), true, true);
            return false;
        }
        counters.proxiedCall();
        BackendForwarder.Response response;
        try {
            response = forwarder.forward(head.method(), decision.target(), uri.getRawPath().isEmpty() ? "/"
                    : uri.getRawPath(), uri.getRawQuery(), head, body, framing.present(), principal);
        } catch (java.net.ConnectException e) {
            HttpResponseWriter.write(out, 502, TEXT, bytes("The backend of system " + host + ":" + port
                    + " is not reachable from the Cloud Connector"), true, !keepAlive);
            return keepAlive;
        } catch (SocketTimeoutException e) {
            HttpResponseWriter.write(out, 504, TEXT, bytes("The backend of system " + host + ":" + port
                    + " did not answer in time"), true, !keepAlive);
            return keepAlive;
        } catch (IOException e) {
            HttpResponseWriter.write(out, 502, TEXT, bytes("The backend of system " + host + ":" + port
                    + " failed: " + e.getClass().getSimpleName()), true, !keepAlive);
            return keepAlive;
        }
        if (faults.connectivityProxyCutsAnswers()) {
            java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
            HttpResponseWriter.write(whole, response.status(), response.headers(), response.body(), true, false);
            out.write(whole.toByteArray(), 0, whole.size() - Math.max(1, response.body() == null ? 0 : response.body().length / 2));
            out.flush();
            return false;
        }
        HttpResponseWriter.write(out, response.status(), response.headers(), response.body(),
                !head.method().equals("HEAD"), !keepAlive);
        return keepAlive;
    }

    /**
     * The identity the Cloud Connector logs on to the backend with, or {@code null} for none
     * [consuming-the-connectivity-service-313b215]: the user of a user token in {@code Proxy-Authorization} (the
     * recommended principal propagation), else the user of {@code SAP-Connectivity-Authentication: Bearer <user JWT>},
     * else the technical user (client) of {@code SAP-Connectivity-Technical-Authentication}. The real Cloud Connector
     * issues a short-lived X.509 certificate with subject {@code CN=<user>} (its default pattern); the sandbox passes
     * that subject to the backend in {@link BackendForwarder#PRINCIPAL_HEADER}.
     *
     * @throws IllegalArgumentException when a propagation header carries no valid token (answered 401; SAP does not
     *                                  document this status)
     */
    private String principal(TokenAuthority.VerifiedToken proxyToken, String zone, HttpWire.Head head) {
        if (proxyToken != null && proxyToken.isUserToken()) {
            return proxyToken.userName();
        }
        String user = head.header("SAP-Connectivity-Authentication");
        if (user != null) {
            return authority.verify(TokenAuthority.bearer(user))
                    .filter(TokenAuthority.VerifiedToken::isUserToken)
                    .filter(t -> zone.equals(t.zoneId()))
                    .map(TokenAuthority.VerifiedToken::userName)
                    .orElseThrow(() -> new IllegalArgumentException("Principal propagation failed: the"
                            + " SAP-Connectivity-Authentication header carries no valid user token of this subaccount"));
        }
        String technical = head.header("SAP-Connectivity-Technical-Authentication");
        if (technical != null) {
            return authority.verify(TokenAuthority.bearer(technical))
                    .filter(t -> zone.equals(t.zoneId()))
                    .map(t -> t.isUserToken() ? t.userName() : t.clientId())
                    .orElseThrow(() -> new IllegalArgumentException("Technical user propagation failed: the"
                            + " SAP-Connectivity-Technical-Authentication header carries no valid token of this subaccount"));
        }
        return null;
    }

    /**
     * The Cloud Connectors of the subaccount of a token's zone: the connectivity token decides the subaccount, hence
     * the Cloud Connector [consuming-the-connectivity-service-313b215] — the provider's for the provider's zone, a
     * subscriber's own for a subscribed tenant's zone; {@code null} for an unknown zone (answered 503).
     */
    private CloudConnector cloudConnectorsOf(String zone) {
        if (subaccountId.equals(zone)) {
            return cloudConnector;
        }
        return tenants.byZoneId(zone).map(Tenants.Tenant::cloudConnector).orElse(null);
    }

    /** Answers a request that is not forwarded, keeping the connection when its body can be skipped. */
    private static final class Rejection {
        private final HttpWire.Head head;
        private final HttpWire.Framing framing;
        private final HttpWire wire;
        private final OutputStream out;
        private final boolean keepAlive;

        Rejection(HttpWire.Head head, HttpWire.Framing framing, HttpWire wire, OutputStream out, boolean keepAlive) {
            this.head = head;
            this.framing = framing;
            this.wire = wire;
            this.out = out;
            this.keepAlive = keepAlive;
        }

        boolean send(int status, String message, String... extraHeader) throws IOException {
            // a client waiting for "100 Continue" has not sent its body: answer and close instead of reading it
            boolean stayOpen = keepAlive && !(framing.present() && head.hasToken("Expect", "100-continue"));
            if (stayOpen && framing.present()) {
                try {
                    wire.readBody(framing, MAX_BODY_BYTES);
                } catch (HttpWire.BadMessageException e) {
                    stayOpen = false;
                }
            }
            List<String[]> headers = new ArrayList<>(TEXT);
            for (int i = 0; i + 1 < extraHeader.length; i += 2) {
                headers.add(new String[] {extraHeader[i], extraHeader[i + 1]});
            }
            HttpResponseWriter.write(out, status, headers, bytes(message), !head.method().equals("HEAD"), !stayOpen);
            return stayOpen;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What one client connection remembers between its requests. */
    private static final class Connection {
        private final Socket socket;
        private final Set<CloudConnector.Connector> carriers = ConcurrentHashMap.newKeySet();
        private String firstUser;

        Connection(Socket socket) {
            this.socket = socket;
        }

        /**
         * Marks the connection as running through {@code connector}'s serving instance, so that a failover closes it;
         * {@code false} when a failover happened since {@code generation} was read.
         */
        boolean carriedBy(CloudConnector.Connector connector, long generation) {
            if (!connector.carry(socket, generation)) {
                return false;
            }
            carriers.add(connector);
            return true;
        }

        void release() {
            carriers.forEach(connector -> connector.release(socket));
        }

        /** The user a request logs on as: its own, or with {@code bound} the first user seen on this connection. */
        String logOn(String principal, boolean bound) {
            if (principal != null && firstUser == null) {
                firstUser = principal;
            }
            return bound && firstUser != null ? firstUser : principal;
        }
    }

    /**
     * A fault for tests: every request on a client connection is logged on as the first user propagated on it — the
     * Cloud Connector side SAP's JavaScript SDK met (cloud-sdk-js #6715: 403s with principal propagation once pooled
     * connections were shared across users). SAP documents per-request authentication; a client that reuses one
     * keep-alive connection for several users shows up as a user arriving as another.
     */
    public void bindConnectionsToFirstUser(boolean bind) {
        this.bindsConnectionsToFirstUser = bind;
    }

    /** Client connections accepted since the start. */
    public long acceptedConnections() {
        return acceptedConnections.get();
    }

    /** Client connections open now (accepted and not yet closed by either side). */
    public int openConnections() {
        return openSockets.size();
    }

    /** The most client connections that were open at the same time since the start. */
    public int mostOpenConnections() {
        return mostOpenConnections.get();
    }

    /** Trusted mode: requests need no connectivity token (Kyma's proxy, dedicated to one subaccount). */
    void faults(Faults faults) {
        this.faults = faults;
    }

    public void trustedMode(boolean trusted) {
        this.trustedMode = trusted;
    }

    /** With {@link #trustedMode}: several tenants, each request naming its own with {@link #SERVICE_TOKEN_HEADER}. */
    public void multiTenant(boolean multiTenant) {
        this.multiTenant = multiTenant;
    }

    @Override
    public void close() {
        closed = true;
        Loopback.closeQuietly(serverSocket);
        openSockets.forEach(Loopback::closeQuietly);
        workers.shutdownNow();
        forwarder.close();
    }
}
