package io.github.camelbtp.springboot;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Development mode, camel.btp.sandbox.enabled=true: the sandbox starts inside the application and the shared engine is
 * bound to it, whatever other binding is configured. Off by default; enabled without camel-btp-sandbox on the classpath,
 * the application refuses to start instead of using real bindings.
 */
@SpringBootTest(classes = BtpSandboxDevModeTest.App.class, properties = {
        "camel.btp.sandbox.enabled=true",
        // a binding the dev mode must not read: were it used, the engine would fail on the missing file
        "camel.btp.binding-file=/does-not-exist/vcap-services.json"})
@DirtiesContext // holds the sandbox's ports
class BtpSandboxDevModeTest {

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
                }
            };
        }
    }

    @Autowired
    ProducerTemplate template;

    @Autowired
    Sandbox sandbox;

    @Test
    void devModeStartsTheSandboxInTheAppAndTheEngineCallsADestinationThroughIt() {
        String orders = template.requestBody("direct:orders", null, String.class);

        assertThat(orders).contains("SalesOrder");
        assertThat(sandbox.counters().proxiedCalls()).as("through the in-app sandbox's Connectivity proxy").isEqualTo(1);
        assertThat(sandbox.backendRequests().last().orElseThrow().rawQuery()).contains("$top=2");
    }

    @Test
    void devModeIsOffByDefault() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BtpSandboxAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Sandbox.class)
                        .doesNotHaveBean(DevSandboxBinding.class));
    }

    @Test
    void devModeStartsNoSandboxWithoutTheSharedEngine() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BtpSandboxAutoConfiguration.class))
                .withPropertyValues("camel.btp.sandbox.enabled=true", "camel.btp.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Sandbox.class));
    }

    @Test
    void devModeWithoutTheSandboxOnTheClasspathRefusesToStart() {
        new ApplicationContextRunner()
                .withClassLoader(new FilteredClassLoader(Sandbox.class))
                .withConfiguration(AutoConfigurations.of(BtpSandboxAutoConfiguration.class,
                        BtpConnectivityAutoConfiguration.class))
                .withPropertyValues("camel.btp.sandbox.enabled=true")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(BtpConnectivityException.class)
                        .hasMessageContaining("camel.btp.sandbox.enabled=true")
                        .hasMessageContaining("io.github.camelbtp:camel-btp-sandbox"));
    }
}
