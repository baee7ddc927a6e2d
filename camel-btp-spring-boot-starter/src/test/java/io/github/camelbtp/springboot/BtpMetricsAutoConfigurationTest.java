package io.github.camelbtp.springboot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Which MeterRegistry the starter hands camel-btp, and when it leaves the Camel registry alone. */
class BtpMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BtpMetricsAutoConfiguration.class))
            .withBean(CamelContext.class, DefaultCamelContext::new);

    private static Object boundRegistry(org.springframework.context.ApplicationContext context) {
        CamelContext camel = context.getBean(CamelContext.class);
        context.getBean("btpMetricsRegistry", CamelContextConfiguration.class).beforeApplicationStart(camel);
        return camel.getRegistry().lookupByName(BtpMetricsAutoConfiguration.METRICS_REGISTRY_NAME);
    }

    @Test
    void springsOnlyRegistryIsBoundUnderCamelMicrometersName() {
        SimpleMeterRegistry spring = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> spring)
                .run(context -> assertThat(boundRegistry(context)).isSameAs(spring));
    }

    @Test
    void anApplicationsOwnMetricsRegistryBindingIsKept() {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    context.getBean(CamelContext.class).getRegistry()
                            .bind(BtpMetricsAutoConfiguration.METRICS_REGISTRY_NAME, MeterRegistry.class, own);
                    assertThat(boundRegistry(context)).isSameAs(own);
                });
    }

    @Test
    void withoutAnyMeterRegistryNothingIsBound() {
        runner.run(context -> assertThat(boundRegistry(context)).isNull());
    }

    @Test
    void withoutMicrometerTheAutoConfigurationBacksOff() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("btpMetricsRegistry"));
    }
}
