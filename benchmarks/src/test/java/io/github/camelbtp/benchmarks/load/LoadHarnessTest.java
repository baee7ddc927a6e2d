package io.github.camelbtp.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The load harness's options. The harness itself is not run by the build: even 200 requests took 30 s on the
 * 2-core machine shared with other builds (sandbox start, warm-up, full GCs); its figures come from the documented
 * runs (docs/reliability.md, "Load").
 */
class LoadHarnessTest {

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
