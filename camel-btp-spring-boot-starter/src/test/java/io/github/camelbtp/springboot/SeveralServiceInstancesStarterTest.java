package io.github.camelbtp.springboot;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.sandbox.Sandbox;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel.btp.destination-service-instance picks one of several bound Destination Service instances
 * [multiple-destination-service-instances-1b1c3b7]; two sandboxes, so a lookup shows which instance was asked.
 */
class SeveralServiceInstancesStarterTest {

    private static Sandbox orders;
    private static Sandbox hr;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, BtpConnectivityAutoConfiguration.class,
                    BtpDestinationComponentAutoConfiguration.class, BtpRfcComponentAutoConfiguration.class))
            .withPropertyValues("camel.main.name=instances");

    @BeforeAll
    static void start() {
        orders = Sandbox.start();
        hr = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        orders.close();
        hr.close();
    }

    @BeforeEach
    void reset() {
        orders.reset();
        hr.reset();
    }

    /** orders' VCAP_SERVICES with its destination instance named 'orders-destinations' and hr's as 'hr-destinations'. */
    private static String twoDestinationInstances() throws IOException {
        java.util.Map<String, Sandbox> instances = new java.util.LinkedHashMap<>();
        instances.put("orders-destinations", orders);
        instances.put("hr-destinations", hr);
        return Sandbox.vcapServicesWithInstances("destination", instances);
    }

    @Test
    void destinationServiceInstancePropertyPicksTheInstanceAsked() throws IOException {
        runner.withPropertyValues("camel.btp.vcap-services=" + twoDestinationInstances(),
                        "camel.btp.destination-service-instance=hr-destinations")
                .run(context -> {
                    assertThat(context).hasNotFailed();

                    context.getBean(BtpConnectivity.class).destination("OnPremiseERP", DestinationOptions.NONE);

                    assertThat(hr.counters().destinationLookups()).isEqualTo(1);
                    assertThat(orders.counters().destinationLookups()).isZero();
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
