package io.github.camelbtp.springboot;

import io.github.camelbtp.component.EngineOptions;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The engine shared by btp-destination and btp-rfc: one destination cache, one token cache and one set of
 * service bindings for the whole application, built from {@code camel.btp.*}. An application that defines its own
 * {@link BtpConnectivity} bean gets that one used instead; {@code camel.btp.enabled=false} turns the shared engine off.
 * The engine is closed when the application context closes. In development mode ({@code camel.btp.sandbox.enabled=true},
 * {@link BtpSandboxAutoConfiguration}) it is bound to the sandbox started in the application.
 */
@AutoConfiguration
@ConditionalOnClass(BtpConnectivity.class)
@ConditionalOnProperty(prefix = "camel.btp", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BtpProperties.class)
public class BtpConnectivityAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BtpConnectivityAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public BtpConnectivity btpConnectivity(BtpProperties properties, ObjectProvider<DevSandboxBinding> devSandbox) {
        DevSandboxBinding sandbox = devSandbox.getIfAvailable();
        if (properties.getSandbox().isEnabled() && sandbox == null) {
            // failing beats falling back to real bindings: the developer asked for the sandbox, not for production
            throw new BtpConnectivityException(null, "camel.btp.sandbox.enabled=true, but camel-btp-sandbox is not on "
                    + "the classpath, so no sandbox can start (development mode needs it). Add the dependency "
                    + "io.github.camelbtp:camel-btp-sandbox to the application in a development profile (never to a "
                    + "production build), or remove camel.btp.sandbox.enabled to use the real service bindings.");
        }
        // the same options, and the same code, as a component that builds the engine itself (EngineOptions)
        EngineOptions options = new EngineOptions();
        if (sandbox != null) {
            // development mode: the sandbox's bindings replace every other source, and it binds one instance of each
            options.setVcapServices(sandbox.vcapServices());
        } else {
            options.setVcapServices(properties.getVcapServices());
            options.setBindingFile(properties.getBindingFile());
            options.setDestinationServiceInstance(properties.getDestinationServiceInstance());
            options.setConnectivityServiceInstance(properties.getConnectivityServiceInstance());
        }
        options.setDestinationCacheTtl(properties.getDestinationCacheTtl().toMillis());
        options.setDestinationCacheMaxStale(properties.getDestinationCacheMaxStale().toMillis());
        options.setDestinationNotFoundTtl(properties.getDestinationNotFoundTtl().toMillis());
        options.setDestinationCacheTtlPerDestination(properties.getDestinationCacheTtlPerDestination().entrySet()
                .stream().map(ttl -> ttl.getKey() + "=" + ttl.getValue().toMillis()).collect(Collectors.joining(",")));
        options.setPrincipalPropagationMode(properties.getPrincipalPropagationMode());
        options.setTransparentProxy(properties.getTransparentProxy());
        options.setTrustedMultiTenantProxy(properties.isTrustedMultiTenantProxy());
        options.setFailoverRetryWindow(properties.getFailoverRetryWindow().toMillis());
        options.setCircuitBreaker(properties.isCircuitBreaker());
        options.setCircuitBreakerFailureRate(properties.getCircuitBreakerFailureRate());
        options.setCircuitBreakerWindow(properties.getCircuitBreakerWindow());
        options.setCircuitBreakerOpenDuration(properties.getCircuitBreakerOpenDuration().toMillis());
        List<Destination> destinations = properties.getDestinations().entrySet().stream()
                .map(d -> Destination.of(d.getKey(), d.getValue(), StaticDestinationLoader.SOURCE))
                .toList();
        BtpConnectivity.Builder builder = options.engineBuilder()
                .serviceTimeout(properties.getServiceTimeout())
                .tokenRefreshMargin(properties.getTokenRefreshMargin())
                .staticDestinations(destinations);
        BtpProperties.ConnectivityProxy proxy = properties.getConnectivityProxy();
        if (sandbox == null && proxy.getHost() != null && !proxy.getHost().isBlank()) {
            builder.connectivityProxy(proxy.getHost().trim(), proxy.getHttpPort(), proxy.getSocks5Port());
        }
        BtpConnectivity engine = builder.build();
        LOG.info("camel-btp engine for btp-destination and btp-rfc: {}", engine);
        return engine;
    }
}
