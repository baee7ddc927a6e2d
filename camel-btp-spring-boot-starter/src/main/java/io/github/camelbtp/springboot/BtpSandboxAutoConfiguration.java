package io.github.camelbtp.springboot;

import io.github.camelbtp.sandbox.Sandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Development mode: with {@code camel.btp.sandbox.enabled=true} and camel-btp-sandbox on the classpath, the sandbox
 * (the BTP services and demo on-premise systems on free loopback ports) starts inside the application and the shared
 * engine is bound to it. Off by default. The sandbox is an optional dependency of the starter, found by its class, so
 * it is only there when the application adds it itself (in a dev profile); enabled without it, the application fails
 * to start (see {@link BtpConnectivityAutoConfiguration}) rather than quietly use real bindings. The sandbox is closed
 * when the application context closes.
 */
@AutoConfiguration(before = BtpConnectivityAutoConfiguration.class)
@ConditionalOnClass(name = BtpSandboxAutoConfiguration.SANDBOX_CLASS)
@ConditionalOnProperty(prefix = "camel.btp.sandbox", name = "enabled", havingValue = "true")
// the sandbox is there to bind the starter's shared engine: without that engine (camel.btp.enabled=false) it stays off
@ConditionalOnProperty(prefix = "camel.btp", name = "enabled", havingValue = "true", matchIfMissing = true)
public class BtpSandboxAutoConfiguration {

    static final String SANDBOX_CLASS = "io.github.camelbtp.sandbox.Sandbox";

    private static final Logger LOG = LoggerFactory.getLogger(BtpSandboxAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Sandbox btpSandbox() {
        Sandbox sandbox = Sandbox.start();
        // WARN, not INFO: whoever reads a production log must see at once that this application talks to no real BTP
        LOG.warn("camel-btp development mode (camel.btp.sandbox.enabled=true): the sandbox runs in this application and "
                + "the engine is bound to it, not to any real BTP service binding; Destination Service {}, "
                + "Connectivity proxy {}:{}. Never enable this in production.",
                sandbox.destinationServiceUri(), sandbox.proxyHost(), sandbox.proxyHttpPort());
        return sandbox;
    }

    @Bean
    @ConditionalOnMissingBean
    public DevSandboxBinding btpSandboxBinding(Sandbox sandbox) {
        return new DevSandboxBinding(sandbox.vcapServices());
    }
}
