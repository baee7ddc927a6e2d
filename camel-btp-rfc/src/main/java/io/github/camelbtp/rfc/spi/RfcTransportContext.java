package io.github.camelbtp.rfc.spi;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.http.DestinationHttpClient;

/**
 * What the component gives a transport: the engine (destinations, authentication, dispatch) and the pooled HTTP
 * client application traffic goes through.
 */
public record RfcTransportContext(BtpConnectivity connectivity, DestinationHttpClient httpClient) {
}
