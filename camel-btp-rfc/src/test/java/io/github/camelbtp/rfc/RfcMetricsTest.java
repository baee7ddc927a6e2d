package io.github.camelbtp.rfc;

import io.github.camelbtp.component.BtpAuditEvent;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * btp-rfc reports its exchanges as btp-destination does (issue 13 §2, §4): the {@code camel.btp.requests} timer with
 * type RFC and the RFC destination's proxy type, {@code camel.btp.cloudconnector.errors} and the audit event for a
 * Cloud Connector's refusal. A SimpleMeterRegistry is bound in the Camel registry as camel-micrometer expects.
 */
class RfcMetricsTest extends BtpRfcTestSupport {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<BtpAuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", registry);
        return context;
    }

    @BeforeEach
    void subscribe() throws Exception {
        EventNotifierSupport notifier = new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof BtpAuditEvent;
            }

            @Override
            public void notify(CamelEvent event) {
                events.add((BtpAuditEvent) event);
            }
        };
        context.getManagementStrategy().addEventNotifier(notifier);
        notifier.start();
    }

    @Test
    void rfcCallsAreTimedWithTypeRfcAndTheJcoProxyType() {
        rfc("btp-rfc:RFC_PING?destination=" + ERP_RFC, null);
        rfc("btp-rfc:RFC_PING?destination=" + ERP_RFC, null);

        var timer = registry.find("camel.btp.requests").tags("destination", ERP_RFC, "type", "RFC",
                "proxy_type", "OnPremise", "outcome", "success").timer();
        assertThat(timer).as(registry.getMetersAsString()).isNotNull();
        assertThat(timer.count()).isEqualTo(2);
    }

    @Test
    void aFailedCallIsTimedAsAnError() {
        assertThat(call("btp-rfc:Z_CBTP_RAISE?destination=" + ERP_RFC, map("IV_EXCEPTION", "NOT_FOUND")).getException())
                .isNotNull();

        var timer = registry.find("camel.btp.requests").tags("destination", ERP_RFC, "type", "RFC",
                "outcome", "error").timer();
        assertThat(timer).as(registry.getMetersAsString()).isNotNull();
        assertThat(timer.count()).isEqualTo(1);
    }

    @Test
    void aCallWhoseLookupFailedIsTimedUnderItsNameAsUnknown() {
        assertThat(call("btp-rfc:RFC_PING?destination=NoSuchRfcDestination", null).getException()).isNotNull();

        var timer = registry.find("camel.btp.requests").tags("destination", "NoSuchRfcDestination", "type", "unknown",
                "outcome", "error").timer();
        assertThat(timer).as(registry.getMetersAsString()).isNotNull();
        assertThat(timer.count()).isEqualTo(1);
    }

    @Test
    void aCloudConnectorRefusalIsCountedAndAudited() {
        sandbox().cloudConnector().connector("").setConnected(false);
        Exchange exchange;
        try {
            exchange = call("btp-rfc:RFC_PING?destination=" + ERP_RFC, null);
        } finally {
            // the sandbox outlives the test: connect the Cloud Connector again
            sandbox().cloudConnector().connector("").setConnected(true);
        }

        assertThat(exchange.getException()).isInstanceOf(CloudConnectorException.class);
        var counter = registry.find("camel.btp.cloudconnector.errors").tags("destination", ERP_RFC, "location", "",
                "code", "503").counter();
        assertThat(counter).as(registry.getMetersAsString()).isNotNull();
        assertThat(counter.count()).isEqualTo(1.0);
        assertThat(events).filteredOn(e -> e.kind() == BtpAuditEvent.Kind.CLOUD_CONNECTOR_DENIAL).singleElement()
                .satisfies(e -> {
                    assertThat(e.destination()).isEqualTo(ERP_RFC);
                    assertThat(e.fields()).containsEntry("code", "503").containsEntry("location", "");
                });
    }
}
