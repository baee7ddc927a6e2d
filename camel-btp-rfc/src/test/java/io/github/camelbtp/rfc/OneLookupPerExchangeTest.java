package io.github.camelbtp.rfc;

import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One lookup per exchange: the producer finds the RFC destination once and every SOAP call of the exchange (the BAPI
 * and BAPI_TRANSACTION_COMMIT with commit=true) is authenticated and dispatched from that one result, without looking
 * it up again. With the destination cache off (TTL 0) each lookup would be a find request at the Destination Service.
 */
class OneLookupPerExchangeTest extends BtpRfcTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("btp-rfc", BtpRfcComponent.class).getEngineOptions().setDestinationCacheTtl(0);
        return context;
    }

    private List<RecordedRequest> findRequests() {
        return sandbox().serviceRequests().all().stream()
                .filter(r -> r.server().equals("destination") && r.path().endsWith("/" + ERP_RFC)).toList();
    }

    @Test
    void committedCallLooksItsDestinationUpOnce() {
        sandbox().serviceRequests().clear();

        Map<String, Object> out = rfc("btp-rfc:BAPI_SALESORDER_CREATEFROMDAT2?commit=true&destination=" + ERP_RFC,
                map("ORDER_HEADER_IN", map("DOC_TYPE", "TA", "SALES_ORG", "1000", "DISTR_CHAN", "10", "DIVISION", "00",
                                "PURCH_NO_C", "PO-ONE-LOOKUP"),
                        "ORDER_PARTNERS", List.of(map("PARTN_ROLE", "AG", "PARTN_NUMB", "1390")),
                        "ORDER_ITEMS_IN", List.of(map("ITM_NUMBER", 10, "MATERIAL", "M-01", "TARGET_QTY",
                                new BigDecimal("1"), "NET_VALUE", new BigDecimal("9.90")))));

        assertThat((String) out.get("SALESDOCUMENT")).isNotBlank();
        assertThat(findRequests()).hasSize(1);
    }
}
