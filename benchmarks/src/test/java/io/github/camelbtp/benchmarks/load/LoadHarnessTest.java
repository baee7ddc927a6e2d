package io.github.camelbtp.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load harness itself, small: a few hundred requests so it keeps working between the documented runs
 * (docs/reliability.md, "Load"); the figures come from the full runs, not from here.
 */
class LoadHarnessTest {

    @Test
    void twoHundredRequestsThroughTheConnectivityProxyHoldEveryInvariant() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // too short for token rotations: those are the full run's figure
        LoadOptions options = LoadOptions.parse("--requests", "200", "--callers", "8", "--pool", "4", "--warmup", "40",
                "--min-rotations", "0");

        List<String> failed = new LoadHarness(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(failed).as(output).isEmpty();
        assertThat(output).contains("requests: 200 ok, 0 errors").contains("(pool 4)").contains("PASS");
    }

    @Test
    void optionsDefaultPerTypeAndRefuseWhatTheyDoNotKnow() {
        assertThat(LoadOptions.parse()).extracting(LoadOptions::requests, LoadOptions::callers)
                .containsExactly(100_000L, 64);
        assertThat(LoadOptions.parse("--type", "mail").callers()).isEqualTo(16);
        assertThat(LoadOptions.parse("--duration", "10m").duration()).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> LoadOptions.parse("--request", "5")).hasMessageContaining("unknown option --request");
        assertThatThrownBy(() -> LoadOptions.parse("--callers", "0")).hasMessageContaining("--callers must be at least 1");
        assertThatThrownBy(() -> LoadOptions.parse("--duration", "soon")).hasMessageContaining("90s, 10m");
    }
}
