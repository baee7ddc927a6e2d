package io.github.camelbtp.connectivity;

/**
 * The Connectivity Service proxy or the Cloud Connector refused or could not carry an on-premise request. Names
 * the destination, the location ID, the hop, the proxy status (or SOCKS reply code), the documented cause and the fix.
 */
public class CloudConnectorException extends BtpConnectivityException {

    private final String locationId;
    private final int status;

    public CloudConnectorException(String destinationName, String locationId, int status, String message) {
        this(destinationName, locationId, status, message, null);
    }

    public CloudConnectorException(String destinationName, String locationId, int status, String message, Throwable cause) {
        super(destinationName, message, cause);
        this.locationId = locationId;
        this.status = status;
    }

    /** The Cloud Connector location ID the request was sent with; empty for the connector without one. */
    public String locationId() {
        return locationId;
    }

    /** HTTP status answered by the proxy, or SOCKS5 reply code. */
    public int status() {
        return status;
    }
}
