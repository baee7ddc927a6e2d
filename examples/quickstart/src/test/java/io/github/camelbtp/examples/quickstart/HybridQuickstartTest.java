package io.github.camelbtp.examples.quickstart;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command runs this main job; this test keeps it working. */
class HybridQuickstartTest {

    @Test
    void quickstartReadsOrdersCreatesOneAndExitsZero() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int status = HybridQuickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output).isZero();
        assertThat(output).contains("orders read   10").containsPattern("total value   [0-9]+\\.[0-9]{2} [A-Z]{3}")
                .containsPattern("order created [0-9]+ ")
                .contains("rfc call      BAPI_SALESORDER_GETLIST via ERP_RFC: 4 items of customer 1000, 9985.40 EUR")
                .contains("summary mailed to orders@corp.example via CorporateMail");
    }
}
