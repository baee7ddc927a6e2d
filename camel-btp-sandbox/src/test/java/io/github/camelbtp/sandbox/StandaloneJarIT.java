package io.github.camelbtp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar as a user runs it: {@code java -jar camel-btp-sandbox-VERSION-standalone.jar --binding-file PATH}
 * in its own JVM. Run by failsafe after {@code package}, which builds the jar; the path comes from the pom.
 */
class StandaloneJarIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void killLeftover() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void standaloneJarServesWritesTheBindingAndStopsOnSigterm() throws Exception {
        Path binding = dir.resolve("vcap-services.json");
        Path bindingRoot = dir.resolve("bindings");
        process = start("--binding-file", binding.toString(), "--service-binding-root", bindingRoot.toString());

        awaitFile(binding);
        JsonNode credentials = new ObjectMapper().readTree(binding.toFile()).path("destination").path(0)
                .path("credentials");
        assertThat(bindingRoot.resolve("destination").resolve("clientid")).exists();
        assertThat(bindingRoot.resolve("connectivity").resolve("onpremise_proxy_host")).exists();

        // serves: a client-credentials token from the binding's token service finds a demo destination
        String token = clientCredentialsToken(credentials);
        HttpResponse<String> found = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        credentials.path("uri").asText() + "/destination-configuration/v1/destinations/OnPremiseERP"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("OnPremiseERP");

        // stops: SIGTERM runs the shutdown hook that closes the sandbox, and the JVM exits
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the sandbox JVM exits after SIGTERM").isTrue();
        assertThat(output()).contains("camel-btp sandbox is running");
    }

    @Test
    void standaloneJarLogsThroughItsOwnSlf4jBinding() throws Exception {
        Path binding = dir.resolve("vcap-services.json");
        process = start("--binding-file", binding.toString());
        awaitFile(binding);
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);

        String log = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("No SLF4J providers")
                .contains("INFO io.github.camelbtp.sandbox.Sandbox - Sandbox started");
    }

    @Test
    void standaloneJarRejectsAnUnknownArgumentWithTheUsage() throws Exception {
        process = start("--bindingfile", "x.json");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8))
                .contains("Unknown argument: --bindingfile").contains("--binding-file PATH");
    }

    private Process start(String... args) throws IOException {
        Path jar = Path.of(System.getProperty("standalone.jar", "target/standalone.jar-not-set"));
        assertThat(jar).as("the shaded jar built by the package phase").isRegularFile();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
    }

    /** The binding file is written atomically once every server is up, so its existence means "ready". */
    private void awaitFile(Path file) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(file)) {
            assertThat(process.isAlive()).as("sandbox process alive; stderr: %s",
                    Files.exists(dir.resolve("stderr.txt")) ? Files.readString(dir.resolve("stderr.txt")) : "").isTrue();
            assertThat(System.nanoTime()).as("binding file written within %s", START_TIMEOUT).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String clientCredentialsToken(JsonNode credentials) throws Exception {
        String basic = Base64.getEncoder().encodeToString((credentials.path("clientid").asText() + ":"
                + credentials.path("clientsecret").asText()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(credentials.path("url").asText() + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}
