package io.github.camelbtp.rfc;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** commit=true: the BAPI and BAPI_TRANSACTION_COMMIT in one stateful session; rollback on error; no leaking sessions. */
class CommitTest extends BtpRfcTestSupport {

    private static final String CREATE = "btp-rfc:BAPI_SALESORDER_CREATEFROMDAT2?destination=" + ERP_RFC;

    private static Map<String, Object> order(String customer, String purchaseOrder) {
        return map("ORDER_HEADER_IN", map("DOC_TYPE", "TA", "SALES_ORG", "1000", "DISTR_CHAN", "10", "DIVISION", "00",
                        "PURCH_NO_C", purchaseOrder),
                "ORDER_PARTNERS", List.of(map("PARTN_ROLE", "AG", "PARTN_NUMB", customer)),
                "ORDER_ITEMS_IN", List.of(map("ITM_NUMBER", 10, "MATERIAL", "M-01", "TARGET_QTY", new BigDecimal("3"),
                        "NET_VALUE", new BigDecimal("99.90"))));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> ordersOf(String customer) {
        Map<String, Object> out = rfc("btp-rfc:BAPI_SALESORDER_GETLIST?destination=" + ERP_RFC,
                map("CUSTOMER_NUMBER", customer));
        return (List<Map<String, Object>>) out.get("SALES_ORDERS");
    }

    @Test
    void committedOrderBecomesVisible() {
        Map<String, Object> out = rfc(CREATE + "&commit=true", order("1390", "PO-COMMIT"));

        String number = (String) out.get("SALESDOCUMENT");
        assertThat(number).isNotBlank();
        assertThat(ordersOf("1390")).extracting(r -> r.get("SD_DOC")).contains(number);
        assertThat(sandbox().abapSystem().salesOrders().find(number)).isPresent();
    }

    @Test
    void orderCreatedWithoutCommitIsDiscarded() {
        Map<String, Object> out = rfc(CREATE, order("1390", "PO-NO-COMMIT"));

        String number = (String) out.get("SALESDOCUMENT");
        assertThat(number).isNotBlank();
        assertThat(sandbox().abapSystem().salesOrders().find(number)).isEmpty();
        assertThat(ordersOf("1390")).extracting(r -> r.get("SD_DOC")).doesNotContain(number);
    }

    @Test
    void commitInAnotherExchangeDoesNotSeeTheFirstExchangesWork() {
        String number = (String) rfc(CREATE, order("1390", "PO-SEPARATE")).get("SALESDOCUMENT");

        rfc("btp-rfc:BAPI_TRANSACTION_COMMIT?destination=" + ERP_RFC, map("WAIT", "X"));

        assertThat(sandbox().abapSystem().salesOrders().find(number)).isEmpty();
    }

    @Test
    void bapiErrorRollsBackAndRaises() {
        int before = sandbox().abapSystem().salesOrders().committed().size();

        Exchange exchange = call(CREATE + "&commit=true", order("9999999", "PO-BAD-CUSTOMER"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(RfcBapiException.class,
                e -> assertThat(e.firstError()).isEqualTo("Customer 0009999999 does not exist"));
        assertThat(sandbox().abapSystem().salesOrders().committed()).hasSize(before);
    }

    @Test
    void rollbackAndCommitRunInTheCallsSession() {
        sandbox().reset();
        rfc(CREATE + "&commit=true", order("1000", "PO-SESSION"));
        call(CREATE + "&commit=true", order("9999999", "PO-SESSION-BAD"));

        var soapCalls = sandbox().backendRequests().matching(r -> r.path().equals("/sap/bc/soap/rfc"));
        // good order: open … close; bad order: open … close (the rollback)
        assertThat(soapCalls).extracting(r -> r.rawQuery().replaceAll(".*sap-sessioncmd=(\\w+).*", "$1"))
                .containsSubsequence("open", "close", "open", "close");
        assertThat(soapCalls.stream().filter(r -> r.rawQuery().contains("sap-sessioncmd=close")))
                .allMatch(r -> r.header("Cookie") != null && r.header("Cookie").contains("sap-contextid="));
    }

    @Test
    void noSessionStaysOpenAfterExchanges() {
        rfc(CREATE + "&commit=true", order("1000", "PO-LEAK-1"));
        call(CREATE + "&commit=true", order("9999999", "PO-LEAK-2"));
        call("btp-rfc:Z_CBTP_RAISE?destination=" + ERP_RFC + "&commit=true", map("IV_EXCEPTION", "NOT_FOUND"));

        assertThat(sandbox().abapSystem().openSessions()).isZero();
    }

    @Test
    void concurrentCommitsKeepTheirSessionsApart() throws Exception {
        int before = sandbox().abapSystem().salesOrders().committed().size();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Exchange>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                // every third exchange fails and rolls back; it must not take the others' orders with it
                Map<String, Object> body = order(i % 3 == 0 ? "9999999" : "1390", "PO-PARALLEL-" + i);
                results.add(pool.submit(() -> call(CREATE + "&commit=true", body)));
            }
            java.util.Set<String> created = new java.util.HashSet<>();
            for (var result : results) {
                Exchange exchange = result.get();
                if (exchange.getException() == null) {
                    created.add((String) exchange.getMessage().getBody(Map.class).get("SALESDOCUMENT"));
                } else {
                    assertThat(exchange.getException()).isInstanceOf(RfcBapiException.class);
                }
            }
            assertThat(created).hasSize(16);
            assertThat(sandbox().abapSystem().salesOrders().committed()).hasSize(before + 16);
            assertThat(created).allSatisfy(n -> assertThat(sandbox().abapSystem().salesOrders().find(n)).isPresent());
            assertThat(sandbox().abapSystem().openSessions()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void abapExceptionUnderCommitRollsBackAndRaisesIt() {
        Exchange exchange = call("btp-rfc:Z_CBTP_RAISE?destination=" + ERP_RFC + "&commit=true",
                map("IV_EXCEPTION", "NOT_FOUND"));

        assertThat(exchange.getException()).isInstanceOf(RfcAbapException.class);
        assertThat(sandbox().backendRequests().last().orElseThrow().rawQuery()).contains("sap-sessioncmd=close");
    }

    @Test
    void invalidInputUnderCommitSendsNothing() {
        sandbox().reset();

        Exchange exchange = call(CREATE + "&commit=true", map("ORDER_HEADER_IN", map("REQ_DATE_H", "tomorrow")));

        assertThat(exchange.getException()).isInstanceOf(RfcConversionException.class);
        assertThat(sandbox().backendRequests().matching(r -> r.path().equals("/sap/bc/soap/rfc"))).isEmpty();
    }

    @Test
    void commitAnswersWithReturnMessagesHeader() {
        Exchange exchange = call(CREATE + "&commit=true", order("1000", "PO-HEADER"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = exchange.getMessage().getHeader(BtpRfcConstants.RETURN_MESSAGES, List.class);
        assertThat(messages).extracting(m -> m.get("TYPE")).contains("S");
    }
}
