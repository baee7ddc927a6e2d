package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.destination.Destination;

import java.io.IOException;

/**
 * The backend hop of a diagnosis for a destination that travels over HTTP with a protocol of its own: btp-rfc's
 * SOAP-RFC, whose RFC destinations ({@code jco.*} properties) are sent as an HTTP destination of the ABAP system's ICM.
 * The diagnosis walks the hops of that HTTP destination (connectivity token, authentication, proxy) and lets the check
 * speak the protocol for the Cloud Connector and backend hops ({@link BtpConnectivity#diagnose(String, String,
 * DestinationOptions, HttpBackendCheck)}).
 */
public interface HttpBackendCheck {

    /**
     * The HTTP destination requests for {@code found} travel as.
     *
     * @throws DestinationConfigurationException when {@code found} lacks what that needs (naming the property)
     */
    Destination httpDestination(Destination found);

    /**
     * Sends the protocol's harmless request through the engine (btp-rfc: {@code RFC_PING}).
     *
     * @return the backend's answer
     * @throws CloudConnectorException when the Connectivity proxy or the Cloud Connector refused the request; another
     *                                 {@link BtpConnectivityException} or an {@link IOException} when no answer came
     */
    Answer check(Destination found, DestinationOptions options) throws IOException;

    /**
     * What the backend answered.
     *
     * @param status the HTTP status of the answer: 401 and 403 fail the {@code authentication} hop, 500 and above the
     *               {@code backend} hop
     * @param seen   what was seen, for the report (never a credential)
     */
    record Answer(int status, String seen) {
    }
}
