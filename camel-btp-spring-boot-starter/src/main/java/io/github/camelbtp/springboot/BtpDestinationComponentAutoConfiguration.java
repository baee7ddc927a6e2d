package io.github.camelbtp.springboot;

import io.github.camelbtp.component.EngineOptions;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.destination.BtpDestinationComponent;
import io.github.camelbtp.destination.BtpDestinationComponentConfigurer;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Configures the btp-destination component from {@code camel.component.btp-destination.*} and gives it the shared engine: the
 * application's single (or {@code @Primary}) {@link BtpConnectivity} bean, else none (then the component builds its own
 * from its own options). Off with {@code camel.component.btp-destination.enabled=false} (or {@code camel.component.enabled=false}),
 * as Camel's own starters; Camel's autowiring may still hand the component a single BtpConnectivity bean then.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, BtpConnectivityAutoConfiguration.class})
@ConditionalOnClass(BtpDestinationComponent.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.btp-destination"})
@EnableConfigurationProperties(BtpDestinationComponentConfiguration.class)
public class BtpDestinationComponentAutoConfiguration {

    @Bean
    public ComponentCustomizer btpDestinationComponentCustomizer(CamelContext camelContext, Environment environment,
            BtpDestinationComponentConfiguration configuration, ObjectProvider<BtpConnectivity> engine) {
        BtpConnectivity shared = engine.getIfUnique();
        ComponentOptions options = new ComponentOptions("btp-destination", configuration.componentOptions(),
                EngineOptions.NAMES);
        // fails the application's start rather than ignoring an option the shared engine never reads
        options.checkNoEngineOptionsWith(shared);
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                options.applyTo(camelContext, target, new BtpDestinationComponentConfigurer());
                if (shared != null) {
                    ((BtpDestinationComponent) target).setConnectivity(shared);
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof BtpDestinationComponent && HierarchicalPropertiesEvaluator.evaluate(environment,
                        "camel.component.customizer", "camel.component.btp-destination.customizer");
            }
        };
    }
}
