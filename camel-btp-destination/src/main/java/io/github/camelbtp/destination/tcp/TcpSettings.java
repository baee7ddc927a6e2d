package io.github.camelbtp.destination.tcp;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.EnumeratedProperty;
import io.github.camelbtp.connectivity.socks.TargetHost;


/**
 * A TCP destination [tcp-destinations-f6d753f]: {@code Address} ({@code host:port}, optionally {@code tcp://host:port}),
 * {@code tcp.timeout} (milliseconds, connect and read; SAP's page does not give a unit — milliseconds as in Java's
 * socket options; default 30000), {@code tcp.keepalive} and {@code tcp.nodelay} ({@code true}/{@code false}, socket
 * options SO_KEEPALIVE and TCP_NODELAY; keep-alive also keeps connections open for reuse).
 */
public record TcpSettings(String destinationName, String host, int port, int timeoutMillis, boolean keepAlive, boolean noDelay) {

    static final String ADDRESS = "Address";
    static final int DEFAULT_TIMEOUT_MILLIS = 30_000;

    public static TcpSettings of(Destination destination) {
        String address = destination.requireProperty(ADDRESS, "a TCP destination needs the host:port to connect to");
        String hostPort = address.regionMatches(true, 0, "tcp://", 0, 6) ? address.substring(6) : address;
        if (hostPort.endsWith("/")) {
            hostPort = hostPort.substring(0, hostPort.length() - 1);
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1 || hostPort.contains("/")) {
            throw new DestinationConfigurationException(destination.name(), ADDRESS, "must be host:port (optionally"
                    + " tcp://host:port), was '" + address + "'.");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new DestinationConfigurationException(destination.name(), ADDRESS, "has no valid port: '" + address + "'.");
        }
        if (port < 1 || port > 65_535) {
            throw new DestinationConfigurationException(destination.name(), ADDRESS, "has a port out of range: '" + address + "'.");
        }
        String host = hostPort.substring(0, colon);
        var problem = TargetHost.problem(host);
        if (problem.isPresent()) {
            throw new DestinationConfigurationException(destination.name(), ADDRESS, "has an invalid host: "
                    + problem.get() + ". Use host:port with the host (the Cloud Connector's virtual host for OnPremise).");
        }
        int timeout = DEFAULT_TIMEOUT_MILLIS;
        String timeoutValue = destination.property("tcp.timeout").orElse(null);
        if (timeoutValue != null) {
            try {
                timeout = Integer.parseInt(timeoutValue);
            } catch (NumberFormatException e) {
                throw new DestinationConfigurationException(destination.name(), "tcp.timeout", "is not a number of"
                        + " milliseconds: '" + timeoutValue + "'.");
            }
        }
        return new TcpSettings(destination.name(), host, port, timeout,
                EnumeratedProperty.TCP_KEEPALIVE.isTrue(destination), EnumeratedProperty.TCP_NODELAY.isTrue(destination));
    }
}
