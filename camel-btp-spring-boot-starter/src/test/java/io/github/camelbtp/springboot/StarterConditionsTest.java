package io.github.camelbtp.springboot;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.destination.BtpDestinationComponent;
import io.github.camelbtp.rfc.BtpRfcComponent;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When the starter backs off, whose engine the components get, and what it refuses. */
class StarterConditionsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, BtpConnectivityAutoConfiguration.class,
                    BtpDestinationComponentAutoConfiguration.class, BtpRfcComponentAutoConfiguration.class))
            .withPropertyValues("camel.main.name=conditions");

    @Test
    void disabledComponentIsNotConfiguredWhileTheOtherIs() {
        runner.withPropertyValues("camel.btp.vcap-services=" + SANDBOX.sandbox().vcapServices(),
                        "camel.component.btp-destination.enabled=false",
                        "camel.component.btp-destination.ldap-max-connections=3",
                        "camel.component.btp-rfc.metadata-cache-ttl=10m")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(BtpConnectivity.class)
                            .doesNotHaveBean(BtpDestinationComponentConfiguration.class)
                            .hasSingleBean(BtpRfcComponentConfiguration.class);
                    assertThat(context.getBeansOfType(ComponentCustomizer.class)).containsOnlyKeys("btpRfcComponentCustomizer");
                    CamelContext camel = context.getBean(CamelContext.class);
                    BtpDestinationComponent destination = camel.getComponent("btp-destination", BtpDestinationComponent.class);
                    assertThat(destination.getLdapMaxConnections()).as("left at its default").isEqualTo(10);
                    assertThat(destination.getConnectivity()).as("Camel's own autowiring of the single engine bean")
                            .isSameAs(context.getBean(BtpConnectivity.class));
                    BtpRfcComponent rfc = camel.getComponent("btp-rfc", BtpRfcComponent.class);
                    assertThat(rfc.getMetadataCacheTtl()).isEqualTo(600_000);
                    assertThat(rfc.getConnectivity()).isSameAs(context.getBean(BtpConnectivity.class));
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {
        @Bean(destroyMethod = "close")
        BtpConnectivity myEngine() {
            return BtpConnectivity.builder()
                    .serviceBindings(ServiceBindings.none())
                    .environmentDestinations(null)
                    .staticDestinations(List.of(Destination.of("Catalog", Map.of("Type", "HTTP", "ProxyType", "Internet",
                            "URL", SANDBOX.sandbox().cloudApiUri().toString(), "Authentication", "NoAuthentication"), "mine")))
                    .build();
        }
    }

    @Test
    void applicationsOwnEngineWinsOverTheStartersOne() {
        runner.withUserConfiguration(OwnEngine.class)
                .withPropertyValues("camel.btp.vcap-services=" + SANDBOX.sandbox().vcapServices())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(BtpConnectivity.class).hasBean("myEngine");
                    BtpConnectivity mine = context.getBean(BtpConnectivity.class);
                    CamelContext camel = context.getBean(CamelContext.class);
                    assertThat(camel.getComponent("btp-destination", BtpDestinationComponent.class).getConnectivity()).isSameAs(mine);
                    assertThat(camel.getComponent("btp-rfc", BtpRfcComponent.class).getConnectivity()).isSameAs(mine);
                    assertThat(mine.destination("Catalog", DestinationOptions.NONE).source()).isEqualTo("mine");
                });
    }

    @Test
    void componentEngineOptionNextToTheSharedEngineFailsTheStartNamingTheFix() {
        runner.withPropertyValues("camel.component.btp-destination.vcap-services={}",
                        "camel.component.btp-destination.destination-cache-ttl=30s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("camel.component.btp-destination.vcap-services")
                        .hasMessageContaining("camel.component.btp-destination.destination-cache-ttl")
                        .hasMessageContaining("camel.btp.vcap-services")
                        .hasMessageContaining("camel.btp.enabled=false"));
    }

    @Test
    void sharedEngineReadsTheBindingFileSandboxMainWrites() {
        Path bindingFile = Path.of("target", "shared-engine-vcap.json").toAbsolutePath();
        SANDBOX.sandbox().writeVcapServices(bindingFile);
        runner.withPropertyValues("camel.btp.binding-file=" + bindingFile)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    BtpConnectivity engine = context.getBean(BtpConnectivity.class);
                    assertThat(engine.bindings().destinationService()).isPresent();
                    assertThat(engine.bindings().connectivity()).isPresent();
                    assertThat(context.getBean(CamelContext.class).getComponent("btp-rfc", BtpRfcComponent.class)
                            .getConnectivity()).isSameAs(engine);
                });
    }

    @Test
    void withoutTheStartersEngineTheComponentsShareOneBuiltFromTheirOptions() {
        // since issue 9: one engine per CamelContext also without the starter's (before, each component built its own)
        Path bindingFile = Path.of("target", "conditions-vcap.json").toAbsolutePath();
        SANDBOX.sandbox().writeVcapServices(bindingFile);
        runner.withPropertyValues("camel.btp.enabled=false",
                        "camel.component.btp-destination.binding-file=" + bindingFile,
                        "camel.component.btp-rfc.binding-file=" + bindingFile)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(BtpConnectivity.class);
                    CamelContext camel = context.getBean(CamelContext.class);
                    BtpDestinationComponent destination = camel.getComponent("btp-destination", BtpDestinationComponent.class);
                    BtpRfcComponent rfc = camel.getComponent("btp-rfc", BtpRfcComponent.class);
                    assertThat(destination.connectivity()).isSameAs(rfc.connectivity());
                    assertThat(destination.connectivity().bindings().destinationService()).isPresent();
                });
    }

    @Test
    void withoutTheSharedEngineEachComponentBuildsItsOwnFromItsOptions() {
        Path bindingFile = Path.of("target", "conditions-vcap.json").toAbsolutePath();
        SANDBOX.sandbox().writeVcapServices(bindingFile);
        runner.withPropertyValues("camel.btp.enabled=false",
                        "camel.component.btp-destination.binding-file=" + bindingFile,
                        "camel.component.btp-destination.shared-engine=false",
                        "camel.component.btp-rfc.binding-file=" + bindingFile,
                        "camel.component.btp-rfc.shared-engine=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(BtpConnectivity.class);
                    CamelContext camel = context.getBean(CamelContext.class);
                    BtpDestinationComponent destination = camel.getComponent("btp-destination", BtpDestinationComponent.class);
                    BtpRfcComponent rfc = camel.getComponent("btp-rfc", BtpRfcComponent.class);
                    assertThat(destination.connectivity()).isNotSameAs(rfc.connectivity());
                    assertThat(destination.connectivity().bindings().destinationService()).isPresent();
                });
    }

    @Test
    void trustedModeConnectivityProxyFromProperties() throws Exception {
        try (java.net.ServerSocket proxy = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            runner.withPropertyValues("camel.btp.vcap-services={}",
                            "camel.btp.connectivity-proxy.host=" + proxy.getInetAddress().getHostAddress(),
                            "camel.btp.connectivity-proxy.http-port=" + proxy.getLocalPort())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        var status = context.getBean(BtpConnectivity.class).checkServices();
                        assertThat(status).singleElement().satisfies(s -> {
                            assertThat(s.service()).isEqualTo("Connectivity proxy");
                            assertThat(s.up()).isTrue();
                            assertThat(s.detail()).contains("trusted mode");
                        });
                    });
        }
    }
}
