package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.cache.CachePolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Component options become the engine's cache policy. */
class CacheConfigurationTest {

    @Test
    void perDestinationTtlsOverrideTheGlobalTtl() {
        BtpDestinationComponent component = new BtpDestinationComponent();
        component.getEngineOptions().setDestinationCacheTtl(120_000);
        component.getEngineOptions().setDestinationCacheTtlPerDestination("OnPremiseERP=30s, CloudSalesAPI=10m");

        CachePolicy policy = component.getEngineOptions().cachePolicy();

        assertThat(policy.ttlFor("OnPremiseERP")).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.ttlFor("CloudSalesAPI")).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.ttlFor("Other")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void malformedPerDestinationTtlNamesTheEntry() {
        BtpDestinationComponent component = new BtpDestinationComponent();
        component.getEngineOptions().setDestinationCacheTtlPerDestination("OnPremiseERP");

        assertThatThrownBy(component.getEngineOptions()::cachePolicy).hasMessageContaining("'OnPremiseERP'").hasMessageContaining("NAME=DURATION");
    }
}
