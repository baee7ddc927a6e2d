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
    void unknownTransportFailsTheRouteStartNamingTheAvailableOnes() {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> context.addRoutes(
                new org.apache.camel.builder.RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:jco").to("btp-rfc:RFC_PING?destination=" + ERP_RFC + "&transport=jco");
                    }
                }));

        assertThat(failure).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(org.assertj.core.util.Throwables.getRootCause(failure)).hasMessageContaining("'jco'")
                .hasMessageContaining("[recording, soap]");
    }
}
