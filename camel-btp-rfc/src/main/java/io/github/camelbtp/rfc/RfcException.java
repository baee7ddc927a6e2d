package io.github.camelbtp.rfc;

import io.github.camelbtp.connectivity.BtpConnectivityException;

/**
 * A call of a function module failed. The root of btp-rfc's errors, part of the engine's
 * {@link BtpConnectivityException} hierarchy: messages name the destination and the function module, the cause and
 * what to do, and never carry a password or token.
 */
public class RfcException extends BtpConnectivityException {

    private final String function;

    public RfcException(String destinationName, String function, String message) {
        this(destinationName, function, message, null);
    }

    public RfcException(String destinationName, String function, String message, Throwable cause) {
        super(destinationName, message, cause);
        this.function = function;
    }

    /** The function module that was called. */
    public String function() {
        return function;
    }
}
