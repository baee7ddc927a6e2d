package io.github.camelbtp.connectivity.socks;


import javax.net.SocketFactory;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Locale;

/**
 * TLS for MAIL and LDAP destinations beyond what the engine's {@link io.github.camelbtp.connectivity.tls.TlsMaterial}
 * gives (which turns the destination's {@code TrustStoreLocation}/{@code TrustStorePassword}, {@code TrustAll},
 * {@code HostnameVerifier} and {@code KeyStoreLocation}/{@code KeyStorePassword} into an SSL context and host name
 * check, as for HTTP destinations [server-certificate-authentication-e75d7f1]): TLS layered on the Cloud Connector
 * tunnel (beside {@link SapSocks5SocketFactory}, which opens that tunnel), and telling TLS failures apart with the
 * property that fixes them. Public because btp-destination's mail and LDAP transports use it; not an API for
 * applications.
 */
public final class SocketTls {

    private SocketTls() {
    }

    /** Whether {@code failure} is (or was caused by) a failed TLS handshake or certificate check. */
    public static boolean isTlsFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException
                    || t instanceof java.security.GeneralSecurityException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What to do about a TLS failure reaching {@code host}: the reason found in the cause chain (untrusted
     * certificate, a certificate for another host, a refused client certificate) and the destination property
     * that fixes it.
     */
    public static String advice(Throwable failure, String host) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        String text = messages.toString().toLowerCase(Locale.ROOT);
        if (text.contains("pkix") || text.contains("certification path") || text.contains("unable to find valid")) {
            return "The server's certificate is not signed by a CA in the JDK trust store or in the destination's trust"
                    + " store: upload the server's CA certificate (.crt, .der or a .jks trust store) to the destination and"
                    + " name it in TrustStoreLocation (with TrustStorePassword for .jks).";
        }
        if (text.contains("subject alternative") || text.contains("no name matching") || text.contains("does not name")
                || text.contains("doesn't match") || text.contains("server identity") || text.contains("hostname")
                || text.contains("host name")) {
            return "The server's certificate does not name the host '" + host + "': address the server by a name its"
                    + " certificate contains, or set HostnameVerifier=BrowserCompatible if the certificate has a wildcard"
                    + " that must match several labels (TrustAll=TRUE turns all checks off; for tests only).";
        }
        if (text.contains("bad_certificate") || text.contains("certificate_required") || text.contains("unknown_ca")
                || text.contains("certificate_unknown") || text.contains("access_denied")) {
            return "The server refused the client certificate (or wants one): set KeyStoreLocation and KeyStorePassword"
                    + " to a key store whose certificate the server trusts.";
        }
        return "Check the server's certificate against the destination's TrustStoreLocation and HostnameVerifier, and"
                + " KeyStoreLocation if the server requires a client certificate.";
    }

    /**
     * A factory for TLS inside the SOCKS5 tunnel to the Cloud Connector (smtps, imaps and pop3s of OnPremise
     * destinations): its sockets are {@link SSLSocket}s that, when connected, open the tunnel with {@code tunnel} and
     * speak TLS over it with {@code tls}, named for the (virtual) host they connect to. It is deliberately no
     * {@code SSLSocketFactory}: Jakarta Mail opens an SSLSocketFactory's connections directly, bypassing the tunnel.
     * Since its sockets are SSL sockets already, Jakarta Mail configures them (protocols, server identity) and
     * layers nothing else on them.
     */
    public static SocketFactory tlsOverTunnel(SocketFactory tunnel, SSLSocketFactory tls) {
        return new TlsOverTunnelFactory(tunnel, tls);
    }

    private static final class TlsOverTunnelFactory extends SocketFactory {
        private final SocketFactory tunnel;
        private final SSLSocketFactory tls;

        TlsOverTunnelFactory(SocketFactory tunnel, SSLSocketFactory tls) {
            this.tunnel = tunnel;
            this.tls = tls;
        }

        @Override
        public Socket createSocket() {
            return new TlsOverTunnelSocket(tunnel, tls);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = createSocket();
            socket.connect(InetSocketAddress.createUnresolved(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(host.getHostName(), port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return createSocket(address.getHostName(), port);
        }

        @Override
        public String toString() {
            return "TlsOverTunnel[" + tunnel + "]";
        }
    }

    /**
     * An SSL socket that exists before it is connected (as Jakarta Mail needs) and becomes, on {@link #connect},
     * the TLS layer over a tunnel socket; every SSL and socket call then goes to that layer.
     */
    private static final class TlsOverTunnelSocket extends SSLSocket {
        private final SocketFactory tunnel;
        private final SSLSocketFactory tls;
        private volatile SSLSocket ssl;
        private int soTimeout;
        private boolean closed;

        TlsOverTunnelSocket(SocketFactory tunnel, SSLSocketFactory tls) {
            this.tunnel = tunnel;
            this.tls = tls;
        }

        private SSLSocket ssl() throws SocketException {
            SSLSocket s = ssl;
            if (s == null) {
                throw new SocketException("Socket is not connected");
            }
            return s;
        }

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            connect(endpoint, 0);
        }

        @Override
        public synchronized void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress address)) {
                throw new IllegalArgumentException("unsupported address " + endpoint);
            }
            if (closed) {
                throw new SocketException("Socket is closed");
            }
            Socket raw = tunnel.createSocket();
            try {
                raw.connect(address, timeout);
                raw.setSoTimeout(soTimeout);
                ssl = (SSLSocket) tls.createSocket(raw, address.getHostString(), address.getPort(), true);
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }

        @Override
        public void bind(SocketAddress bindpoint) throws IOException {
            if (bindpoint != null) {
                throw new SocketException("a socket through the Cloud Connector has no local address to bind");
            }
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return ssl().getInputStream();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return ssl().getOutputStream();
        }

        @Override
        public synchronized void close() throws IOException {
            closed = true;
            if (ssl != null) {
                ssl.close();
            }
        }

        @Override
        public boolean isConnected() {
            return ssl != null && ssl.isConnected();
        }

        @Override
        public boolean isBound() {
            return ssl != null && ssl.isBound();
        }

        @Override
        public boolean isClosed() {
            return closed || ssl != null && ssl.isClosed();
        }

        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            soTimeout = timeout;
            if (ssl != null) {
                ssl.setSoTimeout(timeout);
            }
        }

        @Override
        public synchronized int getSoTimeout() throws SocketException {
            return ssl != null ? ssl.getSoTimeout() : soTimeout;
        }

        @Override
        public void setTcpNoDelay(boolean on) throws SocketException {
            if (ssl != null) {
                ssl.setTcpNoDelay(on);
            }
        }

        @Override
        public void setKeepAlive(boolean on) throws SocketException {
            if (ssl != null) {
                ssl.setKeepAlive(on);
            }
        }

        @Override
        public void shutdownInput() throws IOException {
            ssl().shutdownInput();
        }

        @Override
        public void shutdownOutput() throws IOException {
            ssl().shutdownOutput();
        }

        @Override
        public boolean isInputShutdown() {
            return ssl != null && ssl.isInputShutdown();
        }

        @Override
        public boolean isOutputShutdown() {
            return ssl != null && ssl.isOutputShutdown();
        }

        @Override
        public InetAddress getInetAddress() {
            return ssl != null ? ssl.getInetAddress() : null;
        }

        @Override
        public int getPort() {
            return ssl != null ? ssl.getPort() : 0;
        }

        @Override
        public InetAddress getLocalAddress() {
            return ssl != null ? ssl.getLocalAddress() : InetAddress.getLoopbackAddress();
        }

        @Override
        public int getLocalPort() {
            return ssl != null ? ssl.getLocalPort() : -1;
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return ssl != null ? ssl.getRemoteSocketAddress() : null;
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return ssl != null ? ssl.getLocalSocketAddress() : null;
        }

        // SSLSocket: the layer's, once connected; before, the factory's defaults (Jakarta Mail configures after connect)

        @Override
        public String[] getSupportedCipherSuites() {
            return ssl != null ? ssl.getSupportedCipherSuites() : tls.getSupportedCipherSuites();
        }

        @Override
        public String[] getEnabledCipherSuites() {
            return ssl != null ? ssl.getEnabledCipherSuites() : tls.getDefaultCipherSuites();
        }

        @Override
        public void setEnabledCipherSuites(String[] suites) {
            connected().setEnabledCipherSuites(suites);
        }

        @Override
        public String[] getSupportedProtocols() {
            return connected().getSupportedProtocols();
        }

        @Override
        public String[] getEnabledProtocols() {
            return connected().getEnabledProtocols();
        }

        @Override
        public void setEnabledProtocols(String[] protocols) {
            connected().setEnabledProtocols(protocols);
        }

        @Override
        public SSLSession getSession() {
            return connected().getSession();
        }

        @Override
        public SSLSession getHandshakeSession() {
            return connected().getHandshakeSession();
        }

        @Override
        public SSLParameters getSSLParameters() {
            return connected().getSSLParameters();
        }

        @Override
        public void setSSLParameters(SSLParameters parameters) {
            connected().setSSLParameters(parameters);
        }

        @Override
        public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
            connected().addHandshakeCompletedListener(listener);
        }

        @Override
        public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
            connected().removeHandshakeCompletedListener(listener);
        }

        @Override
        public void startHandshake() throws IOException {
            ssl().startHandshake();
        }

        @Override
        public void setUseClientMode(boolean mode) {
            connected().setUseClientMode(mode);
        }

        @Override
        public boolean getUseClientMode() {
            return true;
        }

        @Override
        public void setNeedClientAuth(boolean need) {
            connected().setNeedClientAuth(need);
        }

        @Override
        public boolean getNeedClientAuth() {
            return connected().getNeedClientAuth();
        }

        @Override
        public void setWantClientAuth(boolean want) {
            connected().setWantClientAuth(want);
        }

        @Override
        public boolean getWantClientAuth() {
            return connected().getWantClientAuth();
        }

        @Override
        public void setEnableSessionCreation(boolean flag) {
            connected().setEnableSessionCreation(flag);
        }

        @Override
        public boolean getEnableSessionCreation() {
            return connected().getEnableSessionCreation();
        }

        private SSLSocket connected() {
            SSLSocket s = ssl;
            if (s == null) {
                throw new IllegalStateException("the TLS layer exists once the tunnel is connected");
            }
            return s;
        }

        @Override
        public String toString() {
            return "TlsOverTunnelSocket[" + (ssl != null ? ssl : "unconnected") + "]";
        }
    }
}
