package io.github.camelbtp.destination;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The component option destinationServiceInstance picks one of several bound Destination Service instances
 * [multiple-destination-service-instances-1b1c3b7]: two sandboxes, each one's destination binding under its own
 * instance name, so a lookup shows which instance was asked.
 */
class SeveralServiceInstancesTest {

    private static final String SALES = "btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";
    /** Two landscapes, each with its own Destination and Connectivity service instances. */
    @RegisterExtension
    static final SandboxExtension ORDERS = new SandboxExtension();
    @RegisterExtension
    static final SandboxExtension HR = new SandboxExtension();

    /** orders' VCAP_SERVICES with its destination instance named 'orders-destinations' and hr's as 'hr-destinations'. */
    private static String twoDestinationInstances() throws IOException {
        java.util.Map<String, Sandbox> instances = new java.util.LinkedHashMap<>();
        instances.put("orders-destinations", ORDERS.sandbox());
        instances.put("hr-destinations", HR.sandbox());
        return Sandbox.vcapServicesWithInstances("destination", instances);
    }

    /** A context whose component gets its options as Camel configuration sets them: by name, through the configurer. */
    private static CamelContext context(Map<String, Object> options) {
        CamelContext context = new DefaultCamelContext();
        BtpDestinationComponent component = new BtpDestinationComponent();
        PropertyBindingSupport.build().withConfigurer(new BtpDestinationComponentConfigurer()).withReflection(false)
                .withMandatory(true).bind(context, component, new java.util.HashMap<>(options));
        context.addComponent("btp-destination", component);
        return context;
    }

    @Test
    void namedDestinationServiceInstanceIsTheOnlyOneAsked() throws Exception {
        try (CamelContext context = context(Map.of("vcapServices", twoDestinationInstances(),
                "destinationServiceInstance", "hr-destinations"))) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            Exchange exchange = template.request(SALES, e -> { });

            assertThat(exchange.getException()).isNull();
            assertThat(HR.sandbox().counters().destinationLookups()).isEqualTo(1);
            assertThat(ORDERS.sandbox().counters().destinationLookups()).isZero();
        }
    }

    @Test
    void twoDestinationServiceInstancesWithoutANameStopTheStartListingBoth() throws Exception {
        try (CamelContext context = context(Map.of("vcapServices", twoDestinationInstances()))) {
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sales").to(SALES);
                }
            });

            Throwable failure = catchThrowable(context::start);

            assertThat(failure).hasRootCauseInstanceOf(DestinationConfigurationException.class);
            String message = org.assertj.core.util.Throwables.getRootCause(failure).getMessage();
            assertThat(message).contains("orders-destinations").contains("hr-destinations")
                    .contains("destinationServiceInstance");
            assertThat(message).doesNotContain(clientSecret(ORDERS.sandbox())).doesNotContain(clientSecret(HR.sandbox()));
        }
    }

    private static String clientSecret(Sandbox sandbox) throws IOException {
        return new ObjectMapper().readTree(sandbox.vcapServices()).path("destination").get(0).path("credentials")
                .path("clientsecret").asText();
    }
}
