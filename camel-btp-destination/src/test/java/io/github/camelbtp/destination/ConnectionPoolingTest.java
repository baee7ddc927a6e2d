package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Token rotation must not build new connection pools or new connections (cloud-sdk-java #645, #806, #863). */
class ConnectionPoolingTest extends BtpDestinationTestSupport {

    /** A clock the test moves forward, so tokens expire in the engine's eyes without waiting. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }
    }

    private final MovableClock clock = new MovableClock();

    @Override
    protected void configure(BtpDestinationComponent component) {
        component.setConnectivity(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices(sandbox().vcapServices()))
                .environmentDestinations(null)
                .clock(clock)
                .build());
    }

    @Test
    void tokenRotationReusesPooledConnections() {
        String uri = "btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1";
        assertThat(get(uri).getException()).isNull();
        long grantsBefore = sandbox().counters().tokenGrants();

        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofDays(1)); // every cached token (proxy and destination) is now expired
            assertThat(get(uri).getException()).isNull();
        }

        assertThat(sandbox().counters().tokenGrants()).isGreaterThan(grantsBefore + 2);
        assertThat(component().httpClientForTests().pooledConnections()).isEqualTo(1);
    }
}
