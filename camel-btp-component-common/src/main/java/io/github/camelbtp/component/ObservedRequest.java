package io.github.camelbtp.component;

import io.github.camelbtp.connectivity.LookupResult;
import io.github.camelbtp.connectivity.Resolved;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationType;
import io.github.camelbtp.connectivity.destination.EnumeratedProperty;

/**
 * What one exchange's destination was, as metrics and traces show it: its name, {@code Type}, {@code ProxyType},
 * {@code CloudConnectorLocationId} and how the lookup was answered. The producer puts it on the exchange
 * ({@link #PROPERTY}) as soon as the destination is resolved; the request timer and the span decorator read it there.
 * Holds nothing secret (no URL, header or token).
 *
 * @param locationId empty for the Cloud Connector without a location ID (and for Internet destinations)
 * @param lookup     {@code null} when the engine reported none on this thread
 * @param tenant     the tenant the request named, {@code null} for the provider
 */
public record ObservedRequest(String destination, String type, String proxyType, String locationId,
        LookupResult lookup, String tenant) {

    /** The exchange property that holds it. */
    public static final String PROPERTY = "CamelBtpObservedRequest";

    /** The request that {@code resolved} answered, with the lookup result the engine just reported on this thread. */
    public static ObservedRequest of(Resolved resolved, String tenant) {
        Destination d = resolved.destination();
        // resolved, so both are valid; LDAP destinations name theirs ldap.proxyType [ldap-destinations-8cb290f]
        String proxyType = d.viaTransparentProxy() ? "TransparentProxy" : d.type() == DestinationType.LDAP
                ? EnumeratedProperty.LDAP_PROXY_TYPE.of(d) : d.proxyType().name();
        return new ObservedRequest(d.name(), d.type().name(), proxyType, d.locationId(), BtpObservation.lastLookup(),
                tenant);
    }

    /**
     * The request to destination {@code found}, for a component that looks destinations up without resolving them
     * itself (btp-rfc, whose RFC destinations name proxy type and location in {@code jco.*} properties), with the lookup
     * result the engine just reported on this thread.
     */
    public static ObservedRequest of(Destination found, String proxyType, String locationId, String tenant) {
        return new ObservedRequest(found.name(), found.type().name(), proxyType, locationId, BtpObservation.lastLookup(),
                tenant);
    }
}
