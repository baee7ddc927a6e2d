package io.github.camelbtp.rfc.spi;

/**
 * Service provider interface for transports, found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/io.github.camelbtp.rfc.spi.RfcTransportProvider} of a jar on the classpath, and endpoints
 * with {@code transport=<name>} use it. See docs/rfc.md for a JCo transport.
 */
public interface RfcTransportProvider {

    /** The transport's name ({@code soap}, {@code jco}, …). */
    String name();

    /** Creates the transport when the btp-rfc component starts; it is closed when the component stops. */
    RfcTransport create(RfcTransportContext context);
}
