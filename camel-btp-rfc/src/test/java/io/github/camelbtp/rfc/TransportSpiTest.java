package io.github.camelbtp.rfc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** Transports are found with the ServiceLoader and chosen per endpoint; soap is built in. */
class TransportSpiTest extends BtpRfcTestSupport {

    @Test
    void transportOnTheClasspathIsSelectedByName() {
        RecordingTransportProvider.CALLS.clear();

        Map<String, Object> out = rfc("btp-rfc:STFC_CONNECTION?destination=" + ERP_RFC + "&transport=recording",
                map("REQUTEXT", "spi"));

        assertThat(out).containsEntry("ECHOTEXT", "spi");
        assertThat(RecordingTransportProvider.CALLS).containsExactly(ERP_RFC + ":STFC_CONNECTION");
    }

    @Test
    void unknownTransportNamesTheAvailableOnes() {
        assertThat(call("btp-rfc:RFC_PING?destination=" + ERP_RFC + "&transport=jco", null).getException())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'jco'")
                .hasMessageContaining("[recording, soap]");
    }
}
