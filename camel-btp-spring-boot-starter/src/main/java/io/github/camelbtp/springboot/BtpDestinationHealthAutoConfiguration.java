package io.github.camelbtp.springboot;

import io.github.camelbtp.destination.BtpDestinationComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * With {@code camel.component.btp-destination.health-check-destinations} set, the btp-destination component is created
 * when the CamelContext starts, so its per-destination readiness checks are in Camel's health registry (and so in the
 * actuator) even when no route uses btp-destination yet, or only a route started later. Camel Spring Boot creates a
 * component only when an endpoint asks for it; the checks are registered when the component starts.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, BtpDestinationComponentAutoConfiguration.class})
@ConditionalOnClass(BtpDestinationComponent.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.btp-destination"})
@ConditionalOnProperty(prefix = "camel.component.btp-destination", name = "health-check-destinations")
public class BtpDestinationHealthAutoConfiguration {

    @Bean
    public CamelContextConfiguration btpDestinationHealthChecks() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                // created with the starter's ComponentCustomizer applied, and started with the context
                camelContext.getComponent("btp-destination", true);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing: the component registered its checks when it started
            }
        };
    }
}
