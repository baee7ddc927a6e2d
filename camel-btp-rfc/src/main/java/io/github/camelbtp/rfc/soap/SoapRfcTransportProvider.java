package io.github.camelbtp.rfc.soap;

import io.github.camelbtp.rfc.spi.RfcTransport;
import io.github.camelbtp.rfc.spi.RfcTransportContext;
import io.github.camelbtp.rfc.spi.RfcTransportProvider;

/** Registers the built-in {@code soap} transport with the {@link java.util.ServiceLoader}. */
public final class SoapRfcTransportProvider implements RfcTransportProvider {

    @Override
    public String name() {
        return SoapRfcTransport.NAME;
    }

    @Override
    public RfcTransport create(RfcTransportContext context) {
        return new SoapRfcTransport(context.connectivity(), context.httpClient());
    }
}
