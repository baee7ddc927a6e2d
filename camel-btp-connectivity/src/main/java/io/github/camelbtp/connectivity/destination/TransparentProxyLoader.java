package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Find through SAP's Transparent Proxy on Kubernetes: the proxy's destination gateway ({@code destinationRef.name: "*"})
 * looks every destination up itself, authenticates and takes the Connectivity proxy hop
 * [transparent-proxy-for-kubernetes-acc64ad, destination-gateway-dynamic-lookup-of-destinations-6836e00]. So this
 * source asks nobody: for any valid name it yields a <em>gateway destination</em> — type HTTP, the gateway's URL,
 * {@code NoAuthentication}, source {@link Destination#TRANSPARENT_PROXY} — which the Dispatch step sends to the gateway
 * with {@code X-Destination-Name}. It stands where the Destination Service would (after static configuration and the
 * {@code destinations} variable), so destinations an application configures itself still win.
 */
public final class TransparentProxyLoader implements DestinationLoader {

    private final URI gateway;

    /**
     * @param gateway the gateway's address, e.g. {@code http://transparent-proxy.default.svc.cluster.local}: an
     *                absolute http or https URL without path, query or user info
     * @throws DestinationConfigurationException when it is not one
     */
    public TransparentProxyLoader(String gateway) {
        this.gateway = checked(gateway);
    }

    private static URI checked(String gateway) {
        URI uri;
        try {
            uri = URI.create(gateway.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        boolean ok = uri != null && uri.getHost() != null && uri.getUserInfo() == null && uri.getQuery() == null
                && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"));
        if (!ok) {
            throw new DestinationConfigurationException("*", "transparentProxy", "is '" + gateway + "', which is not"
                    + " the address of a Transparent Proxy destination gateway: use its Kubernetes service's URL,"
                    + " http://<service>.<namespace>.svc.cluster.local[:port] (no path, query or credentials), as the"
                    + " Destination custom resource with destinationRef.name \"*\" exposes it.");
        }
        return URI.create(uri.getScheme().toLowerCase() + "://" + uri.getRawAuthority());
    }

    @Override
    public Optional<Destination> load(String name, DestinationOptions options) {
        // X-Destination-Name: "up to 200 characters", SAP's destination-name rules; the gateway looks destinations up
        // itself, so a consume-API level (NAME@subaccount) has no meaning there
        if (DestinationNames.hasLevel(DestinationNames.requireValid(name))) {
            throw new DestinationConfigurationException(name, "Name", "names a level, which the Transparent Proxy's"
                    + " destination gateway does not take in X-Destination-Name (no level: the gateway looks"
                    + " destinations up itself). Use the plain name in the endpoint URI or in the header that names"
                    + " the destination.");
        }
        return Optional.of(new Destination(name, Map.of(DestinationProperty.NAME, name, DestinationProperty.TYPE, "HTTP",
                DestinationProperty.URL, gateway.toString(), DestinationProperty.PROXY_TYPE, "Internet",
                DestinationProperty.AUTHENTICATION, "NoAuthentication"), List.of(), Destination.TRANSPARENT_PROXY));
    }

    @Override
    public String describe() {
        return "the Transparent Proxy's destination gateway at " + gateway;
    }
}
