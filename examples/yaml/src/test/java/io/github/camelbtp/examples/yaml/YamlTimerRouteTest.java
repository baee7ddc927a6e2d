package io.github.camelbtp.examples.yaml;

import io.github.camelbtp.sandbox.Sandbox;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The example as a user runs it: camel-main starts the timer route, which reads one customer's orders on its own. */
class YamlTimerRouteTest {

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void timerRouteReadsTheConfiguredCustomersOrdersWithoutAnyCaller() throws Exception {
        sandbox = Sandbox.start();
        Path binding = dir.resolve("vcap-services.json");
        sandbox.writeVcapServices(binding);
        main = new Main();
        main.addInitialProperty("camel.component.btp-destination.binding-file", binding.toString());
        main.addOverrideProperty("sales-orders.customer", "17100002"); // over application.properties
        main.start();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sandbox.backendRequests().matching(r -> r.rawQuery() != null && r.rawQuery().contains("17100002"))
                .isEmpty()) {
            assertThat(System.nanoTime()).as("the timer route called the ERP within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(sandbox.counters().proxiedCalls()).isGreaterThanOrEqualTo(1);
        assertThat(main.getCamelContext().getRouteController().getRouteStatus("sales-orders-on-timer").isStarted())
                .isTrue();
    }
}
