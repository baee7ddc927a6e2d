package io.github.camelbtp.rfc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The component option connectivityServiceInstance picks one of several bound Connectivity Service instances
 * [multiple-destination-service-instances-1b1c3b7]: orders' Destination Service, and the connectivity instances of two
 * sandboxes, so the proxy that carries the on-premise call shows which instance was used.
 */
class SeveralServiceInstancesTest {

    private static final String PING = "btp-rfc:RFC_PING?metadata=false&destination=" + DemoDestinations.ERP_RFC;
    /** Two landscapes, each with its own Destination and Connectivity service instances. */
    @RegisterExtension
    static final SandboxExtension ORDERS = new SandboxExtension();
    @RegisterExtension
    static final SandboxExtension HR = new SandboxExtension();

    /** orders' VCAP_SERVICES with its connectivity instance named 'orders-connectivity' and hr's as 'hr-connectivity'. */
    private static String twoConnectivityInstances() throws IOException {
        java.util.Map<String, Sandbox> instances = new java.util.LinkedHashMap<>();
        instances.put("orders-connectivity", ORDERS.sandbox());
        instances.put("hr-connectivity", HR.sandbox());
        return Sandbox.vcapServicesWithInstances("connectivity", instances);
    }

    /** A context whose component gets its options as Camel configuration sets them: by name, through the configurer. */
    private static CamelContext context(Map<String, Object> options) throws Exception {
        CamelContext context = new DefaultCamelContext();
        BtpRfcComponent component = new BtpRfcComponent();
        PropertyBindingSupport.build().withConfigurer(new BtpRfcComponentConfigurer()).withReflection(false)
                .withMandatory(true).bind(context, component, new HashMap<>(options));
        context.addComponent("btp-rfc", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ping").to(PING);
            }
        });
        return context;
    }

    @Test
    void namedConnectivityServiceInstanceCarriesTheOnPremiseCall() throws Exception {
        try (CamelContext context = context(Map.of("vcapServices", twoConnectivityInstances(),
                "connectivityServiceInstance", "hr-connectivity"))) {
            context.start();

            Exchange exchange = context.createProducerTemplate().request("direct:ping", e -> { });

            assertThat(exchange.getException()).isNull();
            assertThat(HR.sandbox().counters().proxiedCalls()).isPositive();
            assertThat(ORDERS.sandbox().counters().proxiedCalls()).isZero();
        }
    }

    @Test
    void twoConnectivityServiceInstancesWithoutANameStopTheStartListingBoth() throws Exception {
        try (CamelContext context = context(Map.of("vcapServices", twoConnectivityInstances()))) {

            Throwable failure = catchThrowable(context::start);

            assertThat(failure).hasRootCauseInstanceOf(DestinationConfigurationException.class);
            assertThat(org.assertj.core.util.Throwables.getRootCause(failure).getMessage())
                    .contains("orders-connectivity").contains("hr-connectivity").contains("connectivityServiceInstance")
                    .doesNotContain(clientSecret(ORDERS.sandbox())).doesNotContain(clientSecret(HR.sandbox()));
        }
    }

    private static String clientSecret(Sandbox sandbox) throws IOException {
        return new ObjectMapper().readTree(sandbox.vcapServices()).path("connectivity").get(0).path("credentials")
                .path("clientsecret").asText();
    }
}
