package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

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
    void propertyPlaceholdersInCamelHttpPathAreSentAsWrittenNeverResolved() {
        // camel-http resolves {{...}} in the URL of each request: a caller who sets the path (a platform-http route
        // passes its own caller's path on) could have a property of the application sent to the destination's server
        Properties properties = new Properties();
        properties.setProperty("app.secret", "s3cr3t-of-the-camel-context");
        context.getPropertiesComponent().setOverrideProperties(properties);

        call(SERVICE, null, Map.of(Exchange.HTTP_PATH, "A_SalesOrder{{app.secret}}"));

        RecordedRequest sent = sandbox().backendRequests().last().orElseThrow();
        assertThat(sent.path()).endsWith("/A_SalesOrder{{app.secret}}").doesNotContain("s3cr3t");
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

    @ParameterizedTest
    @ValueSource(strings = { "..;/..;/admin", "x/..;/..;/..;/..;/..;/admin", "%252e%252e/%252e%252e/admin",
            "%252E%252E/admin", "%2e%2e;/admin", ".%2e;/admin", "..%3b/admin", "..%3Bjsessionid=1/admin",
            "%25%32%65%25%32%65/admin", "%2525252e%2525252e/admin", "x%252f..%252f..%252fadmin", "%255c..%255cadmin",
            "..;x=1/admin", ".;/admin" })
    void camelHttpPathWithADotSegmentDisguisedForTheServerIsRejected(String path) {
        // servers that drop ';' parameters (Tomcat, Jetty, Spring) or decode twice would read these as '..'
        Exchange exchange = call("btp-destination:OnPremiseERP/sap", null, Map.of(Exchange.HTTP_PATH, path));

        assertThat(exchange.getException()).isInstanceOf(BtpConnectivityException.class)
                .hasMessageContaining("OnPremiseERP").hasMessageContaining("Refused path");
        assertThat(sandbox().counters().proxiedCalls()).isZero();
    }

    @Test
    void matrixParametersAndPercentSignsOfOrdinarySegmentsStillPass() {
        // SAP Gateway versions services with ';v=': only dot segments with parameters are refused
        Exchange exchange = call("btp-destination:OnPremiseERP/sap/opu/odata/sap", null,
                Map.of(Exchange.HTTP_PATH, "API_SALES_ORDER_SRV;v=0001/A_SalesOrder('100%25')"));

        // sent on: what the Cloud Connector and the backend make of it is theirs to say
        assertThat(exchange.getException()).satisfiesAnyOf(
                e -> assertThat(e).isNull(),
                e -> assertThat(e).hasMessageNotContaining("Refused path"));
        assertThat(sandbox().proxyRequests().size()).isEqualTo(1);
    }

    @Test
    void lineBreakInCamelHttpQueryIsRefusedNamingTheHeader() {
        Exchange exchange = call(SERVICE + "/A_SalesOrder", null,
                Map.of(Exchange.HTTP_QUERY, "$top=1\r\nX-Injected: yes"));

        assertThat(exchange.getException()).isInstanceOf(BtpConnectivityException.class)
                .hasMessageContaining("OnPremiseERP").hasMessageContaining("CamelHttpQuery")
                .hasMessageContaining("%0D%0A").hasMessageNotContaining("\r\n");
        assertThat(sandbox().counters().proxiedCalls()).isZero();
    }

    @Test
    void spacesAndQuotesInCamelHttpQueryStillPass() {
        // OData filters are commonly written unencoded; camel-http encodes them
        Exchange exchange = call(SERVICE + "/A_SalesOrder", null,
                Map.of(Exchange.HTTP_QUERY, "$filter=SoldToParty eq '17100001'&$top=1"));

        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().backendRequests().last().orElseThrow().rawQuery()).contains("SoldToParty%20eq%20");
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
