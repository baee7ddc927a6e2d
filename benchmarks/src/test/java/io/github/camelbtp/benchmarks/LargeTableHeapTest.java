package io.github.camelbtp.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 200,000-row btp-rfc table costs about its own size in heap (docs/performance.md): {@link LargeTableHeapCheck} in a
 * JVM of its own. Moved here from camel-btp-rfc's LargeTableStreamingTest with the probe it runs.
 */
class LargeTableHeapTest {

    private static final int ROWS = 200_000;

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
