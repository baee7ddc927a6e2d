package io.github.camelbtp.examples.springboot;

import io.github.camelbtp.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repackaged application as a user runs it: {@code java -jar camel-btp-example-spring-boot-VERSION.jar
 * --camel.btp.binding-file=PATH}, in its own JVM, against a sandbox's binding file (the file the standalone sandbox
 * writes with --binding-file). Run by failsafe after {@code package}, which builds the jar; its path comes from the pom.
 */
class ExecutableJarIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void executableJarReadsSalesOrdersThroughTheSandboxNamedByItsBindingFile() throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            Path binding = dir.resolve("vcap-services.json");
            sandbox.writeVcapServices(binding);

            process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", jar().toString(),
                    "--camel.btp.binding-file=" + binding, "--orders.period=1s")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile())
                    .start();

            String out = awaitOutput("Sales orders from OnPremiseERP: ");
            assertThat(out).containsPattern("Sales orders from OnPremiseERP: \\S+ for \\S+: [0-9.]+ [A-Z]{3}");
            assertThat(sandbox.counters().proxiedCalls()).as("through the sandbox's Connectivity proxy").isPositive();
            assertThat(out).doesNotContain(sandbox.destinationServiceUri().toString() + "?")
                    .doesNotContain("clientsecret");
        }
    }

    @Test
    void executableJarShipsWithoutTheSandbox() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo(SalesOrderApplication.class.getName());
            List<String> sandboxJars = jar.stream().map(e -> e.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/camel-btp-sandbox")).toList();
            assertThat(sandboxJars).as("the sandbox is only in a -Pdev build").isEmpty();
        }
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("application.jar", "target/application.jar-not-set"));
        assertThat(jar).as("the executable jar built by the package phase").isRegularFile();
        return jar;
    }

    private String awaitOutput(String expected) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            String out = Files.exists(dir.resolve("out.txt")) ? Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8) : "";
            if (out.contains(expected)) {
                return out;
            }
            assertThat(process.isAlive()).as("application alive; output: %s", out).isTrue();
            assertThat(System.nanoTime()).as("'%s' logged within %s; output: %s", expected, DEADLINE, out).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
