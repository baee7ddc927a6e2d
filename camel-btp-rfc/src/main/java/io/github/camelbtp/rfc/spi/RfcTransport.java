package io.github.camelbtp.rfc.spi;

import io.github.camelbtp.rfc.FunctionInterface;

/**
 * How btp-rfc reaches an ABAP system. The built-in transport {@code soap} speaks SOAP-RFC over HTTP through the
 * engine (Connectivity proxy, Cloud Connector, location ID, authentication). Other transports — SAP JCo where SAP's
 * buildpack provides it — plug in with a {@link RfcTransportProvider} found by {@link java.util.ServiceLoader}.
 * Implementations are thread-safe.
 */
public interface RfcTransport extends AutoCloseable {

    /** The name the endpoint option {@code transport} selects this transport by. */
    String name();

    /** Reads the interface of a function module (parameters and types) from the system. */
    FunctionInterface describe(RfcTarget target, String function);

    /** Opens a session; {@code stateful} keeps one user context across its calls. */
    RfcSession openSession(RfcTarget target, boolean stateful);

    @Override
    default void close() {
    }
}
