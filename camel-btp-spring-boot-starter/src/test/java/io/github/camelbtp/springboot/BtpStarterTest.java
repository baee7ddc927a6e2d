package io.github.camelbtp.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.destination.BtpDestinationComponent;
import io.github.camelbtp.rfc.BtpRfcComponent;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Spring Boot application, configured only with properties, against the sandbox: both components share the
 * starter's engine, a static destination from camel.btp.destinations.* is used, and no secret shows.
 */
@SpringBootTest(classes = BtpStarterTest.App.class, properties = {
        "camel.btp.destinations.StaticERP.Type=HTTP",
        "camel.btp.destinations.StaticERP.URL=http://" + DemoDestinations.ERP_VIRTUAL_HOST + ":" + DemoDestinations.ERP_VIRTUAL_PORT,
        "camel.btp.destinations.StaticERP.ProxyType=OnPremise",
        "camel.btp.destinations.StaticERP.Authentication=BasicAuthentication",
        "camel.btp.destinations.StaticERP.User=" + DemoDestinations.SALES_USER,
        "camel.btp.destinations.StaticERP[URL.queries.sap-client]=100",
        "camel.component.btp-destination.ldap-max-connections=3",
        "camel.component.btp-rfc.metadata-cache-ttl=10m"})
@DirtiesContext // the context holds the sandbox's ports: never reuse it in another class
class BtpStarterTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private static final String ORDERS = "btp-destination:OnPremiseERP" + DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=2";

    @DynamicPropertySource
    static void bindToSandbox(DynamicPropertyRegistry registry) {
        registry.add("camel.btp.vcap-services", () -> SANDBOX.sandbox().vcapServices());
        // not among the inline properties above: Spring's test context prints those in its toString(), which Camel
        // logs at DEBUG with every test event (a test artefact; an application's own property sources never show)
        registry.add("camel.btp.destinations.StaticERP.Password", () -> DemoDestinations.SALES_PASSWORD);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:orders").to(ORDERS);
                    from("direct:static").to("btp-destination:StaticERP" + DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1");
                    from("direct:rfc").to("btp-rfc:STFC_CONNECTION?destination=" + DemoDestinations.ERP_RFC);
                }
            };
        }
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @Autowired
    BtpConnectivity engine;

    @Autowired
    BtpProperties properties;

    @Autowired
    BtpDestinationComponentConfiguration destinationConfiguration;

    @Autowired
    BtpRfcComponentConfiguration rfcConfiguration;

    private Sandbox sandbox() {
        return SANDBOX.sandbox();
    }

    @Test
    void routeReadsOnPremiseOrdersWithOnlyProperties() {
        String body = template.requestBody("direct:orders", null, String.class);

        assertThat(body).contains("\"SalesOrder\"");
        assertThat(sandbox().counters().proxiedCalls()).as("through the Connectivity proxy").isEqualTo(1);
        assertThat(sandbox().backendRequests().last().orElseThrow().rawQuery()).contains("$top=2");
    }

    @Test
    void btpRfcCallsThroughTheSameEngineAsBtpDestination() {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = template.requestBody("direct:rfc", Map.of("REQUTEXT", "from Spring Boot"), Map.class);

        assertThat(answer).containsEntry("ECHOTEXT", "from Spring Boot");
        BtpConnectivity destinationEngine = camel.getComponent("btp-destination", BtpDestinationComponent.class).getConnectivity();
        BtpConnectivity rfcEngine = camel.getComponent("btp-rfc", BtpRfcComponent.class).getConnectivity();
        assertThat(destinationEngine).isSameAs(engine);
        assertThat(rfcEngine).isSameAs(engine);
    }

    @Test
    void routesAndTheEngineBeanShareOneDestinationCache() {
        engine.invalidate(DemoDestinations.ON_PREMISE_ERP);
        template.requestBody("direct:orders", null, String.class);
        long lookups = sandbox().counters().destinationLookups();

        engine.destination(DemoDestinations.ON_PREMISE_ERP, DestinationOptions.NONE);
        template.requestBody("direct:orders", null, String.class);

        assertThat(sandbox().counters().destinationLookups()).as("served from the shared cache").isEqualTo(lookups);
    }

    @Test
    void staticDestinationFromPropertiesIsUsed() {
        String body = template.requestBody("direct:static", null, String.class);

        assertThat(body).contains("\"SalesOrder\"");
        assertThat(engine.destination("StaticERP", DestinationOptions.NONE).source()).isEqualTo(StaticDestinationLoader.SOURCE);
        assertThat(engine.destination("StaticERP", DestinationOptions.NONE).properties())
                .containsEntry("ProxyType", "OnPremise")
                .containsEntry("URL.queries.sap-client", "100");
        assertThat(sandbox().backendRequests().last().orElseThrow().rawQuery()).contains("sap-client=100");
        assertThat(sandbox().counters().destinationLookups()).as("the Destination Service was not asked").isZero();
    }

    @Test
    void componentOptionsFromPropertiesReachTheComponents() {
        assertThat(camel.getComponent("btp-destination", BtpDestinationComponent.class).getLdapMaxConnections()).isEqualTo(3);
        assertThat(camel.getComponent("btp-rfc", BtpRfcComponent.class).getMetadataCacheTtl()).isEqualTo(600_000);
    }

    @Test
    void noSecretInLogsOrToString() throws Exception {
        template.requestBody("direct:orders", null, String.class);
        template.requestBody("direct:static", null, String.class);
        template.requestBody("direct:rfc", Map.of("REQUTEXT", "x"), Map.class);

        List<String> texts = new ArrayList<>(CapturedLog.lines());
        texts.add(engine.toString());
        texts.add(engine.bindings().toString());
        texts.add(engine.destination("StaticERP", DestinationOptions.NONE).toString());
        texts.add(properties.toString());
        texts.add(destinationConfiguration.toString());
        texts.add(rfcConfiguration.toString());
        texts.add(camel.getComponent("btp-destination").toString());
        texts.add(camel.getComponent("btp-rfc").toString());

        List<String> secrets = new ArrayList<>(clientSecrets(sandbox().vcapServices()));
        secrets.add(DemoDestinations.SALES_PASSWORD);
        assertThat(secrets).hasSizeGreaterThan(1);
        assertThat(CapturedLog.lines()).as("DEBUG logging is captured").anyMatch(line -> line.contains("StaticERP"));
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    /** Every client secret of every binding in the sandbox's VCAP_SERVICES. */
    static List<String> clientSecrets(String vcapServices) throws Exception {
        List<String> secrets = new ArrayList<>();
        for (JsonNode bindings : new ObjectMapper().readTree(vcapServices)) {
            for (JsonNode binding : bindings) {
                String secret = binding.path("credentials").path("clientsecret").asText("");
                if (!secret.isEmpty()) {
                    secrets.add(secret);
                }
            }
        }
        return secrets;
    }
}
