package io.github.camelbtp.springboot;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel.btp.destination-service-instance picks one of several bound Destination Service instances
 * [multiple-destination-service-instances-1b1c3b7]; two sandboxes, so a lookup shows which instance was asked.
 */
class SeveralServiceInstancesStarterTest {

    /** Two landscapes, each with its own Destination and Connectivity service instances. */
    @RegisterExtension
    static final SandboxExtension ORDERS = new SandboxExtension();
    @RegisterExtension
    static final SandboxExtension HR = new SandboxExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, BtpConnectivityAutoConfiguration.class,
                    BtpDestinationComponentAutoConfiguration.class, BtpRfcComponentAutoConfiguration.class))
            .withPropertyValues("camel.main.name=instances");

    /** orders' VCAP_SERVICES with its destination instance named 'orders-destinations' and hr's as 'hr-destinations'. */
    private static String twoDestinationInstances() throws IOException {
        java.util.Map<String, Sandbox> instances = new java.util.LinkedHashMap<>();
        instances.put("orders-destinations", ORDERS.sandbox());
        instances.put("hr-destinations", HR.sandbox());
        return Sandbox.vcapServicesWithInstances("destination", instances);
    }

    @Test
    void destinationServiceInstancePropertyPicksTheInstanceAsked() throws IOException {
        runner.withPropertyValues("camel.btp.vcap-services=" + twoDestinationInstances(),
                        "camel.btp.destination-service-instance=hr-destinations")
                .run(context -> {
                    assertThat(context).hasNotFailed();

                    context.getBean(BtpConnectivity.class).destination("OnPremiseERP", DestinationOptions.NONE);

                    assertThat(HR.sandbox().counters().destinationLookups()).isEqualTo(1);
                    assertThat(ORDERS.sandbox().counters().destinationLookups()).isZero();
                });
    }

    @Test
    void twoDestinationInstancesWithoutThePropertyFailTheStartNamingBothAndTheProperty() throws IOException {
        runner.withPropertyValues("camel.btp.vcap-services=" + twoDestinationInstances())
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(DestinationConfigurationException.class)
                        .hasMessageContaining("orders-destinations").hasMessageContaining("hr-destinations")
                        .hasMessageContaining("destinationServiceInstance"));
    }
}
