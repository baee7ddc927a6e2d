package io.github.camelbtp.examples.springboot;

import io.github.camelbtp.sandbox.Sandbox;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application in its Spring profile "dev" (application-dev.properties: camel.btp.sandbox.enabled=true): no binding
 * is configured anywhere, the starter starts the sandbox inside the application and the route reads through it.
 */
@SpringBootTest(properties = {"orders.poll=false", "camel.main.run-controller=false"})
@ActiveProfiles("dev")
@DirtiesContext // holds the sandbox's ports
class DevProfileApplicationTest {

    @Autowired
    ProducerTemplate template;

    @Autowired
    Sandbox sandbox;

    @Test
    void devProfileReadsSalesOrdersFromTheSandboxStartedInTheApp() {
        List<?> orders = template.requestBody("direct:read-orders", null, List.class);

        assertThat(orders).hasSize(3);
        assertThat(sandbox.counters().proxiedCalls()).isEqualTo(1);
    }
}
