package io.github.camelbtp.springboot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.Cause;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel.component.btp-destination.health-check-destinations in a Spring Boot application with the actuator and
 * camel-health, against the sandbox: the readiness group (/actuator/health/readiness, configured as docs/spring-boot.md
 * shows) carries one check per destination, UP when every hop passed and DOWN naming the failed hop, SAP's cause and
 * the fix, with no secret in the JSON. The application has no route to btp-destination: the checks exist anyway.
 */
@SpringBootTest(classes = BtpActuatorHealthTest.App.class, properties = {
        "camel.component.btp-destination.health-check-destinations=" + DemoDestinations.ON_PREMISE_ERP
                + DemoDestinations.SALES_SERVICE_PATH + "," + DemoDestinations.CLOUD_SALES_API,
        // the properties docs/spring-boot.md gives: Camel's checks, each with its details, in the readiness group
        "management.endpoint.health.probes.enabled=true",
        "management.endpoint.health.show-details=always",
        "management.endpoint.health.group.readiness.include=readinessState,camelHealth",
        "camel.health.exposure-level=full",
        // a disconnected Cloud Connector is reported at once, not after the failover retries of a HEAD
        "camel.btp.failover-retry-window=0s"})
@DirtiesContext // holds the sandbox's ports
class BtpActuatorHealthTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private static final String ERP_CHECK = "btp-destination:" + DemoDestinations.ON_PREMISE_ERP;
    private static final String CLOUD_CHECK = "btp-destination:" + DemoDestinations.CLOUD_SALES_API;

    @DynamicPropertySource
    static void bindToSandbox(DynamicPropertyRegistry registry) {
        registry.add("camel.btp.vcap-services", () -> SANDBOX.sandbox().vcapServices());
    }

    /** No route at all: the health checks are the application's only use of btp-destination. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @Autowired
    HealthEndpoint health;

    @Autowired
    CamelContext camel;

    private final ObjectMapper json = new ObjectMapper();

    private Sandbox sandbox() {
        return SANDBOX.sandbox();
    }

    @AfterEach
    void connectTheCloudConnectorAgain() {
        // the sandbox outlives a test
        sandbox().cloudConnector().connector("").setConnected(true);
    }

    /** /actuator/health/readiness as the actuator's JSON would show it, as a map. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> readiness() {
        return json.convertValue(health.healthForPath("readiness"), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> camelHealthDetails(Map<String, Object> readiness) {
        Map<String, Object> components = (Map<String, Object>) readiness.get("components");
        assertThat(components).as("Camel's health is in the readiness group").containsKey("camelHealth");
        return (Map<String, Object>) ((Map<String, Object>) components.get("camelHealth")).get("details");
    }

    @Test
    void destinationChecksExistWithoutAnyRouteToBtpDestination() {
        assertThat(camel.getRoutes()).isEmpty();

        assertThat(camelHealthDetails(readiness())).containsKeys(ERP_CHECK, CLOUD_CHECK);
    }

    @Test
    void readinessIsUpWithEachDestinationUpWhenEveryHopPasses() {
        Map<String, Object> readiness = readiness();

        assertThat(readiness).containsEntry("status", "UP");
        assertThat(camelHealthDetails(readiness)).containsEntry(ERP_CHECK, "UP").containsEntry(CLOUD_CHECK, "UP");
    }

    @Test
    @SuppressWarnings("unchecked")
    void readinessIsDownNamingTheFailedHopAndCauseWhenTheCloudConnectorIsDisconnected() {
        sandbox().cloudConnector().connector("").setConnected(false);

        Map<String, Object> readiness = readiness();

        assertThat(readiness).containsEntry("status", "DOWN");
        Map<String, Object> details = camelHealthDetails(readiness);
        assertThat(details).containsEntry(ERP_CHECK, "DOWN").containsEntry(CLOUD_CHECK, "UP");
        assertThat((Map<String, Object>) details.get(ERP_CHECK + ".data"))
                .containsEntry("failed.hop", "cloud-connector")
                .containsEntry("cause", Cause.PROXY_503.cause())
                .containsEntry("fix", Cause.PROXY_503.fix())
                .containsEntry("hop.backend", "SKIPPED: not reached");
    }

    @Test
    void noSecretInTheHealthJson() throws Exception {
        String up = json.writeValueAsString(health.health());
        sandbox().cloudConnector().connector("").setConnected(false);
        String down = json.writeValueAsString(health.health());

        assertThat(down).contains("cloud-connector").contains(ERP_CHECK);
        List<String> secrets = new ArrayList<>(BtpStarterTest.clientSecrets(sandbox().vcapServices()));
        secrets.add(DemoDestinations.SALES_PASSWORD);
        assertThat(secrets).hasSizeGreaterThan(1);
        for (String text : List.of(up, down)) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
            assertThat(text).as("no JWT (a token starts with the encoded '{\"')").doesNotContain("eyJ");
        }
    }
}
