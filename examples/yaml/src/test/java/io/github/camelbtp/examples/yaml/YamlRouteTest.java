package io.github.camelbtp.examples.yaml;

import io.github.camelbtp.destination.BtpDestinationComponent;
import io.github.camelbtp.sandbox.Sandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML route, run by camel-main, with the component configured only through camel.component.btp-destination.*. */
class YamlRouteTest {

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static Main main;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start();
        Path binding = dir.resolve("vcap.json");
        sandbox.writeVcapServices(binding); // what SandboxMain --binding-file writes
        main = new Main();
        main.addInitialProperty("camel.component.btp-destination.binding-file", binding.toString());
        // the timer route's calls would add to the counters asserted here; YamlTimerRouteTest runs it
        main.addInitialProperty("sales-orders.timer-enabled", "false");
        main.start();
    }

    @AfterAll
    static void stop() throws Exception {
        main.stop();
        sandbox.close();
    }

    @Test
    void yamlRouteReadsTheCustomersOrdersThroughTheCloudConnector() {
        CamelContext camel = main.getCamelContext();

        List<?> orders = camel.createProducerTemplate().requestBodyAndHeader("direct:sales-orders", null, "customer",
                "17100001", List.class);

        assertThat(orders).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(sandbox.counters().proxiedCalls()).isEqualTo(1);
        assertThat(sandbox.backendRequests().last().orElseThrow().rawQuery()).contains("SoldToParty");
    }

    @Test
    void componentOptionsComeFromApplicationProperties() {
        BtpDestinationComponent component = main.getCamelContext().getComponent("btp-destination", BtpDestinationComponent.class);

        assertThat(component.getEngineOptions().getDestinationCacheTtl()).isEqualTo(120_000);
        assertThat(component.getEngineOptions().getDestinationCacheTtlPerDestination()).isEqualTo("OnPremiseERP=30s");
        assertThat(component.getEngineOptions().getBindingFile()).endsWith("vcap.json");
    }
}
