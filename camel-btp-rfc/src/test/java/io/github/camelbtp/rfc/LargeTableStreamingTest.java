package io.github.camelbtp.rfc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A 200,000-row table is read as it arrives (docs/performance.md); that it costs about its own size in heap is
 * benchmarks' LargeTableHeapTest, beside the probe it runs.
 */
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
}
