package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.Cause;
import io.github.camelbtp.connectivity.support.Engines;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import java.util.Collection;

import static io.github.camelbtp.sandbox.demo.DemoDestinations.LEGACY_TCP;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.ON_PREMISE_ERP;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_SERVICE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code healthCheckDestinations}: one readiness check per destination in Camel's health registry, built on the diagnosis. */
class DestinationHealthCheckTest extends BtpDestinationTestSupport {

    @Override
    protected void configure(BtpDestinationComponent component) {
        super.configure(component);
        component.setHealthCheckDestinations(ON_PREMISE_ERP + SALES_SERVICE_PATH + ", " + LEGACY_TCP);
    }

    private HealthCheck.Result readiness(String id) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context, "full");
        return results.stream().filter(r -> r.getCheck().getId().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no readiness check " + id + " among " + results.stream().map(r -> r.getCheck().getId()).toList()));
    }

    @Test
    void eachNamedDestinationIsAReadinessCheckThatIsUpWhenEveryHopPasses() {
        assertThat(readiness("btp-destination:" + ON_PREMISE_ERP).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(readiness("btp-destination:" + LEGACY_TCP).getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void downNamesTheFailedHopAndTheCauseWithoutSecrets() {
        sandbox().cloudConnector().connector("").setConnected(false);
        try {

            HealthCheck.Result result = readiness("btp-destination:" + ON_PREMISE_ERP);

            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getDetails()).containsEntry("failed.hop", "cloud-connector")
                    .containsEntry("cause", Cause.PROXY_503.cause()).containsEntry("fix", Cause.PROXY_503.fix());
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("hop cloud-connector failed"));
            String shown = result.getMessage().orElse("") + result.getDetails();
            for (String secret : Engines.bindingSecrets(sandbox())) {
                assertThat(shown).doesNotContain(secret);
            }
        } finally {
            // the sandbox outlives the test: connect the Cloud Connector again
            sandbox().cloudConnector().connector("").setConnected(true);
        }
    }

    @Test
    void checksLeaveTheRegistryWithTheComponent() throws Exception {
        component().stop();

        assertThat(HealthCheckHelper.invokeReadiness(context, "full")).extracting(r -> r.getCheck().getId())
                .doesNotContain("btp-destination:" + ON_PREMISE_ERP);
    }
}
