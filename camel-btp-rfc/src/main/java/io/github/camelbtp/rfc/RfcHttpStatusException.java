package io.github.camelbtp.rfc;

/**
 * The ABAP system (or the way to it) answered a SOAP-RFC or WSDL request with an HTTP status that is neither an
 * answer of the function nor a SOAP fault, e.g. {@code 503} with a text page. The status tells the destination's
 * circuit breaker whether the hop failed (5xx) or the request was refused (4xx).
 */
public class RfcHttpStatusException extends RfcException {

    private final int status;

    public RfcHttpStatusException(String destinationName, String function, int status, String message) {
        super(destinationName, function, message);
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }
}
