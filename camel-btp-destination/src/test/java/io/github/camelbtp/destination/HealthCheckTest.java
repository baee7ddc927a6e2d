package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.support.Engines;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The component's readiness check of the Destination Service and the Connectivity proxy (camel-health). */
class HealthCheckTest extends BtpDestinationTestSupport {

    private HealthCheck check() {
        WritableHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        assertThat(producers).as("camel-health's producers repository").isNotNull();
        // producer checks are off by default (camel.health.producersEnabled); switch them on to read this one
        producers.setEnabled(true);
        return producers.stream().filter(c -> c.getId().equals(BtpServicesHealthCheck.ID)).findFirst().orElseThrow();
    }

    @Test
    void readyWhenBothServicesAnswer() {
        HealthCheck.Result result = check().callReadiness();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsKeys("btp.destination-service", "btp.connectivity-proxy");
        assertThat(check().isLiveness()).isFalse();
    }

    @Test
    void notReadyWhileTheTokenServiceFailsAndTheReasonNamesItWithoutSecrets() {
        sandbox().faults().tokenServiceFailure(503);

        HealthCheck.Result result = check().callReadiness();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("Destination Service").contains("503"));
        String shown = result.getMessage().orElse("") + result.getDetails();
        for (String secret : Engines.bindingSecrets(sandbox())) {
            assertThat(shown).doesNotContain(secret);
        }
    }

    @Test
    void checkGoesAwayWithTheComponent() throws Exception {
        assertThat(check().getId()).isEqualTo(BtpServicesHealthCheck.ID);

        component().stop();

        assertThat(HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class)
                .stream().map(HealthCheck::getId)).doesNotContain(BtpServicesHealthCheck.ID);
    }
}
