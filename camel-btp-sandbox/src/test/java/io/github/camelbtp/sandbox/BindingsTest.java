package io.github.camelbtp.sandbox;

import static io.github.camelbtp.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SandboxExtension.class)
class BindingsTest {

    @Test
    void vcapServicesHasDestinationAndConnectivityBindingsInCloudFoundryShape(Sandbox sandbox) {
        JsonNode vcap = json(sandbox.vcapServices());

        JsonNode destination = vcap.get("destination").get(0);
        assertThat(destination.get("label").asText()).isEqualTo("destination");
        assertThat(destination.get("plan").asText()).isEqualTo("lite");
        assertThat(destination.get("tags").toString()).isEqualTo("[\"destination\",\"conn\",\"connsvc\"]");
        JsonNode destinationCredentials = destination.get("credentials");
        assertThat(destinationCredentials.get("clientid").asText()).isEqualTo("sb-clone-destination!b1");
        assertThat(destinationCredentials.get("clientsecret").asText()).isNotBlank();
        assertThat(destinationCredentials.get("url").asText()).isEqualTo(sandbox.tokenServiceUri().toString());
        assertThat(destinationCredentials.get("uri").asText()).isEqualTo(sandbox.destinationServiceUri().toString());
        assertThat(destinationCredentials.get("tenantid").asText()).isEqualTo(DemoDestinations.SUBACCOUNT_ID);

        JsonNode connectivity = vcap.get("connectivity").get(0).get("credentials");
        assertThat(connectivity.get("clientid").asText()).isEqualTo("sb-clone-connectivity!b2");
        assertThat(connectivity.get("token_service_url").asText()).isEqualTo(sandbox.tokenServiceUri().toString());
        assertThat(connectivity.get("onpremise_proxy_host").asText()).isEqualTo("127.0.0.1");
        assertThat(connectivity.get("onpremise_proxy_http_port").asText())
                .isEqualTo(Integer.toString(sandbox.proxyHttpPort()));
        assertThat(connectivity.get("onpremise_proxy_port").asText()).isEqualTo(Integer.toString(sandbox.proxyHttpPort()));
    }

    @Test
    void clientSecretsAreRandomPerStart(Sandbox sandbox) {
        try (Sandbox other = Sandbox.start()) {
            assertThat(SandboxClient.credentials(other, "destination").get("clientsecret").asText())
                    .isNotEqualTo(SandboxClient.credentials(sandbox, "destination").get("clientsecret").asText());
        }
    }

    @Test
    void writeVcapServicesWritesTheSameJson(Sandbox sandbox, @TempDir Path folder) throws IOException {
        Path file = folder.resolve("nested/vcap.json");

        sandbox.writeVcapServices(file);

        assertThat(Files.readString(file)).isEqualTo(sandbox.vcapServices());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void kubernetesBindingsHaveOneFilePerCredentialKey(Sandbox sandbox, @TempDir Path root) throws IOException {
        assertThat(sandbox.writeKubernetesBindings(root)).isEqualTo(root);

        assertThat(Files.readString(root.resolve("destination/type"))).isEqualTo("destination");
        assertThat(Files.readString(root.resolve("destination/uri"))).isEqualTo(sandbox.destinationServiceUri().toString());
        assertThat(root.resolve("destination/clientid")).exists();
        assertThat(root.resolve("destination/clientsecret")).exists();
        assertThat(root.resolve("destination/url")).exists();
        assertThat(Files.readString(root.resolve("connectivity/type"))).isEqualTo("connectivity");
        assertThat(Files.readString(root.resolve("connectivity/onpremise_proxy_http_port")))
                .isEqualTo(Integer.toString(sandbox.proxyHttpPort()));
        for (String key : new String[] {"clientid", "clientsecret", "token_service_url", "onpremise_proxy_host",
            "onpremise_proxy_port"}) {
            assertThat(root.resolve("connectivity").resolve(key)).exists();
        }
    }

    @Test
    void kubernetesBindingFilesAreReadableByTheOwnerOnly(Sandbox sandbox, @TempDir Path root) throws IOException {
        sandbox.writeKubernetesBindings(root);

        try (var files = Files.walk(root)) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            assertThat(written).contains(root.resolve("destination/clientsecret"), root.resolve("connectivity/clientsecret"));
            for (Path file : written) {
                assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }
        }
    }

    @Test
    void vcapFileIsReadableByTheOwnerOnly(Sandbox sandbox, @TempDir Path folder) throws IOException {
        Path file = folder.resolve("vcap.json");

        sandbox.writeVcapServices(file);

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void toStringShowsAddressesButNoSecret(Sandbox sandbox) {
        String secret = SandboxClient.credentials(sandbox, "destination").get("clientsecret").asText();

        assertThat(sandbox.toString()).contains(sandbox.destinationServiceUri().toString()).doesNotContain(secret);
        assertThat(sandbox.oauthClients().toString()).doesNotContain(secret);
    }

    @Test
    void closeFreesEveryPort() {
        Sandbox closing = Sandbox.start();
        int proxyPort = closing.proxyHttpPort();
        java.net.URI destinationService = closing.destinationServiceUri();

        closing.close();
        closing.close();

        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", proxyPort).close())
                .isInstanceOf(java.net.ConnectException.class);
        assertThatThrownBy(() -> SandboxClient.get(destinationService)).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void sandboxMainWritesTheBindingFileOnceReadyAndPrintsNoSecret(@TempDir Path folder) {
        Path file = folder.resolve("vcap-services.json");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        try (Sandbox running = SandboxMain.run(new String[] {"--binding-file", file.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8))) {
            String written = readString(file);
            assertThat(written).isEqualTo(running.vcapServices());
            String summary = output.toString(StandardCharsets.UTF_8);
            assertThat(summary).contains(Integer.toString(running.proxyHttpPort()))
                    .contains(DemoDestinations.ON_PREMISE_ERP)
                    .doesNotContain(SandboxClient.credentials(running, "destination").get("clientsecret").asText())
                    .doesNotContain(DemoDestinations.SALES_PASSWORD);
        }
    }

    @Test
    void sandboxMainPrintsUsageForHelpAndRejectsUnknownArguments() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        assertThat(SandboxMain.run(new String[] {"--help"}, new PrintStream(output, true, StandardCharsets.UTF_8)))
                .isNull();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("--binding-file");
        assertThatThrownBy(() -> SandboxMain.run(new String[] {"--nope"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
