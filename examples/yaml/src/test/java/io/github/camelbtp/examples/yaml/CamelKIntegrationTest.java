package io.github.camelbtp.examples.yaml;

import io.github.camelbtp.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * examples/camel-k/btp-sales-orders.yaml as Camel K would run it: its flows loaded by the YAML DSL under camel-main,
 * in a JVM of their own whose environment carries the Integration's {@code SERVICE_BINDING_ROOT} and whose mounted
 * secrets are the sandbox's bindings in the Kubernetes layout, one folder per binding below that root.
 */
class CamelKIntegrationTest {

    private static final Path INTEGRATION = Path.of("../camel-k/btp-sales-orders.yaml");

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private Process camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.destroyForcibly();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void integrationMountsOneFolderPerBindingBelowServiceBindingRoot() throws IOException {
        Map<String, Object> spec = map(integration().get("spec"));
        String root = serviceBindingRoot(spec);

        assertThat(root).isEqualTo("/bindings");
        List<String> mounts = mountedResources(spec);
        assertThat(mounts).hasSize(2);
        for (String mount : mounts) {
            assertThat(mount).as("secret:NAME@PATH").startsWith("secret:").contains("@");
            assertThat(Path.of(mount.substring(mount.indexOf('@') + 1)).getParent()).isEqualTo(Path.of(root));
        }
        List<String> dependencies = list(spec.get("dependencies")).stream().map(Object::toString).toList();
        assertThat(dependencies).contains("camel:jsonpath")
                .anySatisfy(d -> assertThat(d).startsWith("mvn:io.github.camelbtp:camel-btp-destination:"));
    }

    @Test
    void integrationFlowsReadOrdersThroughTheMountedBindingsUnderCamelMain() throws Exception {
        Map<String, Object> integration = integration();
        Map<String, Object> spec = map(integration.get("spec"));
        sandbox = Sandbox.start();

        // the mounts: each secret's folder below SERVICE_BINDING_ROOT, here filled from the sandbox's bindings
        Path sandboxBindings = dir.resolve("sandbox-bindings");
        sandbox.writeKubernetesBindings(sandboxBindings);
        Path root = dir.resolve("bindings");
        for (String mount : mountedResources(spec)) {
            String folder = Path.of(mount.substring(mount.indexOf('@') + 1)).getFileName().toString();
            copyFolder(sandboxBindings.resolve(folder), root.resolve(folder));
        }

        Path flows = dir.resolve("btp-sales-orders.camel.yaml");
        Files.writeString(flows, new Dump(DumpSettings.builder().build()).dumpToString(spec.get("flows")));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                "-Dcamel.main.routes-include-pattern=file:" + flows));
        for (Object property : list(map(map(spec.get("traits")).get("camel")).get("properties"))) {
            command.add("-D" + property); // Camel K hands the camel trait's properties to the runtime
        }
        command.add("org.apache.camel.main.Main");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("camel.log").toFile());
        builder.environment().remove("VCAP_SERVICES");
        builder.environment().put("SERVICE_BINDING_ROOT", root.toString()); // the Integration's /bindings, relocated
        camel = builder.start();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (sandbox.backendRequests().matching(r -> r.rawQuery() != null && r.rawQuery().contains("17100001"))
                .isEmpty()) {
            assertThat(camel.isAlive()).as("camel-main running; its log: %s", log()).isTrue();
            assertThat(System.nanoTime()).as("the flow called the ERP within 60 s; log: %s", log()).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(sandbox.counters().destinationLookups()).isGreaterThanOrEqualTo(1);
        assertThat(sandbox.counters().proxiedCalls()).isGreaterThanOrEqualTo(1);
        camel.destroy();
        assertThat(camel.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private String log() throws IOException {
        Path log = dir.resolve("camel.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static Map<String, Object> integration() throws IOException {
        Map<String, Object> integration = map(new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(INTEGRATION, StandardCharsets.UTF_8)));
        assertThat(integration.get("apiVersion")).isEqualTo("camel.apache.org/v1");
        assertThat(integration.get("kind")).isEqualTo("Integration");
        return integration;
    }

    private static String serviceBindingRoot(Map<String, Object> spec) {
        for (Object var : list(map(map(spec.get("traits")).get("environment")).get("vars"))) {
            if (var.toString().startsWith("SERVICE_BINDING_ROOT=")) {
                return var.toString().substring("SERVICE_BINDING_ROOT=".length());
            }
        }
        throw new AssertionError("the environment trait sets no SERVICE_BINDING_ROOT");
    }

    private static List<String> mountedResources(Map<String, Object> spec) {
        return list(map(map(spec.get("traits")).get("mount")).get("resources")).stream().map(Object::toString).toList();
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        assertThat(from).as("the sandbox writes a binding folder of that name").isDirectory();
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }
}
