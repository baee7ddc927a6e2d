package io.github.camelbtp.rfc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** Parameters of every kind (scalar, structure, table; importing, exporting, changing) both ways, over SOAP-RFC. */
class ParameterMappingTest extends BtpRfcTestSupport {

    private static final String TYPES = "btp-rfc:Z_CBTP_TYPES?destination=" + ERP_RFC;

    @Test
    void scalarImportingParameterComesBackAsExportingParameter() {
        Map<String, Object> out = rfc("btp-rfc:STFC_CONNECTION?destination=" + ERP_RFC, map("REQUTEXT", "Hello ABAP"));

        assertThat(out).containsEntry("ECHOTEXT", "Hello ABAP");
        assertThat((String) out.get("RESPTEXT")).contains("Sysid: ERP").contains("Logon_Data: 100/RFC_USER/EN");
    }

    @Test
    void functionWithoutParametersAnswersEmpty() {
        assertThat(rfc("btp-rfc:RFC_PING?destination=" + ERP_RFC, null)).isEmpty();
    }

    @Test
    void numbersDatesTimesAndFlagsAreConvertedBothWays() {
        Map<String, Object> out = rfc(TYPES + "&booleanFields=EV_FLAG", map(
                "IV_CHAR", "camel", "IV_NUMC", 42, "IV_INT", 21, "IV_DEC", new BigDecimal("12.34"), "IV_FLOAT", 3.0,
                "IV_DATE", LocalDate.of(2024, 2, 28), "IV_TIME", LocalTime.of(9, 30, 15), "IV_FLAG", true));

        assertThat(out.get("EV_CHAR")).isEqualTo("camel");
        assertThat(out.get("EV_NUMC")).isEqualTo("00000042");       // NUMC stays text, with its leading zeros
        assertThat(out.get("EV_INT")).isEqualTo(42);                // doubled by the function
        assertThat(out.get("EV_DEC")).isEqualTo(new BigDecimal("123.40"));
        assertThat(out.get("EV_FLOAT")).isEqualTo(1.5);
        assertThat(out.get("EV_DATE")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(out.get("EV_TIME")).isEqualTo(LocalTime.of(10, 30, 15));
        assertThat(out.get("EV_FLAG")).isEqualTo(false);            // the function negates the flag it got ('X')
    }

    @Test
    void datesAndTimesAlsoAcceptTextInIsoAndAbapFormat() {
        Map<String, Object> out = rfc(TYPES, map("IV_DATE", "20241231", "IV_TIME", "23:00:00"));

        assertThat(out.get("EV_DATE")).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(out.get("EV_TIME")).isEqualTo(LocalTime.of(0, 0));
    }

    @Test
    void initialDateComesBackAsNull() {
        assertThat(rfc(TYPES, map()).get("EV_DATE")).isNull();
    }

    @Test
    void changingParameterGoesInAndComesBack() {
        assertThat(rfc(TYPES, map("CV_COUNTER", 41)).get("CV_COUNTER")).isEqualTo(42);
    }

    @Test
    @SuppressWarnings("unchecked")
    void structureGoesInAsMapAndComesBackTyped() {
        Map<String, Object> out = rfc(TYPES, map("IS_STRUCT", map("FIELD_C", "text", "FIELD_I", 7,
                "FIELD_P", new BigDecimal("1.500"), "FIELD_D", LocalDate.of(2024, 5, 1), "FIELD_T", LocalTime.NOON)));

        Map<String, Object> struct = (Map<String, Object>) out.get("ES_STRUCT");
        assertThat(struct).containsEntry("FIELD_C", "text").containsEntry("FIELD_I", 7)
                .containsEntry("FIELD_P", new BigDecimal("1.500")).containsEntry("FIELD_D", LocalDate.of(2024, 5, 1))
                .containsEntry("FIELD_T", LocalTime.NOON);
    }

    @Test
    @SuppressWarnings("unchecked")
    void tableGoesInAsListOfMapsAndComesBackAsRows() {
        Map<String, Object> out = rfc(TYPES, map("IT_ROWS", List.of(map("FIELD_C", "first", "FIELD_I", 1),
                map("FIELD_C", "second", "FIELD_I", 2, "FIELD_D", "2024-12-24"))));

        List<Map<String, Object>> rows = (List<Map<String, Object>>) out.get("ET_ROWS");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("FIELD_C", "second").containsEntry("FIELD_I", 2)
                .containsEntry("FIELD_D", LocalDate.of(2024, 12, 24));
        assertThat(rows.get(1)).containsEntry("FIELD_C", "first").containsEntry("FIELD_I", 1).containsEntry("FIELD_D", null);
    }

    @Test
    void outputTablesAreRequestedFromTheInterface() {
        Map<String, Object> out = rfc("btp-rfc:BAPI_SALESORDER_GETLIST?destination=" + ERP_RFC,
                map("CUSTOMER_NUMBER", "1000", "SALES_ORGANIZATION", "1000"));

        assertThat(out).containsKey("SALES_ORDERS");
        assertThat((List<?>) out.get("SALES_ORDERS")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void withoutMetadataValuesStayStringsAndTablesMustBeNamed() {
        String uri = "btp-rfc:BAPI_SALESORDER_GETLIST?destination=" + ERP_RFC + "&metadata=false";
        Map<String, Object> unnamed = rfc(uri, map("CUSTOMER_NUMBER", "0000001000"));
        Map<String, Object> named = rfc(uri + "&outputTables=SALES_ORDERS", map("CUSTOMER_NUMBER", "0000001000"));

        assertThat(unnamed).doesNotContainKey("SALES_ORDERS");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) named.get("SALES_ORDERS")).get(0);
        assertThat(first.get("NET_VALUE")).isEqualTo("2450.00");
        assertThat(first.get("DOC_DATE")).isEqualTo("2024-01-15");
    }

    @Test
    @SuppressWarnings("unchecked")
    void tableRowsAreTypedFromTheInterface() {
        Map<String, Object> out = rfc("btp-rfc:BAPI_SALESORDER_GETLIST?destination=" + ERP_RFC,
                map("CUSTOMER_NUMBER", "0000001000"));

        Map<String, Object> first = ((List<Map<String, Object>>) out.get("SALES_ORDERS")).get(0);
        assertThat(first).containsEntry("NET_VALUE", new BigDecimal("2450.00")).containsEntry("DOC_DATE",
                LocalDate.of(2024, 1, 15)).containsEntry("ITM_NUMBER", "000010");
    }

    @Test
    void jsonTextInJsonTextOut() throws Exception {
        Exchange exchange = call(TYPES + "&outputFormat=json",
                "{\"IV_DEC\": 0.10, \"IV_DATE\": \"2024-01-31\", \"IS_STRUCT\": {\"FIELD_C\": \"j\"},"
                        + " \"IT_ROWS\": [{\"FIELD_I\": 5}]}");

        JsonNode json = new ObjectMapper().readTree(exchange.getMessage().getBody(String.class));
        assertThat(json.get("EV_DEC").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(json.get("EV_DATE").asText()).isEqualTo("2024-02-01");
        assertThat(json.get("ES_STRUCT").get("FIELD_C").asText()).isEqualTo("j");
        assertThat(json.get("ET_ROWS").get(0).get("FIELD_I").asInt()).isEqualTo(5);
    }

    @Test
    void jsonNodeBodyIsAccepted() throws Exception {
        JsonNode body = new ObjectMapper().readTree("{\"REQUTEXT\": \"from a JsonNode\"}");

        assertThat(rfc("btp-rfc:STFC_CONNECTION?destination=" + ERP_RFC, body)).containsEntry("ECHOTEXT", "from a JsonNode");
    }

    @Test
    void namesWithSlashTravelAsUnderscoreDash() {
        Map<String, Object> out = rfc("btp-rfc:/CBTP/ECHO?destination=" + ERP_RFC, map("/CBTP/TEXT", "namespaced"));

        assertThat(out).containsEntry("/CBTP/RESULT", "namespaced");
        assertThat(sandbox().backendRequests().matching(r -> r.path().equals("/sap/bc/soap/wsdl11")))
                .extracting(RecordedRequest::rawQuery).anyMatch(q -> q.contains("services=%2FCBTP%2FECHO"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void readTableSelectsRowsOfASmallTable() {
        Map<String, Object> out = rfc("btp-rfc:RFC_READ_TABLE?destination=" + ERP_RFC, map("QUERY_TABLE", "KNA1",
                "DELIMITER", "|", "OPTIONS", List.of(map("TEXT", "LAND1 = 'US'")),
                "FIELDS", List.of(map("FIELDNAME", "KUNNR"), map("FIELDNAME", "NAME1"))));

        List<Map<String, Object>> data = (List<Map<String, Object>>) out.get("DATA");
        assertThat(data).hasSize(1);
        assertThat(((String) data.get(0).get("WA")).split("\\|")).extracting(String::trim)
                .containsExactly("0000001172", "Carson Industries");
    }

    @Test
    void interfaceIsReadOnceAndCached() {
        sandbox().reset();
        rfc("btp-rfc:RFC_READ_TABLE?destination=" + ERP_RFC, map("QUERY_TABLE", "T000"));
        rfc("btp-rfc:RFC_READ_TABLE?destination=" + ERP_RFC, map("QUERY_TABLE", "TCURC"));

        assertThat(sandbox().backendRequests().matching(r -> r.path().equals("/sap/bc/soap/wsdl11")
                && r.rawQuery().contains("RFC_READ_TABLE"))).hasSize(1);
    }

    @Test
    void answerNamesTheFunctionAndDestination() {
        Exchange exchange = call("btp-rfc:RFC_PING?destination=" + ERP_RFC, null);

        assertThat(exchange.getMessage().getHeader(BtpRfcConstants.FUNCTION)).isEqualTo("RFC_PING");
        assertThat(exchange.getMessage().getHeader(BtpRfcConstants.DESTINATION)).isEqualTo(ERP_RFC);
    }
}
