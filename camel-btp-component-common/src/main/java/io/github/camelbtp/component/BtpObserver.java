package io.github.camelbtp.component;

import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.ConnectivityListener;

/**
 * One way of observing camel-btp in a CamelContext (metrics, audit): what the engine reports, and what only the
 * component sees — how long an exchange's request took and how it ended, and the Cloud Connector's refusals.
 */
interface BtpObserver extends ConnectivityListener {

    /**
     * One exchange sent to a destination, successful or not.
     *
     * @param destination the destination's name (also when the lookup failed)
     * @param observed    {@code null} when the destination could not be resolved
     * @param outcome     {@code success}, {@code client_error} (4xx), {@code server_error} (5xx) or {@code error} (no
     *                    answer: the lookup, a token, the Connectivity proxy or the connection failed)
     */
    default void request(String destination, ObservedRequest observed, String outcome, long nanos) {
    }

    /** The Connectivity proxy or the Cloud Connector refused or could not carry a request (HTTP or SOCKS5). */
    default void cloudConnectorError(CloudConnectorException error) {
    }
}
