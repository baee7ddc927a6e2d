package io.github.camelbtp.connectivity.socks;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.CloudConnectorException;

import java.net.SocketException;
import java.util.Optional;

/**
 * How an engine failure while opening a socket travels through a library that only knows {@code IOException}
 * (Jakarta Mail, the LDAP SDK): a SOCKS5 refusal as the {@link CloudConnectorException} with SAP's meaning, or the
 * {@code TokenException} of a connectivity token that could not be obtained. {@link #engineFailure(Throwable)} digs
 * it out again, so routes see the engine's exception rather than the library's wrapper.
 */
public final class CloudConnectorSocketException extends SocketException {

    public CloudConnectorSocketException(BtpConnectivityException cause) {
        super(cause.getMessage());
        initCause(cause);
    }

    /** The refusal of the proxy, or {@code null} when the failure was obtaining the token. */
    public CloudConnectorException cloudConnectorException() {
        return getCause() instanceof CloudConnectorException cce ? cce : null;
    }

    /** The engine's exception somewhere in {@code failure}'s cause chain (or the failure itself). */
    public static Optional<BtpConnectivityException> engineFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BtpConnectivityException e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The {@link CloudConnectorException} somewhere in {@code failure}'s cause chain (or the failure itself). */
    public static Optional<CloudConnectorException> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CloudConnectorException cce) {
                return Optional.of(cce);
            }
        }
        return Optional.empty();
    }
}
