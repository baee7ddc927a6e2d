package io.github.camelbtp.rfc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.destination.Destination;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

/** JCo's pool limits of an RFC destination bound concurrent calls [pooling-configuration-7add680]. */
class CallLimitsTest {

    private final CallLimits limits = new CallLimits();

    private static Destination rfc(Map<String, String> pool) {
        Map<String, String> properties = new java.util.HashMap<>(pool);
        properties.put("Type", "RFC");
        return Destination.of("ERP_RFC", properties, "static");
    }

    @Test
    void callBeyondThePeakLimitWaitsMaxGetClientTimeThenFails() {
        Destination d = rfc(Map.of("jco.destination.peak_limit", "1", "jco.destination.max_get_client_time", "20"));
        try (CallLimits.Permit first = limits.acquire(d, "RFC_PING")) {
            assertThatThrownBy(() -> limits.acquire(d, "RFC_PING")).isInstanceOf(RfcException.class)
                    .hasMessageContaining("jco.destination.peak_limit").hasMessageContaining("20 ms");
        }
        limits.acquire(d, "RFC_PING").close(); // free again
    }

    @Test
    void peakLimitDefaultsToPoolCapacity() {
        Destination d = rfc(Map.of("jco.destination.pool_capacity", "2", "jco.destination.max_get_client_time", "10"));
        try (CallLimits.Permit a = limits.acquire(d, "F"); CallLimits.Permit b = limits.acquire(d, "F")) {
            assertThatThrownBy(() -> limits.acquire(d, "F")).isInstanceOf(RfcException.class);
        }
    }

    @Test
    void httpDestinationsHaveNoLimit() {
        // a limit that, were it applied, lets one call in and fails the second after 50 ms; the preemptive bound makes
        // a wait that never ends fail the test instead of hanging the build
        Destination http = Destination.of("ERP_HTTP", Map.of("Type", "HTTP", "jco.destination.peak_limit", "1",
                "jco.destination.max_get_client_time", "50"), "static");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (CallLimits.Permit first = limits.acquire(http, "F")) {
                assertThatCode(() -> limits.acquire(http, "F").close()).doesNotThrowAnyException();
                assertThatCode(() -> limits.acquire(http, "F").close()).doesNotThrowAnyException();
            }
        });
    }

    @Test
    void limitThatIsNoNumberNamesTheProperty() {
        assertThatThrownBy(() -> limits.acquire(rfc(Map.of("jco.destination.peak_limit", "many")), "F"))
                .isInstanceOfSatisfying(DestinationConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo("jco.destination.peak_limit"));
    }
}
