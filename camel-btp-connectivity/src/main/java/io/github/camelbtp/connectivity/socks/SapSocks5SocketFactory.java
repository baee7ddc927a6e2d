package io.github.camelbtp.connectivity.socks;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link SocketFactory} whose sockets reach on-premise systems through the Connectivity Service's SOCKS5 proxy
 * and the Cloud Connector, authenticating with SAP's method {@code 0x80}: the connectivity token (JWT) and the
 * Base64-encoded location ID [using-the-tcp-protocol-for-cloud-applications-cd15837]. Usable by any library that
 * accepts a socket factory (Jakarta Mail's {@code mail.smtp.socketFactory}, the UnboundID LDAP SDK, plain code).
 * <p>
 * Without a token supplier the factory talks to a proxy in <em>trusted mode</em> (Kyma's Connectivity proxy with
 * {@code config.servers.proxy.socks5.enableProxyAuthorization} off [configuration-guide-eaa8204,
 * operational-modes-148bbad]): SAP documents no SOCKS5 handshake for that mode, so the greeting offers RFC 1928's
 * "no authentication" ({@code 0x00}) besides {@code 0x80} and the socket follows the method the proxy selects.
 * <p>
 * The token is asked for on every connect (from the engine's token cache), so pooled clients that reconnect
 * hours later still authenticate with a valid one. A refusal arrives as a {@link CloudConnectorSocketException}
 * whose cause is the {@code CloudConnectorException} with SAP's meaning of the reply code. Thread-safe.
 * {@code toString()} never shows the token.
 */
public final class SapSocks5SocketFactory extends SocketFactory {

    private final String proxyHost;
    private final int proxyPort;
    private final Supplier<String> token;
    private final String locationId;
    private final String destinationName;
    private final int connectTimeoutMillis;
    private final Duration failoverRetryWindow;

    /**
     * @param proxyHost       {@code onpremise_proxy_host} of the connectivity binding
     * @param proxyPort       {@code onpremise_socks5_proxy_port}
     * @param token           supplies a valid connectivity token (the JWT alone, no "Bearer "); {@code null} for a
     *                        proxy in trusted mode (no connectivity token)
     * @param locationId      {@code CloudConnectorLocationId}, empty for the connector without one; must be empty
     *                        without a token, since only SAP's method {@code 0x80} carries it
     * @param destinationName for messages
     * @param connectTimeout  connect and handshake timeout when the caller gives none
     */
    public SapSocks5SocketFactory(String proxyHost, int proxyPort, Supplier<String> token, String locationId,
            String destinationName, Duration connectTimeout) {
        this(proxyHost, proxyPort, token, locationId, destinationName, connectTimeout, Duration.ZERO);
    }

    /**
     * As {@link #SapSocks5SocketFactory(String, int, Supplier, String, String, Duration)}, with connect attempts that
     * ride out a Cloud Connector failover: a CONNECT answered {@code 03} (no Cloud Connector connected) or a proxy
     * closing the connection during the handshake — before anything of the caller was sent — is tried again on a
     * fresh connection while such failures stay within {@code failoverRetryWindow} and the connect timeout.
     *
     * @param failoverRetryWindow how long failover failures of the connect are retried; zero: never
     */
    public SapSocks5SocketFactory(String proxyHost, int proxyPort, Supplier<String> token, String locationId,
            String destinationName, Duration connectTimeout, Duration failoverRetryWindow) {
        if (failoverRetryWindow == null || failoverRetryWindow.isNegative()) {
            throw new IllegalArgumentException("failoverRetryWindow must be zero or positive: " + failoverRetryWindow);
        }
        this.failoverRetryWindow = failoverRetryWindow;
        this.proxyHost = Objects.requireNonNull(proxyHost, "proxyHost");
        this.proxyPort = proxyPort;
        this.token = token;
        this.locationId = locationId == null ? "" : locationId;
        if (token == null && !this.locationId.isEmpty()) {
            throw new IllegalArgumentException("a location ID travels only in SAP's SOCKS5 authentication (0x80),"
                    + " which needs a connectivity token");
        }
        this.destinationName = destinationName;
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
    }

    /** An unconnected socket; {@code connect(address)} runs the SOCKS5 handshake for that address. */
    @Override
    public Socket createSocket() {
        return new SapSocks5Socket(this);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(InetSocketAddress.createUnresolved(host, port), connectTimeoutMillis);
        return socket;
    }

    /** The local address cannot be chosen: the socket always starts at the proxy. */
    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }

    String proxyHost() {
        return proxyHost;
    }

    int proxyPort() {
        return proxyPort;
    }

    /** The connectivity token; only called when {@link #trusted()} is false. */
    String token() {
        return token.get();
    }

    /** Whether the proxy runs in trusted mode: no connectivity token, "no authentication" offered too. */
    boolean trusted() {
        return token == null;
    }

    /** The location ID sent in the authentication step ({@code ""}: none). */
    public String locationId() {
        return locationId;
    }

    String destinationName() {
        return destinationName;
    }

    int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /** How long failover failures of a connect are retried; zero: never. */
    Duration failoverRetryWindow() {
        return failoverRetryWindow;
    }

    @Override
    public String toString() {
        return "SapSocks5SocketFactory[proxy=" + proxyHost + ":" + proxyPort + (trusted() ? " (trusted mode)" : "")
                + ", locationId='" + locationId + "', destination=" + destinationName + "]";
    }
}
