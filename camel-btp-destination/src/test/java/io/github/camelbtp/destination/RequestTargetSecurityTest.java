package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An exchange header can never move a request to another host, another Cloud Connector, or above the destination's path. */
class RequestTargetSecurityTest extends BtpDestinationTestSupport {

    private static final String SERVICE = "btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV";

    @Test
    void camelHttpUriHeaderIsIgnored() {
        String elsewhere = sandbox().cloudApiUri() + "/public/ping";

        Exchange exchange = call(SERVICE + "/A_SalesOrder?$top=1", null, Map.of(Exchange.HTTP_URI, elsewhere));

        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().backendRequests().matching(r -> r.server().equals("cloud-api"))).isEmpty();
        assertThat(sandbox().backendRequests().last().orElseThrow().path()).endsWith("/A_SalesOrder");
    }

    @Test
    void relativeCamelHttpPathIsAppendedToTheDestination() {
        Exchange exchange = call(SERVICE, null, Map.of(Exchange.HTTP_PATH, "A_SalesOrder", Exchange.HTTP_QUERY, "$top=1"));

        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().backendRequests().last().orElseThrow().path())
                .isEqualTo("/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder");
    }

    @Test
    void dotDotThatStaysInsideTheDestinationPathIsAllowed() {
        Exchange exchange = call(SERVICE + "/A_SalesOrder", null, Map.of(Exchange.HTTP_PATH, "x/../", Exchange.HTTP_QUERY, "$top=1"));

        assertThat(exchange.getException()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://evil.example/steal", "//evil.example/steal", "../../../../etc/passwd", "%2e%2e/%2E%2E/x/../../..",
            "..%2f..%2f..%2f..%2f..", "javascript:alert(1)", "a\\..\\..", "A_SalesOrder?sap-client=999" })
    void camelHttpPathThatCouldLeaveTheDestinationIsRejectedBeforeAnyRequest(String path) {
        Exchange exchange = call("btp-destination:OnPremiseERP/sap", null, Map.of(Exchange.HTTP_PATH, path));

        assertThat(exchange.getException()).isInstanceOf(BtpConnectivityException.class)
                .hasMessageContaining("OnPremiseERP").hasMessageContaining("Refused path");
        assertThat(sandbox().counters().proxiedCalls()).isZero();
    }

    @Test
    void connectivityHeadersFromTheMessageCannotPickAnotherCloudConnector() {
        sandbox().cloudConnector().connector("Plant01").setConnected(false);
        try {
            Exchange exchange = call(SERVICE + "/A_SalesOrder?$top=1", null,
                    Map.of("SAP-Connectivity-SCC-Location_ID", "Plant01", "Proxy-Authorization", "Bearer forged"));

            assertThat(exchange.getException()).isNull();
        } finally {
            sandbox().cloudConnector().connector("Plant01").setConnected(true);
        }
    }

    @Test
    void destinationNameHeaderIsIgnoredUnlessEnabled() {
        Exchange ignored = call(SERVICE + "/A_SalesOrder?$top=1", null,
                Map.of(BtpDestinationConstants.DESTINATION_NAME, "PublicCatalog"));
        assertThat(ignored.getException()).isNull();
        assertThat(ignored.getMessage().getHeader(BtpDestinationConstants.RESOLVED_DESTINATION)).isEqualTo("OnPremiseERP");

        Exchange honoured = call("btp-destination:OnPremiseERP/ping?destinationFromHeader=true", null,
                Map.of(BtpDestinationConstants.DESTINATION_NAME, "PublicCatalog"));
        assertThat(honoured.getException()).isNull();
        assertThat(honoured.getMessage().getHeader(BtpDestinationConstants.RESOLVED_DESTINATION)).isEqualTo("PublicCatalog");
    }
}
