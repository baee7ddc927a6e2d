package io.github.camelbtp.rfc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Function, parameter, field and table names reach the SOAP-RFC request as XML element names (and the function the
 * SOAPAction header): a name that is not an ABAP name is refused with the name, before anything is sent.
 */
class AbapNamesTest extends BtpRfcTestSupport {

    private static final String MARKUP = "IV_X><Z_INJECTED/><IV_Y";

    @Test
    void parameterNameWithMarkupIsRefusedBeforeAnythingIsSent() {
        long before = sandbox().counters().proxiedCalls();

        Exchange exchange = call("btp-rfc:Z_CBTP_TYPES?destination=" + ERP_RFC + "&metadata=false", map(MARKUP, "1"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(RfcConversionException.class, e -> assertThat(
                e.getMessage()).contains("parameter name '" + MARKUP + "'", "Z_CBTP_TYPES", ERP_RFC));
        assertThat(sandbox().counters().proxiedCalls()).isEqualTo(before);
    }

    @Test
    void structureFieldNameWithMarkupIsRefused() {
        Exchange exchange = call("btp-rfc:Z_CBTP_TYPES?destination=" + ERP_RFC + "&metadata=false",
                map("IS_STRUCT", map("FIELD_C\"/><x a=\"", "text")));

        assertThat(exchange.getException()).isInstanceOf(RfcConversionException.class)
                .hasMessageContaining("field name 'FIELD_C\"/><x a=\"'");
    }

    @Test
    void tableRowFieldNameWithALineBreakIsRefused() {
        Exchange exchange = call("btp-rfc:Z_CBTP_TYPES?destination=" + ERP_RFC + "&metadata=false",
                map("IT_ROWS", List.of(map("FIELD\nX", "1"))));

        assertThat(exchange.getException()).isInstanceOf(RfcConversionException.class)
                .hasMessageContaining("field name 'FIELD\\u000aX'");
    }

    @Test
    void outputTableNameWithMarkupIsRefused() {
        Exchange exchange = call("btp-rfc:Z_CBTP_TYPES?destination=" + ERP_RFC + "&metadata=false&outputTables=ET_A<b>",
                map());

        assertThat(exchange.getException()).isInstanceOf(RfcConversionException.class)
                .hasMessageContaining("table name 'ET_A<b>'");
    }

    @Test
    void functionNameWithMarkupIsRefusedWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("btp-rfc:Z_CBTP%3C%2Fx%3E?destination=" + ERP_RFC))
                .rootCause().isInstanceOf(RfcConversionException.class)
                .hasMessageContaining("function module 'Z_CBTP</x>'").hasMessageContaining(ERP_RFC);
    }

    @Test
    void functionNameLongerThanThirtyCharactersIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("btp-rfc:Z_" + "A".repeat(29) + "?destination=" + ERP_RFC))
                .rootCause().isInstanceOf(RfcConversionException.class).hasMessageContaining("at most 30");
    }

    @Test
    void namespacedNamesAreAbapNames() {
        assertThat(AbapName.isValid("/BIC/ZSALES_GET")).isTrue();
        assertThat(AbapName.isValid("BAPI_SALESORDER_GETLIST")).isTrue();
        assertThat(AbapName.isValid("/BIC/")).isFalse();
        assertThat(AbapName.isValid("A B")).isFalse();
        assertThat(AbapName.isValid("")).isFalse();
    }
}
