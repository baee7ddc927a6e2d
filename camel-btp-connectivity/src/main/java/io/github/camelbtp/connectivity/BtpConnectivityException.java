package io.github.camelbtp.connectivity;

/**
 * Root of every error camel-btp raises. Messages name the destination (and, where it applies, the property, the
 * hop or the HTTP status), the documented cause and what to do about it. They never contain a password, a client
 * secret, a token or a private key.
 */
public class BtpConnectivityException extends RuntimeException {

    private final String destinationName;

    public BtpConnectivityException(String destinationName, String message) {
        this(destinationName, message, null);
    }

    public BtpConnectivityException(String destinationName, String message, Throwable cause) {
        super(message, cause);
        this.destinationName = destinationName;
    }

    /** The destination this error is about, or {@code null} when it concerns a service binding as a whole. */
    public String destinationName() {
        return destinationName;
    }
}
