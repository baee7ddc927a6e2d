package io.github.camelbtp.connectivity.dispatch;

import io.github.camelbtp.connectivity.http.ProxyAddress;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.http.HttpHeader;

import java.util.List;

/**
 * Internet (and PrivateLink) destinations: straight to the URL, or through the Internet proxy the destination
 * names with {@code ProxyHost}/{@code ProxyPort} and optional {@code ProxyAuthorization} (the SAP Cloud SDK's convention);
 * MAIL, LDAP and TCP destinations connect with the JDK's default socket factory.
 */
public final class DirectDispatch implements Dispatch {

    @Override
    public DispatchPlan plan(Destination destination, DestinationOptions options) {
        if (destination.type().onSockets()) {
            // MAIL, LDAP and TCP connect to their host themselves; the Internet proxy properties are HTTP's
            return DispatchPlan.DIRECT_SOCKETS;
        }
        var host = destination.property(DestinationProperty.PROXY_HOST);
        if (host.isEmpty()) {
            return DispatchPlan.DIRECT;
        }
        String port = destination.requireProperty(DestinationProperty.PROXY_PORT, "ProxyHost is set, so the proxy port is needed too");
        int portNumber;
        try {
            portNumber = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            portNumber = -1;
        }
        if (portNumber < 1 || portNumber > 65_535) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.PROXY_PORT, "is '" + port
                    + "', which is not a TCP port: use the Internet proxy's port, a number from 1 to 65535.");
        }
        List<HttpHeader> headers = destination.property(DestinationProperty.PROXY_AUTHORIZATION)
                .map(v -> List.of(new HttpHeader("Proxy-Authorization", v))).orElse(List.of());
        return new DispatchPlan(new ProxyAddress(host.get(), portNumber), headers, false);
    }
}
