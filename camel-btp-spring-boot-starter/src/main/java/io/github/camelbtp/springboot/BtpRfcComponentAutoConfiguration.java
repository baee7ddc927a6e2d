package io.github.camelbtp.springboot;

import io.github.camelbtp.component.EngineOptions;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.rfc.BtpRfcComponent;
import io.github.camelbtp.rfc.BtpRfcComponentConfigurer;
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
 * Configures the btp-rfc component from {@code camel.component.btp-rfc.*} and gives it the shared engine: the
 * application's single (or {@code @Primary}) {@link BtpConnectivity} bean, else none (then the component builds its own
 * from its own options). Off with {@code camel.component.btp-rfc.enabled=false} (or {@code camel.component.enabled=false}),
 * as Camel's own starters; Camel's autowiring may still hand the component a single BtpConnectivity bean then.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, BtpConnectivityAutoConfiguration.class})
@ConditionalOnClass(BtpRfcComponent.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.btp-rfc"})
@EnableConfigurationProperties(BtpRfcComponentConfiguration.class)
public class BtpRfcComponentAutoConfiguration {

    @Bean
    public ComponentCustomizer btpRfcComponentCustomizer(CamelContext camelContext, Environment environment,
            BtpRfcComponentConfiguration configuration, ObjectProvider<BtpConnectivity> engine) {
        BtpConnectivity shared = engine.getIfUnique();
        ComponentOptions options = new ComponentOptions("btp-rfc", configuration.componentOptions(),
                EngineOptions.NAMES);
        // fails the application's start rather than ignoring an option the shared engine never reads
        options.checkNoEngineOptionsWith(shared);
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                options.applyTo(camelContext, target, new BtpRfcComponentConfigurer());
                if (shared != null) {
                    ((BtpRfcComponent) target).setConnectivity(shared);
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof BtpRfcComponent && HierarchicalPropertiesEvaluator.evaluate(environment,
                        "camel.component.customizer", "camel.component.btp-rfc.customizer");
            }
        };
    }
}
