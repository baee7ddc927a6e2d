package io.github.camelbtp.connectivity.binding;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.http.ProxyAddress;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The bindings the sandbox hands out, read exactly as real ones: VCAP_SERVICES, a binding file, the Kubernetes layout. */
@ExtendWith(SandboxExtension.class)
class SandboxBindingsTest {

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    @Test
    void vcapServicesOfTheSandboxPointAtItsServices(Sandbox sandbox) {
        ServiceBindings bindings = ServiceBindings.fromVcapServices(sandbox.vcapServices());

        assertThat(bindings.destinationService().orElseThrow().serviceUri()).isEqualTo(sandbox.destinationServiceUri());
        assertThat(bindings.destinationService().orElseThrow().client().tokenEndpoint())
                .isEqualTo(URI.create(sandbox.tokenServiceUri() + "/oauth/token"));
        ConnectivityCredentials connectivity = bindings.connectivity().orElseThrow();
        assertThat(connectivity.proxyHost()).isEqualTo(sandbox.proxyHost());
        assertThat(connectivity.httpProxyPort()).isEqualTo(sandbox.proxyHttpPort());
    }

    @Test
    void bindingFileIsReadLikeVcapServices(Sandbox sandbox, @TempDir Path dir) {
        Path file = dir.resolve("vcap.json");
        sandbox.writeVcapServices(file);

        ServiceBindings bindings = ServiceBindings.fromVcapFile(file);

        assertThat(bindings.destinationService().orElseThrow().serviceUri()).isEqualTo(sandbox.destinationServiceUri());
        assertThat(bindings.connectivity().orElseThrow().httpProxyPort()).isEqualTo(sandbox.proxyHttpPort());
    }

    @Test
    void kubernetesLayoutGivesTheSameCredentialsAsVcapServices(Sandbox sandbox, @TempDir Path root) {
        ServiceBindings vcap = ServiceBindings.fromVcapServices(sandbox.vcapServices());

        ServiceBindings kubernetes = ServiceBindings.fromKubernetes(sandbox.writeKubernetesBindings(root));

        assertThat(kubernetes.destinationService()).isEqualTo(vcap.destinationService());
        assertThat(kubernetes.connectivity()).isEqualTo(vcap.connectivity());
    }

    @Test
    void engineBoundThroughKubernetesLayoutResolvesAnOnPremiseDestination(Sandbox sandbox, @TempDir Path root) {
        BtpConnectivity engine = engines.add(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromKubernetes(sandbox.writeKubernetesBindings(root)))
                .environmentDestinations(null).build());

        ResolvedDestination erp = engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        assertThat(erp.proxy()).isEqualTo(new ProxyAddress(sandbox.proxyHost(), sandbox.proxyHttpPort()));
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);
    }
}
