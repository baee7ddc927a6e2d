package io.github.camelbtp.connectivity;

/**
 * SAP's Transparent Proxy answered a request with an error of its own (its {@code x-proxy-server} or
 * {@code x-error-origin} header is set) [error-response-headers-2b3a572]: a header it needs was missing or invalid, the
 * destination is not in the tenant, XSUAA or the Destination Service failed … Names the destination, where the error
 * arose ({@link #origin()}), the proxy's request ID for SAP support, the documented cause and the fix. A backend's own
 * error answer is never one of these.
 */
public class TransparentProxyException extends BtpConnectivityException {

    private final int status;
    private final String origin;
    private final String requestId;
    private final String internalCode;

    public TransparentProxyException(String destinationName, int status, String origin, String requestId,
            String internalCode, String message) {
        super(destinationName, message);
        this.status = status;
        this.origin = origin;
        this.requestId = requestId;
        this.internalCode = internalCode;
    }

    /** The HTTP status the proxy answered. */
    public int status() {
        return status;
    }

    /** {@code x-error-origin}: Transparent Proxy, XSUAA, Destination Service or XSUAA/Destination Service; or {@code null}. */
    public String origin() {
        return origin;
    }

    /** {@code x-request-id}, to quote to SAP support; or {@code null}. */
    public String requestId() {
        return requestId;
    }

    /** The proxy's internal error code ({@code x-internal-error-code} / {@code x-error-internal-code}); or {@code null}. */
    public String internalCode() {
        return internalCode;
    }
}
