package io.github.camelbtp.springboot;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Hands camel-btp Spring Boot's {@link MeterRegistry}. camel-btp looks for the registry in the Camel registry (which in
 * Spring Boot holds the application's beans) under camel-micrometer's name {@value #METRICS_REGISTRY_NAME}, else takes
 * the only one there is. An application exporting to several backends (Prometheus and OTLP, say) has several
 * registries plus the primary CompositeMeterRegistry Spring Boot puts over them, so there is no "only one" and its
 * meters would be lost. This binds Spring's registry — the primary one, the composite when there are several — under
 * that name before the CamelContext starts, unless the application has a bean or binding of that name already (then
 * that one is used, as camel-micrometer would).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, CamelContext.class})
@ConditionalOnBean(CamelContext.class)
public class BtpMetricsAutoConfiguration {

    /** camel-micrometer's {@code MicrometerConstants.METRICS_REGISTRY_NAME}, which camel-btp looks up first. */
    static final String METRICS_REGISTRY_NAME = "metricsRegistry";

    private static final Logger LOG = LoggerFactory.getLogger(BtpMetricsAutoConfiguration.class);

    @Bean
    public CamelContextConfiguration btpMetricsRegistry(ObjectProvider<MeterRegistry> registries) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                if (camelContext.getRegistry().lookupByNameAndType(METRICS_REGISTRY_NAME, MeterRegistry.class) != null) {
                    return;
                }
                // the single registry, or the primary among several (Spring Boot's composite); none: no metrics
                MeterRegistry registry = registries.getIfUnique();
                if (registry != null) {
                    camelContext.getRegistry().bind(METRICS_REGISTRY_NAME, MeterRegistry.class, registry);
                    LOG.debug("camel-btp's meters go to Spring's MeterRegistry {}", registry);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing: the components found the registry when they started
            }
        };
    }
}
