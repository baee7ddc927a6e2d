package io.github.camelbtp.rfc.spi;

import java.util.Map;

/**
 * A sequence of calls to one ABAP system. A stateless session runs each call in a fresh user context; a stateful
 * one runs all its calls in one user context (needed for BAPIs and {@code BAPI_TRANSACTION_COMMIT}). A session belongs
 * to one exchange and is closed by it: nothing of it (cookies, context) is ever seen by another exchange.
 */
public interface RfcSession extends AutoCloseable {

    /**
     * Calls a function module.
     *
     * @param endSession true for the last call of a stateful session: the system ends the user context after it
     * @return exporting, changing and table parameters
     * @throws io.github.camelbtp.rfc.RfcException and other {@link io.github.camelbtp.connectivity.BtpConnectivityException}s
     */
    Map<String, Object> call(RfcCall call, boolean endSession);

    /**
     * Whether the system holds a user context for this stateful session (opened by an earlier call and not yet
     * ended). A rollback is pointless when it does not: nothing of the session reached the system.
     */
    boolean isOpen();

    /** Releases the session's client-side state. */
    @Override
    void close();
}
