package io.github.camelbtp.doctor;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The doctor's main, in-process, with the sandbox's bindings written to a file as {@code --binding-file}. */
@ExtendWith(SandboxExtension.class)
class DoctorTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run doctor(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Doctor.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String bindings(Sandbox sandbox, Path dir) {
        Path file = dir.resolve("vcap.json");
        sandbox.writeVcapServices(file);
        return file.toString();
    }

    private static String secret(Sandbox sandbox) {
        String vcap = sandbox.vcapServices();
        int at = vcap.indexOf("\"clientsecret\"");
        int start = vcap.indexOf('"', vcap.indexOf(':', at) + 1) + 1;
        return vcap.substring(start, vcap.indexOf('"', start));
    }

    @Test
    void passingDestinationPrintsTheTableAndExitsZero(Sandbox sandbox, @TempDir Path dir) {
        Run run = doctor("--binding-file", bindings(sandbox, dir), DemoDestinations.ON_PREMISE_ERP,
                DemoDestinations.SALES_SERVICE_PATH);

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("every hop passed").contains("cloud-connector").contains("HTTP 200")
                .doesNotContain(secret(sandbox)).doesNotContain(DemoDestinations.SALES_PASSWORD);
    }

    @Test
    void failingDestinationPrintsTheCauseAndExitsOne(Sandbox sandbox, @TempDir Path dir) {
        sandbox.cloudConnector().connector("").setConnected(false);
        try {
            Run run = doctor("--binding-file", bindings(sandbox, dir), DemoDestinations.ON_PREMISE_ERP,
                    DemoDestinations.SALES_SERVICE_PATH);

            assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
            assertThat(run.out()).contains("FAILED at hop cloud-connector").contains("cause: ").contains("fix: ")
                    .doesNotContain(secret(sandbox));
        } finally {
            // the sandbox outlives the test: connect the Cloud Connector again
            sandbox.cloudConnector().connector("").setConnected(true);
        }
    }

    @Test
    void allChecksEveryDestinationTheDestinationServiceLists(Sandbox sandbox, @TempDir Path dir) {
        Run run = doctor("--binding-file", bindings(sandbox, dir), "--all");

        assertThat(run.out()).contains("Diagnosis of destination '" + DemoDestinations.ON_PREMISE_ERP + "'")
                .contains("Diagnosis of destination '" + DemoDestinations.LEGACY_TCP + "'")
                .containsPattern("\\d+ of \\d+ destinations passed every hop")
                .doesNotContain(secret(sandbox));
        // a service root the Cloud Connector does not allow fails its backend request: --all exits 1 then
        assertThat(run.exitCode()).isIn(0, 1);
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) {
        assertThat(doctor().exitCode()).isEqualTo(2);
        assertThat(doctor("--binding-file").exitCode()).isEqualTo(2);
        assertThat(doctor("--binding-file", dir.resolve("missing.json").toString(), "X").exitCode()).isEqualTo(2);
        assertThat(doctor("--all", "X").exitCode()).isEqualTo(2);
        Run unknown = doctor("--frobnicate", "X");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option --frobnicate").contains("usage:");
    }
}
