package io.github.camelbtp.rfc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A 200,000-row table is read as it arrives and costs about its own size in heap (docs/performance.md). */
class LargeTableStreamingTest extends BtpRfcTestSupport {

    private static final int ROWS = 200_000;

    @Test
    @SuppressWarnings("unchecked")
    void twoHundredThousandRowsArriveThroughTheCloudConnector() {
        Map<String, Object> out = rfc("btp-rfc:Z_GET_SALES_DATA?destination=" + ERP_RFC,
                map("IV_ROWS", ROWS, "IV_INCLUDE_CANCELLED", true, "IV_FROM_DATE", LocalDate.of(2024, 1, 1)));

        List<Map<String, Object>> rows = (List<Map<String, Object>>) out.get("ET_SALES");
        assertThat(rows).hasSize(ROWS);
        assertThat(out.get("EV_COUNT")).isEqualTo(ROWS);
        Map<String, Object> last = rows.get(ROWS - 1);
        assertThat(last).containsEntry("VBELN", "5000039999").containsEntry("POSNR", "000050")
                .containsEntry("NETWR", new BigDecimal("299.63")).containsEntry("WAERK", "EUR");
        assertThat(last.get("ERDAT")).isEqualTo(LocalDate.of(2024, 1, 1).plusDays((ROWS - 1) % 365));
    }

    @Test
    void twoHundredThousandRowsFitInAHeapOfTwiceTheirWireSize() throws Exception {
        // a JVM of its own, with a heap of 96 MB for an answer of 42 MB: the sandbox, Camel and the result all fit
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xmx96m", "-cp", classpath, LargeTableHeapCheck.class.getName(), Integer.toString(ROWS))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        String line = output.lines().filter(l -> l.startsWith("rows=")).findFirst().orElseThrow();
        long wire = Long.parseLong(line.replaceAll(".*wireBytes=(\\d+).*", "$1"));
        long retained = Long.parseLong(line.replaceAll(".*retainedBytes=(-?\\d+).*", "$1"));
        assertThat(line).startsWith("rows=" + ROWS + " ");
        assertThat(96L * 1024 * 1024).isLessThan(3 * wire);
        assertThat(retained).isLessThan(2 * wire);
    }
}
