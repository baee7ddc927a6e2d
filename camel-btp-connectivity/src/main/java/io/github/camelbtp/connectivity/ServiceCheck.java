package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.destination.DestinationServiceLoader;
import io.github.camelbtp.connectivity.dispatch.OnPremiseHttpDispatch;
import io.github.camelbtp.connectivity.http.ProxyAddress;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The readiness probe of {@link BtpConnectivity#checkServices()}: the Destination Service binding's token, and the
 * Connectivity proxy (its token unless in trusted mode, and a TCP connection to its HTTP port).
 *
 * @param destinationService the Destination Service loader, or {@code null} without a destination binding
 * @param onPremise          the HTTP dispatch through the Connectivity proxy, or {@code null} without a connectivity binding
 * @param timeout            the connect timeout to the proxy
 */
record ServiceCheck(DestinationServiceLoader destinationService, OnPremiseHttpDispatch onPremise, Duration timeout) {

    List<ServiceStatus> run() {
        List<ServiceStatus> result = new ArrayList<>(2);
        if (destinationService != null) {
            String service = "Destination Service";
            try {
                destinationService.checkToken();
                result.add(new ServiceStatus(service, true, "binding token obtained; " + destinationService.describe()));
            } catch (BtpConnectivityException e) {
                result.add(new ServiceStatus(service, false, e.getMessage()));
            }
        }
        if (onPremise != null) {
            String service = "Connectivity proxy";
            try {
                ProxyAddress proxy = onPremise.proxyHop(null, "").proxy();
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(proxy.host(), proxy.port()),
                            (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE));
                }
                result.add(new ServiceStatus(service, true, (onPremise.trusted() ? "trusted mode; " : "token obtained; ")
                        + "accepts connections at " + proxy));
            } catch (BtpConnectivityException e) {
                result.add(new ServiceStatus(service, false, e.getMessage()));
            } catch (IOException e) {
                result.add(new ServiceStatus(service, false, "cannot connect to the Connectivity proxy: " + e.getMessage()
                        + ". Check the connectivity binding's onpremise_proxy_host and onpremise_proxy_http_port."));
            }
        }
        return result;
    }
}
