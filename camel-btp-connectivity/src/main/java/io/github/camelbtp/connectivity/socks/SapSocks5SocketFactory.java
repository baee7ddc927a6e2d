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

    /**
     * @param proxyHost       {@code onpremise_proxy_host} of the connectivity binding
     * @param proxyPort       {@code onpremise_socks5_proxy_port}
     * @param token           supplies a valid connectivity token (the JWT alone, no "Bearer ")
     * @param locationId      {@code CloudConnectorLocationId}, empty for the connector without one
     * @param destinationName for messages
     * @param connectTimeout  connect and handshake timeout when the caller gives none
     */
    public SapSocks5SocketFactory(String proxyHost, int proxyPort, Supplier<String> token, String locationId,
            String destinationName, Duration connectTimeout) {
        this.proxyHost = Objects.requireNonNull(proxyHost, "proxyHost");
        this.proxyPort = proxyPort;
        this.token = Objects.requireNonNull(token, "token");
        this.locationId = locationId == null ? "" : locationId;
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

    String token() {
        return token.get();
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

    @Override
    public String toString() {
        return "SapSocks5SocketFactory[proxy=" + proxyHost + ":" + proxyPort + ", locationId='" + locationId
                + "', destination=" + destinationName + "]";
    }
}
