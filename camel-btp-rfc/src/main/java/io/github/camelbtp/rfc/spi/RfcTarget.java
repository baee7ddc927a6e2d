package io.github.camelbtp.rfc.spi;

import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.destination.Destination;

/**
 * What a call is addressed to: the destination as the engine found it (an RFC destination with {@code jco.*}
 * properties, or an HTTP destination used as the SOAP-RFC transport), the lookup options, and an explicit
 * SOAP-RFC URL that overrides the derived one ({@code null}: derive it).
 */
public record RfcTarget(Destination destination, DestinationOptions options, String soapUrl) {

    public String name() {
        return destination.name();
    }
}
