package io.github.camelbtp.sandbox.connectivity;

import io.github.camelbtp.sandbox.destination.Tenants;
import io.github.camelbtp.sandbox.observe.Faults;
import io.github.camelbtp.sandbox.token.TokenAuthority;
import io.github.camelbtp.sandbox.wire.Loopback;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connectivity Service's SOCKS5 proxy (MAIL, LDAP, TCP to on-premise systems) with SAP's authentication method
 * {@code 0x80} [using-the-tcp-protocol-for-cloud-applications-cd15837] and the Cloud Connector's virtual host
 * mapping behind it. Checks, in order:
 * <ol>
 * <li>greeting {@code 05 n methods} must offer {@code 80}, else {@code 05 FF} and close;</li>
 * <li>authentication {@code 01, JWT length (4 bytes), JWT, location length, Base64 location}: a JWT this sandbox's
 * token service did not issue, or that expired, is answered {@code 01 01} and the connection closed;
 * a location ID that is not valid Base64 likewise;</li>
 * <li>CONNECT: a command other than CONNECT gets {@code 07}, an address type other than IPv4/DOMAIN {@code 08}; a
 * valid token of another client or subaccount {@code 05}; no connected Cloud Connector with that location ID
 * {@code 03}; virtual host:port not mapped {@code 02} (audited); the internal system refusing the connection
 * {@code 04}; then {@code 00} and the bytes flow both ways.</li>
 * </ol>
 * Code {@code 01} (general failure) is not produced by any check; {@link #answerNextConnectWith(int)} forces any
 * reply code for tests.
 * <p>
 * In trusted mode (Kyma's Connectivity proxy with {@code config.servers.proxy.socks5.enableProxyAuthorization} off
 * [configuration-guide-eaa8204, operational-modes-148bbad]) proxy authorization is disabled: a greeting offering
 * RFC 1928's "no authentication" ({@code 00}) is answered {@code 05 00} and goes straight to CONNECT, as the
 * subaccount's, through the Cloud Connector without a location ID. SAP's {@code 80} is still accepted there: its
 * location ID selects the connector, and its token is not checked (authorization is off). Outside trusted mode only
 * {@code 80} is selected; a greeting without it is answered {@code 05 FF} (RFC 1928).
 */
public final class Socks5Proxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Socks5Proxy.class);
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;

    private final TokenAuthority authority;
    private final String connectivityClientId;
    private final String subaccountId;
    private final CloudConnector cloudConnector;
    private final Tenants tenants;
    private final ServerSocket serverSocket;
    private final ExecutorService workers;
    private final Thread acceptor;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tunnels = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicReference<Integer> forcedReply = new AtomicReference<>();
    private volatile String lastLocationId;
    private volatile Integer lastMethod;
    private volatile boolean trustedMode;
    /** The sandbox's fault switches (handshake cut); none until set. */
    private volatile Faults faults = new Faults();
    private volatile boolean closed;

    Socks5Proxy(TokenAuthority authority, String connectivityClientId, String subaccountId, CloudConnector cloudConnector,
            Tenants tenants) {
        this.tenants = tenants;
        this.authority = authority;
        this.connectivityClientId = connectivityClientId;
        this.subaccountId = subaccountId;
        this.cloudConnector = cloudConnector;
        this.workers = Executors.newCachedThreadPool(Loopback.daemonThreads("sandbox-socks5"));
        this.serverSocket = Loopback.serverSocket(128, "SOCKS5 proxy");
        this.acceptor = new Thread(this::acceptLoop, "sandbox-socks5-acceptor");
        acceptor.setDaemon(true);
    }

    public Socks5Proxy start() {
        acceptor.start();
        return this;
    }

    /** The proxy's port ({@code onpremise_socks5_proxy_port} of the connectivity binding). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** How many tunnels were opened (CONNECT answered {@code 00}) since start or {@link #reset()}. */
    public int tunnels() {
        return tunnels.get();
    }

    /** How many connections were refused (authentication or CONNECT) since start or {@link #reset()}. */
    public int refusals() {
        return refusals.get();
    }

    /** The location ID (decoded) the last authenticated client sent, {@code ""} for none, {@code null} before any. */
    public String lastLocationId() {
        return lastLocationId;
    }

    /**
     * The authentication method this proxy selected for the last greeting it accepted ({@code 0x00} or
     * {@code 0x80}), {@code null} before any.
     */
    public Integer lastMethod() {
        return lastMethod;
    }

    /** Trusted mode: proxy authorization off, "no authentication" ({@code 0x00}) accepted besides {@code 0x80}. */
    void faults(Faults faults) {
        this.faults = faults;
    }

    public void trustedMode(boolean trusted) {
        this.trustedMode = trusted;
    }

    /** The next CONNECT, whatever it asks for, is answered with {@code replyCode} (after authentication). */
    public void answerNextConnectWith(int replyCode) {
        if (replyCode < 1 || replyCode > 255) {
            throw new IllegalArgumentException("a failure reply code is 1..255: " + replyCode);
        }
        forcedReply.set(replyCode);
    }

    /** Sets counters and forced answers back. */
    public void reset() {
        tunnels.set(0);
        refusals.set(0);
        forcedReply.set(null);
        lastLocationId = null;
        lastMethod = null;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                openSockets.add(socket);
                workers.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("SOCKS5 proxy stopped accepting connections", e);
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            client.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            // 1. greeting
            if (in.readUnsignedByte() != 5) {
                return;
            }
            int methods = in.readUnsignedByte();
            boolean sap = false;
            boolean none = false;
            for (int i = 0; i < methods; i++) {
                int method = in.readUnsignedByte();
                sap |= method == 0x80;
                none |= method == 0x00;
            }
            if (faults.socks5Cut() == Faults.SocksCut.AFTER_GREETING) {
                return;
            }
            boolean trusted = trustedMode;
            // trusted mode: authorization is off, so a client that offers "no authentication" gets it
            if (trusted && none) {
                lastMethod = 0x00;
                lastLocationId = "";
                out.write(new byte[] {5, 0x00});
                out.flush();
                serveConnect(client, in, out, null, "");
                return;
            }
            if (!sap) {
                // counted before the answer: a client that reads the refusal may check the count at once
                refusals.incrementAndGet();
                out.write(new byte[] {5, (byte) 0xFF});
                return;
            }
            lastMethod = 0x80;
            out.write(new byte[] {5, (byte) 0x80});
            out.flush();
            // 2. SAP authentication
            if (in.readUnsignedByte() != 1) {
                authFailed(out);
                return;
            }
            int jwtLength = in.readInt();
            if (jwtLength < 0 || jwtLength > 64 * 1024) {
                authFailed(out);
                return;
            }
            byte[] jwt = new byte[jwtLength];
            in.readFully(jwt);
            byte[] encodedLocation = new byte[in.readUnsignedByte()];
            in.readFully(encodedLocation);
            String locationId;
            try {
                locationId = new String(Base64.getDecoder().decode(encodedLocation), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                authFailed(out);
                return;
            }
            if (faults.socks5Cut() == Faults.SocksCut.AFTER_AUTHENTICATION) {
                return;
            }
            Optional<TokenAuthority.VerifiedToken> token = authority.verify(new String(jwt, StandardCharsets.US_ASCII));
            if (token.isEmpty() && !trusted) {
                authFailed(out);
                return;
            }
            lastLocationId = locationId;
            out.write(new byte[] {1, 0});
            out.flush();
            serveConnect(client, in, out, trusted ? null : token.get(), locationId);
        } catch (IOException e) {
            LOG.debug("SOCKS5 connection ended: {}", e.toString());
        } finally {
            closeQuietly(client);
        }
    }

    /**
     * Step 3, CONNECT, and then the tunnel. {@code token} is {@code null} in trusted mode: every connection is the
     * subaccount's.
     */
    private void serveConnect(Socket client, DataInputStream in, OutputStream out, TokenAuthority.VerifiedToken token,
            String locationId) {
        Socket backend = null;
        CloudConnector.Connector carrier = null;
        try {
            // 3. CONNECT
            in.readUnsignedByte();
            int command = in.readUnsignedByte();
            in.readUnsignedByte();
            int addressType = in.readUnsignedByte();
            String host;
            switch (addressType) {
                case 1 -> {
                    byte[] ip = new byte[4];
                    in.readFully(ip);
                    host = (ip[0] & 0xFF) + "." + (ip[1] & 0xFF) + "." + (ip[2] & 0xFF) + "." + (ip[3] & 0xFF);
                }
                case 3 -> {
                    byte[] name = new byte[in.readUnsignedByte()];
                    in.readFully(name);
                    host = new String(name, StandardCharsets.US_ASCII);
                }
                case 4 -> {
                    in.readFully(new byte[16]);
                    host = null;
                }
                default -> host = null;
            }
            int port = in.readUnsignedShort();
            Integer forced = forcedReply.getAndSet(null);
            if (forced != null) {
                reply(out, forced);
                return;
            }
            if (command != 1) {
                reply(out, 0x07);
                return;
            }
            if (host == null) {
                reply(out, 0x08);
                return;
            }
            // the token's zone picks the subaccount, hence its Cloud Connectors: the provider's, or a subscribed
            // tenant's own [consuming-the-connectivity-service-313b215]; no token (trusted mode): the provider's
            CloudConnector subaccountConnectors = token == null ? cloudConnector : cloudConnectorsOf(token.zoneId());
            if (token != null && (!connectivityClientId.equals(token.clientId()) || subaccountConnectors == null)) {
                reply(out, 0x05);
                return;
            }
            Optional<CloudConnector.Connector> connector = subaccountConnectors.find(locationId);
            // read before the check: a failover after it must still break this tunnel (Connector#carry)
            long generation = connector.map(CloudConnector.Connector::generation).orElse(0L);
            if (connector.isEmpty() || !connector.get().isConnected()) {
                reply(out, 0x03);
                return;
            }
            CloudConnector.Target target = connector.get().tcpTarget(host, port);
            if (target == null) {
                subaccountConnectors.deny(locationId, host, port, "", "virtual host " + host + ":" + port + " is not mapped");
                reply(out, 0x02);
                return;
            }
            backend = new Socket();
            try {
                backend.connect(new InetSocketAddress(target.internalHost(), target.internalPort()), 5_000);
            } catch (IOException e) {
                reply(out, 0x04);
                return;
            }
            openSockets.add(backend);
            // the tunnel runs through the location's serving instance: a failover breaks it (facts §8); a failover
            // since the check above leaves no instance connected: 03, as for a disconnected Cloud Connector
            if (!connector.get().carry(client, generation)) {
                reply(out, 0x03);
                return;
            }
            carrier = connector.get();
            // counted before the client can see the success reply, so a test that reads the count after its own
            // tunnel sees it, and a previous test's tunnel can never be counted after the next test's reset
            tunnels.incrementAndGet();
            out.write(new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
            out.flush();
            client.setSoTimeout(0);
            Socket internal = backend;
            java.util.concurrent.Future<?> back = workers.submit(() -> pump(internal, client));
            pump(client, internal);
            // the client finished sending: the answer may still be on its way back
            back.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | IOException e) {
            LOG.debug("SOCKS5 connection ended: {}", e.toString());
        } finally {
            if (carrier != null) {
                carrier.release(client);
            }
            closeQuietly(client);
            if (backend != null) {
                closeQuietly(backend);
            }
        }
    }

    private void authFailed(OutputStream out) throws IOException {
        refusals.incrementAndGet();
        out.write(new byte[] {1, 1});
        out.flush();
    }

    private void reply(OutputStream out, int code) throws IOException {
        refusals.incrementAndGet();
        out.write(new byte[] {5, (byte) code, 0, 1, 0, 0, 0, 0, 0, 0});
        out.flush();
    }

    /** Copies {@code from} to {@code to} until end of stream, then half-closes {@code to} so the peer sees EOF. */
    private void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private void closeQuietly(Socket socket) {
        openSockets.remove(socket);
        Loopback.closeQuietly(socket);
    }

    /** The Cloud Connectors of a zone's subaccount: the provider's, a subscribed tenant's, or {@code null} (unknown). */
    private CloudConnector cloudConnectorsOf(String zone) {
        if (subaccountId.equals(zone)) {
            return cloudConnector;
        }
        return tenants.byZoneId(zone).map(Tenants.Tenant::cloudConnector).orElse(null);
    }

    @Override
    public void close() {
        closed = true;
        Loopback.closeQuietly(serverSocket);
        for (Socket socket : openSockets) {
            closeQuietly(socket);
        }
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "Socks5Proxy[port=" + port() + ", tunnels=" + tunnels + "]";
    }
}
