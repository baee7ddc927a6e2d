package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BtpConnectivity#checkServices()}: what a readiness check reports, against the sandbox. */
@ExtendWith(SandboxExtension.class)
class ServiceStatusSandboxTest {

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    @Test
    void boundEngineReportsBothServicesUp(Sandbox sandbox) {
        List<ServiceStatus> status = engines.bound(sandbox).checkServices();

        assertThat(status).extracting(ServiceStatus::service).containsExactly("Destination Service", "Connectivity proxy");
        assertThat(status).allMatch(ServiceStatus::up);
    }

    @Test
    void failingTokenServiceIsReportedWithItsCauseAndNoSecret(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);
        sandbox.faults().tokenServiceFailure(401);

        List<ServiceStatus> status = engine.checkServices();

        assertThat(status).noneMatch(ServiceStatus::up);
        assertThat(status.get(0).detail()).contains("401");
        status.forEach(s -> Secrets.assertFreeOf(s.toString(), Engines.bindingSecrets(sandbox)));
    }

    @Test
    void proxyThatAcceptsNoConnectionsIsDown(Sandbox sandbox) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String vcap = sandbox.vcapServices().replace("\"onpremise_proxy_http_port\":\"" + sandbox.proxyHttpPort() + "\"",
                "\"onpremise_proxy_http_port\":\"" + closedPort + "\"");
        assertThat(vcap).contains(String.valueOf(closedPort));
        BtpConnectivity engine = engines.add(BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(vcap))
                .environmentDestinations(null).build());

        ServiceStatus proxy = engine.checkServices().get(1);

        assertThat(proxy.up()).isFalse();
        assertThat(proxy.detail()).contains("cannot connect").contains("onpremise_proxy_http_port");
    }

    @Test
    void engineWithoutBindingsChecksNothing() {
        BtpConnectivity engine = engines.add(BtpConnectivity.builder().serviceBindings(ServiceBindings.none())
                .environmentDestinations(null).build());

        assertThat(engine.checkServices()).isEmpty();
    }
}
