package io.github.camelbtp.destination.ldap;

import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.NameResolver;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.connectivity.tls.TlsMaterial;
import io.github.camelbtp.connectivity.socks.SocketTls;

import javax.net.SocketFactory;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One UnboundID connection pool per LDAP destination, bound as {@code ldap.user}, rebuilt when the destination's
 * properties or TLS files change. Connections whose server went away are replaced: the pool checks a connection's health when
 * an operation fails on it and retries reads and binds once on a new connection (writes are not retried, since a
 * write may have been applied before the connection dropped).
 */
final class LdapConnectionPools implements AutoCloseable {

    private record Cached(Map<String, String> properties, String tls, LDAPConnectionPool pool) {

        boolean matches(Map<String, String> properties, String tls) {
            return this.properties.equals(properties) && Objects.equals(this.tls, tls);
        }
    }

    /**
     * OnPremise virtual hosts exist only in the Cloud Connector: they must reach the SOCKS5 socket as names, never
     * be looked up in local DNS. This resolver hands the LDAP SDK an address that carries the name; the SOCKS5
     * socket sends the name.
     */
    private static final NameResolver VIRTUAL_HOSTS = new NameResolver() {
        @Override
        public InetAddress getByName(String host) throws UnknownHostException {
            return InetAddress.getByAddress(host, new byte[] {0, 0, 0, 0});
        }

        @Override
        public InetAddress[] getAllByName(String host) throws UnknownHostException {
            return new InetAddress[] {getByName(host)};
        }

        @Override
        public void toString(StringBuilder buffer) {
            buffer.append("CloudConnectorVirtualHosts");
        }
    };

    private final Map<String, Cached> pools = new ConcurrentHashMap<>();
    private final int maxConnections;

    LdapConnectionPools(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    LDAPConnectionPool pool(SocketDestination resolved, LdapSettings settings) throws com.unboundid.ldap.sdk.LDAPException {
        Map<String, String> properties = resolved.destination().properties();
        TlsMaterial tls = settings.tls() ? resolved.tls() : null;
        String fingerprint = tls == null ? null : tls.fingerprint();
        Cached cached = pools.get(resolved.name());
        if (cached != null && cached.matches(properties, fingerprint)) {
            return cached.pool();
        }
        synchronized (pools) {
            cached = pools.get(resolved.name());
            if (cached != null && cached.matches(properties, fingerprint)) {
                return cached.pool();
            }
            LDAPConnectionPool pool = create(resolved, settings, tls);
            pools.put(resolved.name(), new Cached(properties, fingerprint, pool));
            if (cached != null) {
                cached.pool().close();
            }
            return pool;
        }
    }

    /**
     * An Internet {@code ldaps://} connection uses the destination's TLS properties ({@link TlsMaterial}) when it has
     * any, else the JDK's trust store; either way the certificate must name the host of {@code ldap.url} unless the
     * destination says {@code TrustAll=TRUE}.
     */
    private LDAPConnectionPool create(SocketDestination resolved, LdapSettings settings, TlsMaterial tls)
            throws com.unboundid.ldap.sdk.LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(15_000);
        options.setResponseTimeoutMillis(30_000);
        options.setUseKeepAlive(true);
        SocketFactory factory = resolved.socketFactory();
        if (resolved.onPremise()) {
            options.setNameResolver(VIRTUAL_HOSTS);
        } else if (settings.tls() && tls != null) {
            factory = tls.sslContext().getSocketFactory();
            if (tls.checksHostNames()) {
                options.setSSLSocketVerifier(new DestinationHostNameVerifier(resolved.name(), tls.hostnameVerifier()));
            }
        } else if (settings.tls()) {
            try {
                // the JDK's trust store, and the certificate must name the host (what LDAPS clients must check)
                factory = new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot create a TLS socket factory", e);
            }
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        SingleServerSet server = new SingleServerSet(settings.host(), settings.port(), factory, options);
        SimpleBindRequest bind = settings.bindDn() == null ? null : new SimpleBindRequest(settings.bindDn(), settings.password());
        LDAPConnectionPool pool = new LDAPConnectionPool(server, bind, 1, maxConnections);
        pool.setConnectionPoolName("btp-destination:" + resolved.name());
        // searches are retried by LdapClient on a fresh request copy (the pool's retry reuses the request object)
        pool.setRetryFailedOperationsDueToInvalidConnections(EnumSet.of(OperationType.BIND, OperationType.COMPARE));
        return pool;
    }

    /** The destination's {@code HostnameVerifier} (Strict or BrowserCompatible) as UnboundID's socket verifier. */
    private static final class DestinationHostNameVerifier extends SSLSocketVerifier {
        private final String destination;
        private final HostnameVerifier verifier;

        DestinationHostNameVerifier(String destination, HostnameVerifier verifier) {
            this.destination = destination;
            this.verifier = verifier;
        }

        @Override
        public void verifySSLSocket(String host, int port, SSLSocket socket) throws com.unboundid.ldap.sdk.LDAPException {
            SSLSession session = socket.getSession();
            if (session == null || !verifier.verify(host, session)) {
                throw new com.unboundid.ldap.sdk.LDAPException(ResultCode.CONNECT_ERROR, "the TLS certificate of "
                        + host + ":" + port + " does not name the host '" + host + "' (destination '" + destination
                        + "', HostnameVerifier)");
            }
        }
    }

    @Override
    public void close() {
        pools.values().forEach(c -> c.pool().close());
        pools.clear();
    }
}
