package io.github.camelbtp.doctor;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.DiagnosisReport;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.destination.SocketBackendCheck;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line doctor: what SAP's cockpit "Check Connection" does, but from where the application runs and hop
 * by hop. Reads the same bindings as the components (VCAP_SERVICES, SERVICE_BINDING_ROOT, or {@code --binding-file}),
 * walks the hops of one destination or of every destination the Destination Service lists, and prints the diagnosis
 * table of each. Exit code 0 when every hop of every destination passed, 1 otherwise, 2 for a usage error.
 */
public final class Doctor {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: java -jar camel-btp-doctor.jar [--binding-file FILE] NAME [PATH]
                   java -jar camel-btp-doctor.jar [--binding-file FILE] --all
              NAME             the destination to check (case-sensitive)
              PATH             the path the backend hop sends its HEAD to, relative to the destination's URL
              --all            every destination the bound Destination Service lists (instance and subaccount level)
              --binding-file   a VCAP_SERVICES JSON file; default: VCAP_SERVICES, else SERVICE_BINDING_ROOT
            exit code: 0 every hop passed, 1 a hop failed, 2 usage error""";

    private Doctor() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the doctor; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path bindingFile = null;
        boolean all = false;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--binding-file" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--binding-file needs a file");
                    }
                    bindingFile = Path.of(args[++i]);
                    if (!Files.isRegularFile(bindingFile)) {
                        return usage(err, "binding file " + bindingFile + " does not exist");
                    }
                }
                case "--all" -> all = true;
                case "-h", "--help" -> {
                    out.println(USAGE_TEXT);
                    return PASSED;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        return usage(err, "unknown option " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (all ? !positional.isEmpty() : positional.isEmpty() || positional.size() > 2) {
            return usage(err, all ? "--all takes no destination name" : "name one destination (and optionally a path)");
        }
        BtpConnectivity engine;
        try {
            engine = BtpConnectivity.builder()
                    .serviceBindings(bindingFile != null ? ServiceBindings.fromVcapFile(bindingFile) : ServiceBindings.fromEnvironment())
                    .build();
        } catch (BtpConnectivityException e) {
            // a binding the engine cannot read is the binding hop's failure
            out.println("binding             FAILED   " + e.getMessage());
            return FAILED;
        }
        try (engine) {
            List<String> names;
            if (all) {
                try {
                    names = engine.destinationNames();
                } catch (BtpConnectivityException e) {
                    out.println("Cannot list the destinations: " + e.getMessage());
                    return FAILED;
                }
                if (names.isEmpty()) {
                    out.println("The Destination Service lists no destinations (or the application has no Destination"
                            + " Service binding: " + engine.bindings().origin() + ").");
                    return FAILED;
                }
            } else {
                names = List.of(positional.get(0));
            }
            String path = all || positional.size() < 2 ? "" : positional.get(1);
            SocketBackendCheck sockets = new SocketBackendCheck();
            int failed = 0;
            for (String name : names) {
                DiagnosisReport report = engine.diagnose(name, path, DestinationOptions.NONE, sockets);
                out.println(report);
                if (!report.passed()) {
                    failed++;
                }
            }
            if (all) {
                out.println((names.size() - failed) + " of " + names.size() + " destinations passed every hop.");
            }
            return failed == 0 ? PASSED : FAILED;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("camel-btp doctor: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }
}
