package io.github.camelbtp.connectivity.dispatch;

import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.destination.Destination;

/**
 * Step 4 of the engine, <em>Dispatch</em>: decides how a destination's traffic travels — for HTTP the proxy and the
 * headers of that hop, for MAIL, LDAP and TCP the socket factory. The engine picks one dispatch per destination by its
 * {@code ProxyType} and {@code Type} (see {@code Pipeline}); a new way to travel (SAP's Transparent Proxy on Kyma, say)
 * is one new implementation and one line where the engine picks.
 */
public interface Dispatch {

    /**
     * How the request of {@code options} (its tenant, its user) to {@code destination} travels.
     *
     * @throws io.github.camelbtp.connectivity.DestinationConfigurationException when the destination cannot travel
     *                                                                           this way (an https URL on OnPremise …)
     */
    DispatchPlan plan(Destination destination, DestinationOptions options);
}
