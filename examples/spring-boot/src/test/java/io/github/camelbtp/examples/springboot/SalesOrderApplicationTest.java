package io.github.camelbtp.examples.springboot;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The application as shipped, its bindings pointed at the sandbox; the timer is off and the route called directly. */
@SpringBootTest(properties = {"orders.poll=false", "camel.main.run-controller=false"})
@DirtiesContext // holds the sandbox's ports
class SalesOrderApplicationTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    @DynamicPropertySource
    static void bindToSandbox(DynamicPropertyRegistry registry) {
        registry.add("camel.btp.vcap-services", () -> SANDBOX.sandbox().vcapServices());
    }

    @Autowired
    ProducerTemplate template;

    @Test
    void readsTheNewestSalesOrdersThroughTheCloudConnector() {
        Sandbox sandbox = SANDBOX.sandbox();

        List<?> orders = template.requestBody("direct:read-orders", null, List.class);

        assertThat(orders).hasSize(3).allSatisfy(order -> assertThat(order.toString()).matches("\\S+ for \\S+: [0-9.]+ [A-Z]{3}"));
        assertThat(sandbox.counters().proxiedCalls()).isEqualTo(1);
        assertThat(sandbox.backendRequests().last().orElseThrow().rawQuery()).contains("$top=3");
    }
}
