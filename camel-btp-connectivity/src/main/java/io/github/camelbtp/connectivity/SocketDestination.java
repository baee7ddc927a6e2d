package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.tls.TlsMaterial;

import javax.net.SocketFactory;
import java.util.function.Supplier;

/**
 * A MAIL, LDAP or TCP destination together with the socket factory its traffic must use, produced by
 * {@link BtpConnectivity#resolveSocket(String, DestinationOptions)}: for {@code ProxyType: OnPremise} a factory whose
 * sockets go through the Connectivity Service's SOCKS5 proxy and the Cloud Connector, otherwise the JDK's default.
 * The factory connects to the address it is given (the virtual host for on-premise systems, never resolved locally);
 * TLS, where the protocol asks for it, is layered on top by the caller.
 *
 * @param destination   the destination as found
 * @param socketFactory the factory to open its connections with
 * @param onPremise     whether the connections go through the Cloud Connector
 * @param tlsMaterial   reads the destination's TLS material (Authenticate), for {@link #tls()}
 */
public record SocketDestination(Destination destination, SocketFactory socketFactory, boolean onPremise,
        Supplier<TlsMaterial> tlsMaterial) implements Resolved {

    /**
     * The destination's own TLS material (key store, trust store, TrustAll, host name verifier), or {@code null} for
     * the JDK's defaults; read when a transport layers TLS on its connections, not before (a plain LDAP or SMTP
     * connection never opens the stores).
     */
    public TlsMaterial tls() {
        return tlsMaterial.get();
    }

    @Override
    public String toString() {
        return "SocketDestination[name=" + destination.name() + ", type=" + destination.type() + ", onPremise="
                + onPremise + ", socketFactory=" + socketFactory + "]";
    }
}
