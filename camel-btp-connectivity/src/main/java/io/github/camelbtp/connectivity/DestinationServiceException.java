package io.github.camelbtp.connectivity;

/**
 * The Destination Service answered with an error status or could not be reached. Carries the HTTP status (0 when
 * no answer arrived) and the service's {@code ErrorMessage}.
 */
public class DestinationServiceException extends BtpConnectivityException {

    private final int status;
    private final String errorMessage;
    private final boolean garbled;

    public DestinationServiceException(String destinationName, int status, String errorMessage, String message, Throwable cause) {
        this(destinationName, status, errorMessage, message, cause, false);
    }

    private DestinationServiceException(String destinationName, int status, String errorMessage, String message,
            Throwable cause, boolean garbled) {
        super(destinationName, message, cause);
        this.status = status;
        this.errorMessage = errorMessage;
        this.garbled = garbled;
    }

    /**
     * The service's answer arrived with {@code status} but is not the JSON it documents (an HTML error page of a
     * gateway, a body cut off on the way): an outage of the path to the service, so transient.
     */
    public static DestinationServiceException garbled(String destinationName, int status, String message) {
        return new DestinationServiceException(destinationName, status, null, message, null, true);
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
        return garbled || status == 0 || status == 429 || status >= 500;
    }
}
