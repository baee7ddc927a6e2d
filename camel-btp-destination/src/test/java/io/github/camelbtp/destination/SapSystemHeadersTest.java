package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** sap-client / sap-language of an HTTP destination reach the SAP system as headers, unless the endpoint turns it off. */
class SapSystemHeadersTest extends BtpDestinationTestSupport {

    private static final String SALES = "sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1";

    @BeforeEach
    void destination() {
        sandbox().destinations().putSubaccount(OnPremiseHttpTest.erp("ErpClient200",
                Map.of("sap-client", "200", "sap-language", "DE")));
    }

    private RecordedRequest atBackend(String uri) {
        Exchange exchange = template.request(uri, e -> { });
        assertThat(exchange.getException()).isNull();
        return sandbox().backendRequests().last().orElseThrow();
    }

    @Test
    void destinationsSapClientAndLanguageArriveAsHeaders() {
        RecordedRequest request = atBackend("btp-destination:ErpClient200/" + SALES);

        assertThat(request.header("sap-client")).isEqualTo("200");
        assertThat(request.header("sap-language")).isEqualTo("DE");
    }

    @Test
    void sapSystemHeadersFalseLeavesThemOut() {
        RecordedRequest request = atBackend("btp-destination:ErpClient200/" + SALES + "&sapSystemHeaders=false");

        assertThat(request.hasHeader("sap-client")).isFalse();
        assertThat(request.hasHeader("sap-language")).isFalse();
    }
}
