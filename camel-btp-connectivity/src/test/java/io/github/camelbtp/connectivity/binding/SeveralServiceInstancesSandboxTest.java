package io.github.camelbtp.connectivity.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Two Destination Service instances bound at once [multiple-destination-service-instances-1b1c3b7]: two sandboxes,
 * each one's destination binding under its own instance name, so a lookup shows which instance was asked.
 */
class SeveralServiceInstancesSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Sandbox orders;
    private static Sandbox hr;

    private final Engines engines = new Engines();

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

    @AfterEach
    void close() {
        engines.close();
    }

    /** VCAP_SERVICES with orders' destination instance 'orders-destinations', hr's as 'hr-destinations', orders' connectivity. */
    private static String twoDestinationInstances() throws IOException {
        java.util.Map<String, Sandbox> instances = new java.util.LinkedHashMap<>();
        instances.put("orders-destinations", orders);
        instances.put("hr-destinations", hr);
        return Sandbox.vcapServicesWithInstances("destination", instances);
    }

    /** The same in the Kubernetes layout: folders 'orders-destinations', 'hr-destinations' and 'connectivity'. */
    private static Path twoDestinationFolders(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("bindings"));
        Path ordersRoot = orders.writeKubernetesBindings(dir.resolve("orders"));
        Path hrRoot = hr.writeKubernetesBindings(dir.resolve("hr"));
        Files.move(ordersRoot.resolve("destination"), root.resolve("orders-destinations"));
        Files.move(hrRoot.resolve("destination"), root.resolve("hr-destinations"));
        Files.move(ordersRoot.resolve("connectivity"), root.resolve("connectivity"));
        return root;
    }

    private static String[] destinationSecrets(String vcap) throws IOException {
        JsonNode instances = JSON.readTree(vcap).path("destination");
        return new String[] {instances.get(0).path("credentials").path("clientsecret").asText(),
                instances.get(1).path("credentials").path("clientsecret").asText()};
    }

    @Test
    void twoDestinationInstancesWithoutANameFailAtStartListingBothNames() throws IOException {
        String vcap = twoDestinationInstances();

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(vcap))
                        .environmentDestinations(null).build());

        assertThat(e).as("start-up error").isNotNull();
        assertThat(e.property()).isEqualTo(ServiceBindings.DESTINATION_SERVICE_INSTANCE);
        assertThat(e.getMessage()).contains("orders-destinations").contains("hr-destinations")
                .contains("destinationServiceInstance").contains("multiple-destination-service-instances-1b1c3b7");
        Secrets.assertFreeOf(Secrets.describe(e), destinationSecrets(vcap));
        assertThat(orders.counters().destinationLookups() + hr.counters().destinationLookups()).isZero();
    }

    @Test
    void namedDestinationInstanceIsTheOnlyOneAsked() throws IOException {
        BtpConnectivity engine = engines.add(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices(twoDestinationInstances()))
                .destinationServiceInstance("hr-destinations").environmentDestinations(null).build());

        engine.destination("OnPremiseERP", DestinationOptions.NONE);

        assertThat(hr.counters().destinationLookups()).isEqualTo(1);
        assertThat(orders.counters().destinationLookups()).isZero();
    }

    @Test
    void theOtherNamedInstanceIsAskedInstead() throws IOException {
        BtpConnectivity engine = engines.add(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices(twoDestinationInstances()))
                .destinationServiceInstance("orders-destinations").environmentDestinations(null).build());

        engine.destination("OnPremiseERP", DestinationOptions.NONE);

        assertThat(orders.counters().destinationLookups()).isEqualTo(1);
        assertThat(hr.counters().destinationLookups()).isZero();
    }

    @Test
    void namedInstanceThatIsNotBoundFailsAtStartListingTheBoundNames() throws IOException {
        String vcap = twoDestinationInstances();

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(vcap))
                        .destinationServiceInstance("finance-destinations").environmentDestinations(null).build());

        assertThat(e).as("start-up error").isNotNull();
        assertThat(e.property()).isEqualTo(ServiceBindings.DESTINATION_SERVICE_INSTANCE);
        assertThat(e.getMessage()).contains("finance-destinations").contains("orders-destinations").contains("hr-destinations");
        Secrets.assertFreeOf(Secrets.describe(e), destinationSecrets(vcap));
    }

    @Test
    void kubernetesTwoDestinationFoldersWithoutANameFailAtStartListingBothFolders(@TempDir Path dir) throws IOException {
        Path root = twoDestinationFolders(dir);

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> BtpConnectivity.builder().serviceBindings(ServiceBindings.fromKubernetes(root))
                        .environmentDestinations(null).build());

        assertThat(e).as("start-up error").isNotNull();
        assertThat(e.getMessage()).contains("orders-destinations").contains("hr-destinations")
                .contains("destinationServiceInstance").contains(ServiceBindings.SERVICE_BINDING_ROOT);
        Secrets.assertFreeOf(Secrets.describe(e), destinationSecrets(twoDestinationInstances()));
    }

    @Test
    void kubernetesNamedDestinationFolderIsTheOnlyOneAsked(@TempDir Path dir) throws IOException {
        BtpConnectivity engine = engines.add(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromKubernetes(twoDestinationFolders(dir)))
                .destinationServiceInstance("orders-destinations").environmentDestinations(null).build());

        engine.destination("OnPremiseERP", DestinationOptions.NONE);

        // the folders are read in name order: 'hr-destinations' first, so the first one would be the wrong one
        assertThat(orders.counters().destinationLookups()).isEqualTo(1);
        assertThat(hr.counters().destinationLookups()).isZero();
    }

    @Test
    void oneDestinationInstanceIsUsedWithoutAName() {
        BtpConnectivity engine = engines.bound(orders);

        engine.destination("OnPremiseERP", DestinationOptions.NONE);

        assertThat(orders.counters().destinationLookups()).isEqualTo(1);
    }
}
