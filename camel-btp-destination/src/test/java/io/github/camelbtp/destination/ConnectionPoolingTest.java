package io.github.camelbtp.destination;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Token rotation must not build new connection pools or new connections (cloud-sdk-java #645, #806, #863). */
class ConnectionPoolingTest extends BtpDestinationTestSupport {

    private final MovableClock clock = new MovableClock();

    @Override
    protected void configure(BtpDestinationComponent component) {
        useEngineWithClock(component, clock);
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
        assertThat(component().httpClient().pooledConnections()).isEqualTo(1);
    }
}
