package io.github.camelbtp.connectivity.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
    /** Two landscapes, each with its own Destination and Connectivity service instances. */
    @RegisterExtension
    static final SandboxExtension ORDERS = new SandboxExtension();
    @RegisterExtension
    static final SandboxExtension HR = new SandboxExtension();

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    /** VCAP_SERVICES with orders' destination instance 'orders-destinations', hr's as 'hr-destinations', orders' connectivity. */
    private static String twoDestinationInstances() throws IOException {
        java.util.Map<String, Sandbox> instances = new java.util.LinkedHashMap<>();
        instances.put("orders-destinations", ORDERS.sandbox());
        instances.put("hr-destinations", HR.sandbox());
        return Sandbox.vcapServicesWithInstances("destination", instances);
    }

    /** The same in the Kubernetes layout: folders 'orders-destinations', 'hr-destinations' and 'connectivity'. */
    private static Path twoDestinationFolders(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("bindings"));
        Path ordersRoot = ORDERS.sandbox().writeKubernetesBindings(dir.resolve("orders"));
        Path hrRoot = HR.sandbox().writeKubernetesBindings(dir.resolve("hr"));
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
        assertThat(ORDERS.sandbox().counters().destinationLookups() + HR.sandbox().counters().destinationLookups()).isZero();
    }

    @Test
    void namedDestinationInstanceIsTheOnlyOneAsked() throws IOException {
        BtpConnectivity engine = engines.add(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices(twoDestinationInstances()))
                .destinationServiceInstance("hr-destinations").environmentDestinations(null).build());

        engine.destination("OnPremiseERP", DestinationOptions.NONE);

        assertThat(HR.sandbox().counters().destinationLookups()).isEqualTo(1);
        assertThat(ORDERS.sandbox().counters().destinationLookups()).isZero();
    }

    @Test
    void theOtherNamedInstanceIsAskedInstead() throws IOException {
        BtpConnectivity engine = engines.add(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices(twoDestinationInstances()))
                .destinationServiceInstance("orders-destinations").environmentDestinations(null).build());

        engine.destination("OnPremiseERP", DestinationOptions.NONE);

        assertThat(ORDERS.sandbox().counters().destinationLookups()).isEqualTo(1);
        assertThat(HR.sandbox().counters().destinationLookups()).isZero();
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
        assertThat(ORDERS.sandbox().counters().destinationLookups()).isEqualTo(1);
        assertThat(HR.sandbox().counters().destinationLookups()).isZero();
    }

    @Test
    void oneDestinationInstanceIsUsedWithoutAName() {
        BtpConnectivity engine = engines.bound(ORDERS.sandbox());

        engine.destination("OnPremiseERP", DestinationOptions.NONE);

        assertThat(ORDERS.sandbox().counters().destinationLookups()).isEqualTo(1);
    }
}
