package io.github.camelbtp.connectivity.socks;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.CloudConnectorException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A socket that reaches its target through the Connectivity Service's SOCKS5 proxy with SAP's authentication method
 * {@code 0x80} [using-the-tcp-protocol-for-cloud-applications-cd15837]. {@link #connect(SocketAddress, int)}
 * connects to the proxy, runs the handshake for the requested (virtual) host and port and returns a socket whose
 * streams reach the backend. The target is sent as a host name (address type DOMAIN) unless it is an IPv4 literal:
 * virtual hosts only exist in the Cloud Connector, so they are never resolved locally.
 * <p>
 * With a connectivity token the greeting is exactly SAP's {@code 05 01 80}. A proxy in trusted mode (no token) is
 * offered {@code 05 02 00 80}: "no authentication" first, SAP's method second, and the socket follows the proxy's
 * choice — {@code 0x00} goes straight to CONNECT, {@code 0x80} fails clearly since there is no token to send.
 * <p>
 * <b>Cloud Connector failover.</b> While a Cloud Connector's shadow instance takes over, no Cloud Connector is
 * connected and the proxy answers the CONNECT with reply {@code 03} [using-the-tcp-protocol-for-cloud-applications-cd15837,
 * configure-access-control-http-e7d4927: high availability]; a proxy instance going away closes the connection during
 * the handshake. Both happen before any byte of the caller reached the backend, so {@code connect} tries again, each
 * time on a fresh TCP connection to the proxy, with {@link FailoverBackoff}'s waits, while its failures stay within
 * the factory's failover retry window and the connect timeout (one deadline for every attempt). This is why the
 * socket delegates to the connection of the attempt that succeeded rather than being that connection: Jakarta Mail,
 * the UnboundID SDK and the TCP client create the socket unconnected and connect it once, and a {@code java.net.Socket}
 * cannot connect again after a failed handshake. Once {@code connect} returned, nothing is ever sent again: a tunnel
 * that breaks later fails the caller's read or write.
 */
final class SapSocks5Socket extends Socket {

    private static final int VERSION = 0x05;
    private static final int METHOD_NO_AUTHENTICATION = 0x00;
    private static final int METHOD_SAP = 0x80;
    private static final int NO_ACCEPTABLE_METHOD = 0xFF;
    private static final int AUTH_VERSION = 0x01;
    private static final int CMD_CONNECT = 0x01;
    private static final int ATYP_IPV4 = 0x01;
    private static final int ATYP_DOMAIN = 0x03;
    private static final int ATYP_IPV6 = 0x04;

    private final SapSocks5SocketFactory factory;
    /** The established tunnel: the proxy connection of the attempt whose handshake succeeded. */
    private volatile Socket tunnel;
    private volatile boolean closed;
    /** Options set before {@code connect}, given to every attempt's connection. */
    private int soTimeout;
    private boolean tcpNoDelay;
    private boolean keepAlive;
    private SocketAddress target;
    /** When the connect and handshake must be done ({@link System#nanoTime()}), and how long that was from the start. */
    private long deadlineNanos;
    private int handshakeTimeoutMillis;
    /** The connection of the attempt under way (closed by {@link #close()} too). */
    private volatile Socket attempt;

    SapSocks5Socket(SapSocks5SocketFactory factory) {
        this.factory = factory;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public synchronized void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (!(endpoint instanceof InetSocketAddress address)) {
            throw new IllegalArgumentException("unsupported address type: " + endpoint);
        }
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        if (tunnel != null) {
            throw new SocketException("already connected");
        }
        String host = address.getHostString();
        int port = address.getPort();
        // before the token and the proxy: a target that cannot be encoded must not cost a connection
        var problem = TargetHost.problem(host);
        if (problem.isPresent()) {
            throw new CloudConnectorSocketException(new CloudConnectorException(factory.destinationName(),
                    factory.locationId(), -1, "Destination '" + factory.destinationName() + "': cannot ask the"
                    + " Connectivity SOCKS5 proxy for a connection to " + host.substring(0, Math.min(host.length(), 60))
                    + ":" + port + ": " + problem.get() + ". Correct the destination's host (Address, ldap.url or"
                    + " mail.*.host) to the virtual host of the Cloud Connector's system mapping."));
        }
        int connectTimeout = timeout > 0 ? timeout : factory.connectTimeoutMillis();
        // one deadline for connecting to the proxy and the whole handshake, over all attempts: a proxy that trickles
        // its answers byte by byte must not hold the caller for a timeout per byte
        this.handshakeTimeoutMillis = connectTimeout;
        long start = System.nanoTime();
        this.deadlineNanos = start + TimeUnit.MILLISECONDS.toNanos(connectTimeout);
        long windowNanos = factory.failoverRetryWindow().toNanos();
        long firstFailure = 0;
        for (int retries = 0; ; retries++) {
            try {
                this.tunnel = attempt(host, port, connectTimeout);
                this.target = InetSocketAddress.createUnresolved(host, port);
                return;
            } catch (CloudConnectorSocketException e) {
                if (!failover(e) || closed) {
                    throw retries == 0 ? e : afterRetries(e, retries);
                }
                long now = System.nanoTime();
                firstFailure = retries == 0 ? now : firstFailure;
                Duration wait = FailoverBackoff.before(retries + 1);
                // within the window (the last wait may end one backoff after it) and never past the deadline
                if (now - firstFailure >= windowNanos || now + wait.toNanos() >= deadlineNanos) {
                    throw retries == 0 ? e : afterRetries(e, retries);
                }
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * One attempt: a fresh connection to the proxy and the handshake on it; the established connection, or a
     * {@link CloudConnectorSocketException} with the connection closed.
     */
    private Socket attempt(String host, int port, int connectTimeout) throws IOException {
        // the token first (from the engine's cache): a failing token service must not leave a half-open proxy
        // connection behind
        String token = null;
        if (!factory.trusted()) {
            try {
                token = factory.token();
            } catch (BtpConnectivityException e) {
                throw new CloudConnectorSocketException(e);
            }
        }
        Socket socket = new Socket();
        this.attempt = socket;
        try {
            socket.setTcpNoDelay(tcpNoDelay);
            socket.setKeepAlive(keepAlive);
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            try {
                if (left <= 0) {
                    throw new SocketTimeoutException("connect deadline passed");
                }
                socket.connect(new InetSocketAddress(factory.proxyHost(), factory.proxyPort()), (int) left);
            } catch (SocketTimeoutException e) {
                throw new CloudConnectorSocketException(new CloudConnectorException(factory.destinationName(),
                        factory.locationId(), -1, "Cannot connect to the Connectivity SOCKS5 proxy at " + factory.proxyHost()
                        + ":" + factory.proxyPort() + " for " + host + ":" + port + " (destination '"
                        + factory.destinationName() + "') within the connect timeout of " + connectTimeout + " ms. Check"
                        + " onpremise_proxy_host and onpremise_socks5_proxy_port of the connectivity binding and the network"
                        + " path to the proxy."));
            }
            handshake(socket, token, host, port);
            socket.setSoTimeout(soTimeout);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        } finally {
            this.attempt = null;
        }
    }

    /**
     * Whether a failed attempt is what a Cloud Connector failover looks like, before anything of the caller was sent:
     * reply {@code 03} (no Cloud Connector connected for the location), or the proxy closing or resetting the
     * connection during the handshake. Refusals (02, 04, 05, …), timeouts and a proxy that cannot be reached are not.
     */
    private static boolean failover(CloudConnectorSocketException e) {
        CloudConnectorException refusal = e.cloudConnectorException();
        if (refusal == null) {
            return false;
        }
        return refusal.status() == SocksReply.NETWORK_UNREACHABLE
                || refusal.status() == SocksReply.GENERAL_FAILURE && e.getCause().getCause() instanceof HandshakeBroken;
    }

    /** The last attempt's failure, saying how many times the connect was tried again. */
    private CloudConnectorSocketException afterRetries(CloudConnectorSocketException last, int retries) {
        CloudConnectorException refusal = last.cloudConnectorException();
        if (refusal == null) {
            return last; // the connectivity token could not be obtained: its TokenException says why
        }
        return new CloudConnectorSocketException(new CloudConnectorException(refusal.destinationName(),
                refusal.locationId(), refusal.status(), refusal.getMessage() + " The connect was tried again " + retries
                + (retries == 1 ? " time" : " times") + " (nothing had been sent to the backend) within the failover"
                + " retry window of " + factory.failoverRetryWindow().toMillis() + " ms (failoverRetryWindow) and the"
                + " connect timeout of " + handshakeTimeoutMillis + " ms" + (failover(last)
                ? ": Cloud Connector failover in progress or disconnected." : "; the last attempt failed as above."),
                refusal));
    }

    private void handshake(Socket socket, String token, String host, int port) throws IOException {
        String target = host + ":" + port;
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        try {
            // 1. greeting: SAP's 05 01 80 [using-the-tcp-protocol-for-cloud-applications-cd15837]; in trusted mode SAP
            // documents no handshake, so "no authentication" is offered too and the proxy chooses (RFC 1928)
            out.write(factory.trusted() ? new byte[] { VERSION, 2, METHOD_NO_AUTHENTICATION, (byte) METHOD_SAP }
                    : new byte[] { VERSION, 1, (byte) METHOD_SAP });
            out.flush();
            int version = readByte(socket, in);
            int method = readByte(socket, in);
            checkMethod(version, method);
            if (method == METHOD_SAP) {
                authenticate(socket, token, in, out, target);
            }
            // 3. RFC 1928 CONNECT
            byte[] request;
            if (TargetHost.IPV4.matcher(host).matches()) {
                ByteBuffer b = ByteBuffer.allocate(10).put((byte) VERSION).put((byte) CMD_CONNECT).put((byte) 0)
                        .put((byte) ATYP_IPV4);
                for (String part : host.split("\\.")) {
                    b.put((byte) Integer.parseInt(part));
                }
                request = b.putShort((short) port).array();
            } else {
                byte[] name = host.getBytes(StandardCharsets.US_ASCII); // checked by TargetHost in connect
                request = ByteBuffer.allocate(7 + name.length).put((byte) VERSION).put((byte) CMD_CONNECT).put((byte) 0)
                        .put((byte) ATYP_DOMAIN).put((byte) name.length).put(name).putShort((short) port).array();
            }
            out.write(request);
            out.flush();
            int replyVersion = readByte(socket, in);
            int reply = readByte(socket, in);
            readByte(socket, in); // reserved
            int atyp = readByte(socket, in);
            // RFC 1928 section 6: a reply is version 5 with a known address type; anything else is not a SOCKS5 proxy
            // (or one out of step with us), and a "success" we cannot parse must not hand its bytes to the caller
            if (replyVersion != VERSION || atyp != ATYP_IPV4 && atyp != ATYP_IPV6 && atyp != ATYP_DOMAIN) {
                throw new CloudConnectorSocketException(new CloudConnectorException(factory.destinationName(),
                        factory.locationId(), SocksReply.GENERAL_FAILURE, "The Connectivity SOCKS5 proxy at "
                        + factory.proxyHost() + ":" + factory.proxyPort() + " answered the CONNECT for " + target
                        + " (destination '" + factory.destinationName() + "') with a reply that is not SOCKS5 (version "
                        + replyVersion + ", address type " + atyp + "). Check that onpremise_socks5_proxy_port of the"
                        + " connectivity binding is the Connectivity Service's SOCKS5 port (20004 on Kyma)."));
            }
            int skip = switch (atyp) {
                case ATYP_IPV4 -> 4;
                case ATYP_IPV6 -> 16;
                default -> readByte(socket, in);
            };
            for (int i = 0; i < skip + 2; i++) {
                readByte(socket, in);
            }
            if (reply != SocksReply.SUCCEEDED) {
                throw new CloudConnectorSocketException(SocksReply.exception(factory.destinationName(), factory.locationId(),
                        target, reply));
            }
        } catch (EOFException e) {
            throw new CloudConnectorSocketException(new CloudConnectorException(factory.destinationName(),
                    factory.locationId(), SocksReply.GENERAL_FAILURE, "The Connectivity SOCKS5 proxy at "
                    + factory.proxyHost() + ":" + factory.proxyPort() + " closed the connection during the handshake for "
                    + target + " (destination '" + factory.destinationName() + "'). Check the connectivity binding's"
                    + " onpremise_socks5_proxy_port and the proxy's availability.", new HandshakeBroken(e)));
        } catch (SocketTimeoutException e) {
            throw new CloudConnectorSocketException(new CloudConnectorException(factory.destinationName(),
                    factory.locationId(), -1, "The Connectivity SOCKS5 proxy at " + factory.proxyHost() + ":"
                    + factory.proxyPort() + " did not finish the handshake for " + target + " (destination '"
                    + factory.destinationName() + "') within the connect timeout of " + handshakeTimeoutMillis + " ms"
                    + " (for connecting and the whole handshake, not per read). Check that onpremise_socks5_proxy_port of the connectivity"
                    + " binding is the SOCKS5 port (not the HTTP proxy port) and the proxy's availability."));
        } catch (CloudConnectorSocketException e) {
            throw e;
        } catch (IOException e) {
            // a reset or another transport failure mid-handshake: the JDK's message names no destination or hop
            throw new CloudConnectorSocketException(new CloudConnectorException(factory.destinationName(),
                    factory.locationId(), SocksReply.GENERAL_FAILURE, "The connection to the Connectivity SOCKS5 proxy at "
                    + factory.proxyHost() + ":" + factory.proxyPort() + " failed during the handshake for " + target
                    + " (destination '" + factory.destinationName() + "'): " + e.getMessage() + ". Check the proxy's"
                    + " availability and the connectivity binding's onpremise_socks5_proxy_port.", new HandshakeBroken(e)));
        }
    }

    /**
     * The proxy's choice of method: SAP's {@code 0x80} always, {@code 0x00} only when it was offered (trusted mode);
     * anything else is explained for the user.
     */
    private void checkMethod(int version, int method) throws CloudConnectorSocketException {
        String proxy = factory.proxyHost() + ":" + factory.proxyPort();
        String destination = factory.destinationName();
        boolean offered = method == METHOD_SAP || method == METHOD_NO_AUTHENTICATION && factory.trusted();
        if (version == VERSION && offered && !(method == METHOD_SAP && factory.trusted())) {
            return;
        }
        if (version == VERSION && method == METHOD_SAP) {
            throw new CloudConnectorSocketException(new CloudConnectorException(destination, factory.locationId(), -1,
                    "The Connectivity SOCKS5 proxy at " + proxy + " chose SAP's authentication method 0x80 for"
                    + " destination '" + destination + "', which needs a connectivity token, but the engine uses this"
                    + " proxy in trusted mode (no client credentials): the proxy's SOCKS5 server has proxy authorization"
                    + " enabled. Bind the Connectivity Service with client credentials, or run the proxy in trusted mode"
                    + " (config.servers.proxy.socks5.enableProxyAuthorization: false)."));
        }
        if (version == VERSION && method == NO_ACCEPTABLE_METHOD) {
            throw new CloudConnectorSocketException(new CloudConnectorException(destination, factory.locationId(), -1,
                    "The Connectivity SOCKS5 proxy at " + proxy + " accepted none of the offered authentication methods ("
                    + (factory.trusted() ? "0x00 \"no authentication\" and SAP's 0x80" : "SAP's 0x80") + ") for"
                    + " destination '" + destination + "' (answered 05 FF). " + (factory.trusted()
                    ? "Check that the proxy runs in trusted mode and that the SOCKS5 port (20004 on Kyma) is configured."
                    : "Check that onpremise_socks5_proxy_port of the connectivity binding is the Connectivity Service's"
                    + " SOCKS5 port (20004 on Kyma).")));
        }
        throw new CloudConnectorSocketException(new CloudConnectorException(destination, factory.locationId(), -1,
                "The proxy at " + proxy + " did not accept SAP's SOCKS5 authentication method 0x80 for destination '"
                + destination + "' (answered version " + version + ", method " + method + "). Check that"
                + " onpremise_socks5_proxy_port of the connectivity binding is the SOCKS5 port (20004 on Kyma), not the"
                + " HTTP proxy port."));
    }

    /**
     * SAP's authentication (method {@code 0x80}): {@code 01}, the JWT's length (4 bytes big-endian), the JWT, the
     * length of the Base64 location ID and its bytes; the proxy answers {@code 01 00} on success
     * [using-the-tcp-protocol-for-cloud-applications-cd15837].
     */
    private void authenticate(Socket socket, String token, InputStream in, OutputStream out, String target)
            throws IOException {
        // 2. authentication: 01, JWT length (4 bytes big-endian), JWT, length of the Base64 location ID, its bytes
        byte[] jwt = token.getBytes(StandardCharsets.US_ASCII);
        byte[] location = factory.locationId().isEmpty() ? new byte[0]
                : Base64.getEncoder().encode(factory.locationId().getBytes(StandardCharsets.UTF_8));
        if (location.length > 255) {
            throw new CloudConnectorSocketException(new CloudConnectorException(factory.destinationName(),
                    factory.locationId(), -1, "Destination '" + factory.destinationName() + "': the Base64 form of"
                    + " CloudConnectorLocationId is longer than 255 bytes, which SAP's SOCKS5 authentication cannot"
                    + " carry. Use the location ID configured in the Cloud Connector."));
        }
        ByteBuffer auth = ByteBuffer.allocate(1 + 4 + jwt.length + 1 + location.length);
        auth.put((byte) AUTH_VERSION).putInt(jwt.length).put(jwt).put((byte) location.length).put(location);
        out.write(auth.array());
        out.flush();
        int authVersion = readByte(socket, in);
        int authStatus = readByte(socket, in);
        if (authVersion != AUTH_VERSION || authStatus != 0) {
            throw new CloudConnectorSocketException(new CloudConnectorException(factory.destinationName(),
                    factory.locationId(), SocksReply.AUTHENTICATION_FAILED, "The Connectivity SOCKS5 proxy rejected"
                    + " the authentication for destination '" + factory.destinationName() + "' via "
                    + SocksReply.where(factory.locationId()) + " (answer " + String.format("%02X %02X", authVersion,
                    authStatus) + "): the connectivity token is missing, expired or not issued for this"
                    + " subaccount's Connectivity Service. " + SocksReply.fix(SocksReply.AUTHENTICATION_FAILED)));
        }
    }

    /** One byte of the proxy's answer, waiting no longer than what is left of the deadline. */
    private int readByte(Socket socket, InputStream in) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left <= 0) {
            throw new SocketTimeoutException("SOCKS5 handshake deadline passed");
        }
        socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    /** The proxy closed or reset the connection during the handshake: before anything of the caller was sent. */
    private static final class HandshakeBroken extends IOException {
        HandshakeBroken(IOException cause) {
            super(cause.getClass().getSimpleName(), cause);
        }
    }

    private Socket tunnel() throws SocketException {
        Socket s = tunnel;
        if (s == null) {
            throw new SocketException(closed ? "Socket is closed" : "Socket is not connected");
        }
        return s;
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        if (bindpoint != null) {
            throw new SocketException("a socket through the Cloud Connector has no local address to bind");
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return tunnel().getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return tunnel().getOutputStream();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout < 0");
        }
        soTimeout = timeout;
        Socket s = tunnel;
        if (s != null) {
            s.setSoTimeout(timeout);
        }
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        Socket s = tunnel;
        return s != null ? s.getSoTimeout() : soTimeout;
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        tcpNoDelay = on;
        Socket s = tunnel;
        if (s != null) {
            s.setTcpNoDelay(on);
        }
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        Socket s = tunnel;
        return s != null ? s.getTcpNoDelay() : tcpNoDelay;
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        keepAlive = on;
        Socket s = tunnel;
        if (s != null) {
            s.setKeepAlive(on);
        }
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        Socket s = tunnel;
        return s != null ? s.getKeepAlive() : keepAlive;
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        tunnel().setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return tunnel().getSoLinger();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        Socket s = tunnel;
        if (s != null) {
            s.setSendBufferSize(size);
        }
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return tunnel().getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        Socket s = tunnel;
        if (s != null) {
            s.setReceiveBufferSize(size);
        }
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return tunnel().getReceiveBufferSize();
    }

    @Override
    public void shutdownInput() throws IOException {
        tunnel().shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        tunnel().shutdownOutput();
    }

    @Override
    public boolean isInputShutdown() {
        Socket s = tunnel;
        return s != null && s.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        Socket s = tunnel;
        return s != null && s.isOutputShutdown();
    }

    @Override
    public boolean isConnected() {
        return tunnel != null;
    }

    @Override
    public boolean isBound() {
        return tunnel != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        Socket pending = attempt;
        if (pending != null) {
            pending.close();
        }
        Socket s = tunnel;
        if (s != null) {
            s.close();
        }
    }

    /** The proxy's address, as a socket connected through a SOCKS proxy reports it. */
    @Override
    public InetAddress getInetAddress() {
        Socket s = tunnel;
        return s == null ? null : s.getInetAddress();
    }

    @Override
    public int getPort() {
        Socket s = tunnel;
        return s == null ? 0 : s.getPort();
    }

    @Override
    public InetAddress getLocalAddress() {
        Socket s = tunnel;
        return s == null ? InetAddress.getLoopbackAddress() : s.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        Socket s = tunnel;
        return s == null ? -1 : s.getLocalPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        Socket s = tunnel;
        return s == null ? null : s.getLocalSocketAddress();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return target;
    }

    @Override
    public String toString() {
        return "SapSocks5Socket[target=" + target + ", proxy=" + factory.proxyHost() + ":" + factory.proxyPort()
                + ", connected=" + isConnected() + "]";
    }
}
