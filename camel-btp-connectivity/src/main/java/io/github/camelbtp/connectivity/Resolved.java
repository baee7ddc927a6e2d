package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationType;

/**
 * A destination resolved for one request, whatever its type: what {@link BtpConnectivity#resolveAny} returns, so a
 * component looks a destination up once per exchange and hands the result to the transport for its type. Two shapes,
 * because the two kinds of transport need different things: HTTP needs a URL, headers, a proxy, timeouts and TLS
 * material ({@link ResolvedDestination}); MAIL, LDAP and TCP need a socket factory ({@link SocketDestination}).
 * A switch over this interface is exhaustive.
 */
public sealed interface Resolved permits ResolvedDestination, SocketDestination {

    /** The destination as found. */
    Destination destination();

    default String name() {
        return destination().name();
    }

    default DestinationType type() {
        return destination().type();
    }
}
