package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.DiagnosisReport.Outcome;
import io.github.camelbtp.connectivity.DiagnosisReport.Step;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.Socket;
import java.util.HashMap;
import java.util.Map;

import static io.github.camelbtp.sandbox.demo.DemoDestinations.ON_PREMISE_ERP;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_SERVICE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BtpConnectivity#diagnose}: the hop that fails for each fault of the sandbox, SAP's cause for it, and never a
 * secret in the report.
 */
@ExtendWith(SandboxExtension.class)
class DiagnosisSandboxTest {

    /** Connects through the destination's socket factory, as btp-destination's TCP check does. */
    private static final BackendCheck CONNECT = s -> {
        String[] address = s.destination().property("Address").orElseThrow().replace("tcp://", "").split(":");
        try (Socket socket = s.socketFactory().createSocket(address[0], Integer.parseInt(address[1]))) {
            return "connected to " + socket.getInetAddress();
        }
    };

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    private static void assertFailedAt(DiagnosisReport report, Hop hop, Cause cause, Sandbox sandbox, String... moreSecrets) {
        assertThat(report.failedHop()).as(report.toString()).contains(hop);
        Step failed = report.firstFailure().orElseThrow();
        assertThat(failed.cause()).as(report.toString()).isEqualTo(cause);
        assertThat(report.toString()).contains("cause: " + cause.cause()).contains("fix:   " + cause.fix());
        assertThat(report.steps()).extracting(Step::hop).containsExactly(Hop.values());
        Secrets.assertFreeOf(report.toString(), Engines.bindingSecrets(sandbox));
        Secrets.assertFreeOf(report.toMap().toString(), Engines.bindingSecrets(sandbox));
        for (String secret : moreSecrets) {
            assertThat(report.toString()).doesNotContain(secret);
        }
    }

    private static Map<String, String> variant(Sandbox sandbox, String name, Map<String, String> changes) {
        Map<String, String> properties = new HashMap<>(sandbox.destinations().get(ON_PREMISE_ERP).orElseThrow());
        properties.put("Name", name);
        properties.putAll(changes);
        sandbox.destinations().putSubaccount(properties);
        return properties;
    }

    @Test
    void onPremiseDestinationPassesEveryHop(Sandbox sandbox) {
        DiagnosisReport report = engines.bound(sandbox).diagnose(ON_PREMISE_ERP, SALES_SERVICE_PATH, DestinationOptions.NONE,
                BackendCheck.NONE);

        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.steps()).extracting(Step::outcome).containsOnly(Outcome.OK);
        assertThat(report.toString()).contains("every hop passed").contains("virtual host erp.internal")
                .contains("HTTP 200").doesNotContain(DemoDestinations.SALES_PASSWORD);
        assertThat(report.toMap()).containsEntry("passed", true).doesNotContainKey("failedHop");
    }

    @Test
    void internetDestinationSkipsTheProxyHops(Sandbox sandbox) {
        DiagnosisReport report = engines.bound(sandbox).diagnose(DemoDestinations.PUBLIC_CATALOG, "", DestinationOptions.NONE,
                BackendCheck.NONE);

        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.steps()).filteredOn(s -> s.outcome() == Outcome.SKIPPED).extracting(Step::hop)
                .containsExactly(Hop.CONNECTIVITY_TOKEN, Hop.PROXY, Hop.CLOUD_CONNECTOR);
    }

    @Test
    void destinationServiceDownFailsTheDestinationHop(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);
        sandbox.faults().destinationServiceDown(true);

        DiagnosisReport report = engine.diagnose(ON_PREMISE_ERP, "", DestinationOptions.NONE, BackendCheck.NONE);

        assertFailedAt(report, Hop.DESTINATION, Cause.DESTINATION_SERVICE_UNAVAILABLE, sandbox);
        assertThat(report.steps().get(Hop.SERVICE_TOKEN.ordinal()).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void destinationServiceDownIsSeenEvenWhenTheDestinationIsCached(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);
        engine.destination(ON_PREMISE_ERP, DestinationOptions.NONE);
        sandbox.faults().destinationServiceDown(true);

        DiagnosisReport report = engine.diagnose(ON_PREMISE_ERP, "", DestinationOptions.NONE, BackendCheck.NONE);

        assertThat(report.failedHop()).contains(Hop.DESTINATION);
    }

    @Test
    void badClientSecretFailsTheServiceTokenHop(Sandbox sandbox) {
        String secret = Engines.credential(sandbox, "destination", "clientsecret");
        String vcap = sandbox.vcapServices().replace(secret, "wrong-secret-123");
        BtpConnectivity engine = engines.add(BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(vcap))
                .environmentDestinations(null).build());

        DiagnosisReport report = engine.diagnose(ON_PREMISE_ERP, "", DestinationOptions.NONE, BackendCheck.NONE);

        assertFailedAt(report, Hop.SERVICE_TOKEN, Cause.SERVICE_TOKEN_REJECTED, sandbox, "wrong-secret-123");
        assertThat(report.steps().get(Hop.DESTINATION.ordinal()).seen()).isEqualTo("not reached");
    }

    @Test
    void wrongLocationIdFailsTheCloudConnectorHop(Sandbox sandbox) {
        variant(sandbox, "WrongLocation", Map.of("CloudConnectorLocationId", "NoSuchPlant"));

        DiagnosisReport report = engines.bound(sandbox).diagnose("WrongLocation", SALES_SERVICE_PATH,
                DestinationOptions.NONE, BackendCheck.NONE);

        assertFailedAt(report, Hop.CLOUD_CONNECTOR, Cause.PROXY_503, sandbox, DemoDestinations.SALES_PASSWORD);
        assertThat(report.toString()).contains("status 503").contains("NoSuchPlant");
    }

    @Test
    void cloudConnectorDisconnectedFailsTheCloudConnectorHop(Sandbox sandbox) {
        sandbox.cloudConnector().connector("").setConnected(false);
        try {

            DiagnosisReport report = engines.bound(sandbox).diagnose(ON_PREMISE_ERP, SALES_SERVICE_PATH,
                    DestinationOptions.NONE, BackendCheck.NONE);

            assertFailedAt(report, Hop.CLOUD_CONNECTOR, Cause.PROXY_503, sandbox);
        } finally {
            // the sandbox outlives the test: connect the Cloud Connector again
            sandbox.cloudConnector().connector("").setConnected(true);
        }
    }

    @Test
    void pathNotAllowedFailsTheCloudConnectorHopWithAccessDenied(Sandbox sandbox) {
        DiagnosisReport report = engines.bound(sandbox).diagnose(ON_PREMISE_ERP, "/sap/bc/not-allowed",
                DestinationOptions.NONE, BackendCheck.NONE);

        assertFailedAt(report, Hop.CLOUD_CONNECTOR, Cause.ACCESS_DENIED, sandbox);
        assertThat(report.toString()).contains("status 403").contains("Access denied to system");
    }

    @Test
    void httpsOnPremiseFailsTheProxyHopBeforeAnythingIsSent(Sandbox sandbox) {
        String url = sandbox.destinations().get(ON_PREMISE_ERP).orElseThrow().get("URL").replace("http:", "https:");
        variant(sandbox, "HttpsOnPremise", Map.of("URL", url));
        int before = sandbox.proxyRequests().all().size();

        DiagnosisReport report = engines.bound(sandbox).diagnose("HttpsOnPremise", "", DestinationOptions.NONE,
                BackendCheck.NONE);

        assertFailedAt(report, Hop.PROXY, Cause.PROXY_405_HTTPS, sandbox);
        assertThat(sandbox.proxyRequests().all()).hasSize(before);
    }

    @Test
    void backend401FailsTheAuthenticationHop(Sandbox sandbox) {
        variant(sandbox, "WrongPassword", Map.of("Password", "not-the-password-42"));

        DiagnosisReport report = engines.bound(sandbox).diagnose("WrongPassword", SALES_SERVICE_PATH,
                DestinationOptions.NONE, BackendCheck.NONE);

        assertFailedAt(report, Hop.AUTHENTICATION, Cause.BACKEND_REJECTED_CREDENTIALS, sandbox, "not-the-password-42");
        assertThat(report.toString()).contains("HTTP 401");
    }

    @Test
    void socks5MappingMissingFailsTheCloudConnectorHopWithReplyCode02(Sandbox sandbox) {
        sandbox.cloudConnector().connector("").unmap(DemoDestinations.LEGACY_TCP_VIRTUAL_HOST,
                DemoDestinations.LEGACY_TCP_VIRTUAL_PORT);
        try {

            DiagnosisReport report = engines.bound(sandbox).diagnose(DemoDestinations.LEGACY_TCP, "", DestinationOptions.NONE,
                    CONNECT);

            assertFailedAt(report, Hop.CLOUD_CONNECTOR, Cause.SOCKS5_NO_MAPPING, sandbox);
            assertThat(report.toString()).contains("SOCKS5 reply code 02");
        } finally {
            // the sandbox outlives the test: map the echo service again
            sandbox.cloudConnector().connector("").map(DemoDestinations.LEGACY_TCP_VIRTUAL_HOST,
                    DemoDestinations.LEGACY_TCP_VIRTUAL_PORT, "127.0.0.1", sandbox.echoService().port());
        }
    }

    @Test
    void tcpDestinationPassesThroughTheSocks5Proxy(Sandbox sandbox) {
        DiagnosisReport report = engines.bound(sandbox).diagnose(DemoDestinations.LEGACY_TCP, "", DestinationOptions.NONE,
                CONNECT);

        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.toString()).contains("SOCKS5 port").contains("reply code 00");
    }

    @Test
    void unknownDestinationFailsTheDestinationHop(Sandbox sandbox) {
        DiagnosisReport report = engines.bound(sandbox).diagnose("NoSuchDestination", "", DestinationOptions.NONE,
                BackendCheck.NONE);

        assertFailedAt(report, Hop.DESTINATION, Cause.DESTINATION_NOT_FOUND, sandbox);
    }

    @Test
    void engineWithoutSourcesFailsTheBindingHop() {
        BtpConnectivity engine = engines.add(BtpConnectivity.builder().serviceBindings(ServiceBindings.none())
                .environmentDestinations(null).build());

        DiagnosisReport report = engine.diagnose("X", "", DestinationOptions.NONE, BackendCheck.NONE);

        assertThat(report.failedHop()).contains(Hop.BINDING);
        assertThat(report.firstFailure().orElseThrow().cause()).isEqualTo(Cause.NO_DESTINATION_SOURCE);
    }
}
