package io.github.camelbtp.connectivity;

/**
 * The Destination Service answered with an error status or could not be reached. Carries the HTTP status (0 when
 * no answer arrived) and the service's {@code ErrorMessage}.
 */
public class DestinationServiceException extends BtpConnectivityException {

    private final int status;
    private final String errorMessage;

    public DestinationServiceException(String destinationName, int status, String errorMessage, String message, Throwable cause) {
        super(destinationName, message, cause);
        this.status = status;
        this.errorMessage = errorMessage;
    }

    /** HTTP status of the Destination Service's answer, 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** The {@code ErrorMessage} field of the service's answer, if any. */
    public String errorMessage() {
        return errorMessage;
    }

    /** Whether serving a stale cached destination is a sensible reaction (outage, not a configuration problem). */
    public boolean isTransient() {
        return status == 0 || status == 429 || status >= 500;
    }
}
