package io.github.camelbtp.rfc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.sandbox.connectivity.CloudConnector;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What a route sees when a call fails: typed exceptions that name the function, destination, user or parameter. */
class ErrorsTest extends BtpRfcTestSupport {

    @Test
    void abapExceptionBecomesRfcAbapExceptionWithNameAndText() {
        Exchange exchange = call("btp-rfc:Z_CBTP_RAISE?destination=" + ERP_RFC, map("IV_EXCEPTION", "NOT_FOUND"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(RfcAbapException.class, e -> {
            assertThat(e.key()).isEqualTo("NOT_FOUND");
            assertThat(e.text()).isEqualTo("The requested object does not exist");
            assertThat(e.function()).isEqualTo("Z_CBTP_RAISE");
            assertThat(e.destinationName()).isEqualTo(ERP_RFC);
            assertThat(e.getMessage()).contains("Z_CBTP_RAISE", ERP_RFC, "NOT_FOUND");
        });
    }

    @Test
    void standardFunctionExceptionIsRaisedToo() {
        Exchange exchange = call("btp-rfc:RFC_READ_TABLE?destination=" + ERP_RFC, map("QUERY_TABLE", "ZNOPE"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(RfcAbapException.class,
                e -> assertThat(e.key()).isEqualTo("TABLE_NOT_AVAILABLE"));
    }

    @Test
    void bapiErrorInReturnFailsWithCheckReturn() {
        Exchange exchange = call("btp-rfc:BAPI_SALESORDER_GETLIST?destination=" + ERP_RFC + "&checkReturn=true",
                map("SALES_ORGANIZATION", "1000"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(RfcBapiException.class, e -> {
            assertThat(e.firstError()).isEqualTo("Enter a customer number");
            assertThat(e.getMessage()).contains("BAPI_SALESORDER_GETLIST", "Enter a customer number");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void bapiErrorIsOnlyDataWithoutCheckReturn() {
        Exchange exchange = call("btp-rfc:BAPI_SALESORDER_GETLIST?destination=" + ERP_RFC, map("SALES_ORGANIZATION", "1000"));

        assertThat(exchange.getException()).isNull();
        Map<String, Object> returned = (Map<String, Object>) exchange.getMessage().getBody(Map.class).get("RETURN");
        assertThat(returned).containsEntry("TYPE", "E");
    }

    @Test
    void functionTheUserHasNoS_RfcAuthorizationForIsRefusedByTheAbapSystemNotTheCloudConnector() {
        sandbox().cloudConnector().clearAuditLog();

        Exchange exchange = call("btp-rfc:RFC_SYSTEM_INFO?destination=" + ERP_RFC + "&metadata=false", null);

        // SOAP-RFC passes the Cloud Connector's HTTP mapping by path; the ABAP system's S_RFC check refuses the function
        assertThat(exchange.getException()).isInstanceOfSatisfying(RfcAuthorizationException.class, e ->
                assertThat(e.getMessage()).contains("RFC_SYSTEM_INFO", ERP_RFC, "S_RFC")
                        .doesNotContain("RFC resources"));
        assertThat(sandbox().cloudConnector().auditLog()).isEmpty();
    }

    @Test
    void metadataOfAFunctionWithoutS_RfcIsReadButTheCallIsRefused() {
        Exchange exchange = call("btp-rfc:RFC_SYSTEM_INFO?destination=" + ERP_RFC, null);

        assertThat(exchange.getException()).isInstanceOf(RfcAuthorizationException.class)
                .hasMessageContaining("RFC_SYSTEM_INFO");
    }

    @Test
    void wrongPasswordNamesTheUserAndNeverThePassword() {
        String name = rfcDestination("ERP_RFC_WRONG_PASSWORD", Map.of("jco.client.passwd", "Not-The-Password-9"));

        Exchange exchange = call("btp-rfc:RFC_PING?destination=" + name, null);

        assertThat(exchange.getException()).isInstanceOfSatisfying(RfcAuthorizationException.class, e -> {
            assertThat(e.user()).isEqualTo(DemoDestinations.RFC_USER);
            assertThat(e.getMessage()).contains(DemoDestinations.RFC_USER, name, "client 100", "401")
                    .doesNotContain("Not-The-Password-9");
        });
    }

    @Test
    void passwordCorrectedInTheCockpitWorksAtTheNextCallNotAfterTheCache() {
        String name = rfcDestination("ERP_RFC_PASSWORD_CORRECTED", Map.of("jco.client.passwd", "Not-The-Password-9"));
        assertThat(call("btp-rfc:RFC_PING?destination=" + name, null).getException())
                .isInstanceOf(RfcAuthorizationException.class);

        String original = sandbox().destinations().get(ERP_RFC).orElseThrow().get("jco.client.passwd");
        rfcDestination(name, Map.of("jco.client.passwd", original));

        assertThat(call("btp-rfc:RFC_PING?destination=" + name, null).getException()).isNull();
    }

    @Test
    void unknownClientIsALogonFailure() {
        String name = rfcDestination("ERP_RFC_CLIENT_999", Map.of("jco.client.client", "999"));

        assertThat(call("btp-rfc:RFC_PING?destination=" + name, null).getException())
                .isInstanceOf(RfcAuthorizationException.class).hasMessageContaining("client 999");
    }

    @Test
    void missingRfcAuthorizationNamesUserAndFunction() {
        String name = rfcDestination("ERP_RFC_READER", Map.of("jco.client.user", DemoDestinations.RFC_READER,
                "jco.client.passwd", DemoDestinations.RFC_READER_PASSWORD));

        Exchange exchange = call("btp-rfc:BAPI_SALESORDER_GETLIST?destination=" + name + "&metadata=false",
                map("CUSTOMER_NUMBER", "1000"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(RfcAuthorizationException.class, e -> {
            assertThat(e.user()).isEqualTo(DemoDestinations.RFC_READER);
            assertThat(e.getMessage()).contains(DemoDestinations.RFC_READER, "BAPI_SALESORDER_GETLIST", "S_RFC");
        });
    }

    @Test
    void unknownFunctionIsReportedAsNotFound() {
        Exchange exchange = call("btp-rfc:Z_DOES_NOT_EXIST?destination=" + ERP_RFC, null);

        assertThat(exchange.getException()).isInstanceOf(RfcException.class)
                .hasMessageContaining("Z_DOES_NOT_EXIST").hasMessageContaining("not found");
    }

    @Test
    void valueThatIsNotADateNamesParameterFunctionAndDestination() {
        Exchange exchange = call("btp-rfc:Z_CBTP_TYPES?destination=" + ERP_RFC, map("IV_DATE", "31.12.2024"));

        assertThat(exchange.getException()).isInstanceOf(RfcConversionException.class)
                .hasMessageContaining("IV_DATE").hasMessageContaining("Z_CBTP_TYPES").hasMessageContaining(ERP_RFC)
                .hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void textForAnIntegerFieldOfATableRowNamesTheRow() {
        Exchange exchange = call("btp-rfc:Z_CBTP_TYPES?destination=" + ERP_RFC,
                map("IT_ROWS", List.of(map("FIELD_I", 1), map("FIELD_I", "two"))));

        assertThat(exchange.getException()).isInstanceOf(RfcConversionException.class)
                .hasMessageContaining("IT_ROWS[1]-FIELD_I").hasMessageContaining("not an integer");
    }

    @Test
    void textLongerThanTheCharFieldIsRefusedInsteadOfTruncated() {
        Exchange exchange = call("btp-rfc:Z_CBTP_TYPES?destination=" + ERP_RFC, map("IV_CHAR", "longer than ten"));

        assertThat(exchange.getException()).isInstanceOf(RfcConversionException.class).hasMessageContaining("char10");
    }

    @Test
    void unknownParameterIsNamedWithTheKnownOnes() {
        Exchange exchange = call("btp-rfc:STFC_CONNECTION?destination=" + ERP_RFC, map("REQTEXT", "typo"));

        assertThat(exchange.getException()).isInstanceOf(RfcConversionException.class)
                .hasMessageContaining("no parameter REQTEXT").hasMessageContaining("REQUTEXT");
    }

    @Test
    void exportingParameterCannotBePassed() {
        Exchange exchange = call("btp-rfc:STFC_CONNECTION?destination=" + ERP_RFC, map("ECHOTEXT", "x"));

        assertThat(exchange.getException()).isInstanceOf(RfcConversionException.class)
                .hasMessageContaining("ECHOTEXT is an exporting parameter");
    }

    @Test
    void withoutMetadataTheSystemRejectsABadDate() {
        Exchange exchange = call("btp-rfc:Z_CBTP_TYPES?destination=" + ERP_RFC + "&metadata=false",
                map("IV_DATE", LocalDate.of(2024, 1, 1).toString().replace("-", ".")));

        assertThat(exchange.getException()).isInstanceOfSatisfying(RfcAbapException.class,
                e -> assertThat(e.key()).isEqualTo("CX_SY_CONVERSION_ERROR"));
    }

    @Test
    void bodyThatIsNeitherMapNorJsonObjectIsATypedError() {
        assertThat(call("btp-rfc:RFC_PING?destination=" + ERP_RFC, "[1, 2]").getException())
                .isInstanceOf(RfcConversionException.class).hasMessageContaining("JSON ARRAY");
        assertThat(call("btp-rfc:RFC_PING?destination=" + ERP_RFC, "not json").getException())
                .isInstanceOf(RfcConversionException.class).hasMessageContaining("not JSON");
    }
}
