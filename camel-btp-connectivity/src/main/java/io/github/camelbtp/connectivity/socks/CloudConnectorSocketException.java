package io.github.camelbtp.connectivity.socks;

import io.github.camelbtp.connectivity.CloudConnectorException;

import java.net.SocketException;
import java.util.Optional;

/**
 * How a SOCKS5 refusal travels through a library that only knows {@code IOException} (Jakarta Mail, the LDAP SDK):
 * its cause is the {@link CloudConnectorException} with SAP's meaning, which {@link #find(Throwable)} digs out again.
 */
public final class CloudConnectorSocketException extends SocketException {

    public CloudConnectorSocketException(CloudConnectorException cause) {
        super(cause.getMessage());
        initCause(cause);
    }

    public CloudConnectorException cloudConnectorException() {
        return (CloudConnectorException) getCause();
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
