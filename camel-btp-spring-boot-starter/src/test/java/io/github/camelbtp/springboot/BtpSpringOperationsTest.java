package io.github.camelbtp.springboot;

import io.github.camelbtp.component.BtpAuditEvent;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Metrics and audit events in a Spring Boot application with the actuator, against the sandbox: camel-btp's meters are
 * recorded in the MeterRegistry Spring Boot's metrics auto-configuration creates, and an application's EventNotifier
 * bean receives camel-btp's audit events. Nothing but properties and beans: no Camel registry binding by hand.
 */
@SpringBootTest(classes = BtpSpringOperationsTest.App.class)
@DirtiesContext // holds the sandbox's ports
class BtpSpringOperationsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    @DynamicPropertySource
    static void bindToSandbox(DynamicPropertyRegistry registry) {
        registry.add("camel.btp.vcap-services", () -> SANDBOX.sandbox().vcapServices());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:orders").to("btp-destination:OnPremiseERP" + DemoDestinations.SALES_SERVICE_PATH
                            + "/A_SalesOrder?$top=2");
                    // a path the sandbox's Cloud Connector does not allow: it answers 403 "Access denied to system"
                    from("direct:denied").to("btp-destination:OnPremiseERP/sap/bc/adt/discovery");
                }
            };
        }

        /** What an application writes to be told of camel-btp's audit events: a bean, nothing else. */
        @Bean
        AuditEvents auditEvents() {
            return new AuditEvents();
        }
    }

    static final class AuditEvents extends EventNotifierSupport {

        final List<BtpAuditEvent> received = new CopyOnWriteArrayList<>();

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof BtpAuditEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            received.add((BtpAuditEvent) event);
        }
    }

    @Autowired
    ProducerTemplate template;

    @Autowired
    MeterRegistry meters;

    @Autowired
    AuditEvents auditEvents;

    @Autowired
    List<EventNotifier> eventNotifiers;

    private double lookups(String destination) {
        return meters.find("camel.btp.destination.lookups").tag("destination", destination).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private long requests(String destination, String outcome) {
        return meters.find("camel.btp.requests").tags("destination", destination, "type", "HTTP",
                "proxy_type", "OnPremise", "outcome", outcome).timers().stream().mapToLong(Timer::count).sum();
    }

    @Test
    void anExchangeIsRecordedInSpringBootsMeterRegistry() {
        assertThat(meters).as("Spring Boot's own, from the actuator's metrics auto-configuration")
                .isInstanceOf(SimpleMeterRegistry.class);
        double lookupsBefore = lookups(DemoDestinations.ON_PREMISE_ERP);
        long requestsBefore = requests(DemoDestinations.ON_PREMISE_ERP, "success");

        String orders = template.requestBody("direct:orders", null, String.class);

        assertThat(orders).contains("SalesOrder");
        assertThat(requests(DemoDestinations.ON_PREMISE_ERP, "success")).isEqualTo(requestsBefore + 1);
        assertThat(lookups(DemoDestinations.ON_PREMISE_ERP)).isEqualTo(lookupsBefore + 1);
    }

    @Test
    void anEventNotifierBeanReceivesTheAuditEventOfACloudConnectorDenial() {
        assertThat(eventNotifiers).as("the application's bean").contains(auditEvents);
        auditEvents.received.clear();

        assertThatThrownBy(() -> template.requestBody("direct:denied", null, String.class))
                .isInstanceOf(CamelExecutionException.class);

        assertThat(auditEvents.received).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(BtpAuditEvent.Kind.CLOUD_CONNECTOR_DENIAL);
            assertThat(event.destination()).isEqualTo(DemoDestinations.ON_PREMISE_ERP);
            assertThat(event.fields()).containsEntry("code", "403").containsEntry("location", "");
            assertThat(event.fields().get("message")).contains("Access denied to system");
        });
    }
}
