package io.github.camelbtp.springboot;

import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application exporting metrics to two backends (two MeterRegistry beans, say Prometheus and OTLP): Spring Boot
 * adds a primary CompositeMeterRegistry over them, so the Camel registry holds three registries and "the only one"
 * does not exist. The starter hands Camel Spring Boot's primary one, and camel-btp's meters reach both backends.
 */
@SpringBootTest(classes = BtpSeveralMeterRegistriesTest.App.class)
@DirtiesContext // holds the sandbox's ports
class BtpSeveralMeterRegistriesTest {

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
                }
            };
        }

        @Bean
        SimpleMeterRegistry firstBackend() {
            return new SimpleMeterRegistry();
        }

        @Bean
        SimpleMeterRegistry secondBackend() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    ProducerTemplate template;

    @Autowired
    MeterRegistry primary;

    @Autowired
    @Qualifier("firstBackend")
    SimpleMeterRegistry firstBackend;

    @Autowired
    @Qualifier("secondBackend")
    SimpleMeterRegistry secondBackend;

    private static long requests(MeterRegistry registry) {
        return registry.find("camel.btp.requests").tags("destination", DemoDestinations.ON_PREMISE_ERP,
                "outcome", "success").timers().stream().mapToLong(Timer::count).sum();
    }

    @Test
    void withSeveralRegistriesTheMetersReachSpringBootsPrimaryOneAndEachBackend() {
        assertThat(primary).as("Spring Boot's composite over both backends").isInstanceOf(CompositeMeterRegistry.class);

        template.requestBody("direct:orders", null, String.class);

        assertThat(requests(primary)).isEqualTo(1);
        assertThat(requests(firstBackend)).isEqualTo(1);
        assertThat(requests(secondBackend)).isEqualTo(1);
        assertThat(firstBackend.find("camel.btp.destination.lookups").tag("destination", DemoDestinations.ON_PREMISE_ERP)
                .counter()).isNotNull();
    }
}
