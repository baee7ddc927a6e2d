package io.github.camelbtp.connectivity;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/troubleshooting.md carries {@link Cause#markdownTable()} verbatim: one table of causes, one source. With
 * {@code -Dcamel.btp.regenerateDocs=true} the test writes the table into the document instead of comparing.
 */
class CauseTableTest {

    private static final Path DOC = Path.of("../docs/troubleshooting.md");
    private static final String BEGIN = "<!-- causes:begin -->\n";
    private static final String END = "<!-- causes:end -->";

    @Test
    void troubleshootingDocCarriesTheCauseTableOfTheEngine() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("markers in %s", DOC).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = Cause.markdownTable();
        if (Boolean.getBoolean("camel.btp.regenerateDocs")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + expected + doc.substring(end));
            return;
        }
        assertThat(doc.substring(begin + BEGIN.length(), end)).isEqualTo(expected);
    }

    @Test
    void everyCauseNamesItsSapPageAndAFix() {
        for (Cause cause : Cause.values()) {
            assertThat(cause.page()).as(cause.name()).matches("[a-z0-9-]+-[0-9a-f]{7}");
            assertThat(cause.fix()).as(cause.name()).isNotBlank();
            assertThat(cause.cause() + cause.symptom() + cause.fix()).as(cause.name()).doesNotContain("|");
        }
    }
}
