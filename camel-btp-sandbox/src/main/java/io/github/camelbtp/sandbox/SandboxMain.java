package io.github.camelbtp.sandbox;

import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.onpremise.abap.AbapSystem;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox as a process, for the quickstart and for trying clients by hand.
 *
 * <pre>
 * java -cp … io.github.camelbtp.sandbox.SandboxMain --binding-file target/vcap-services.json
 * </pre>
 *
 * Starts the demo landscape, writes the {@code VCAP_SERVICES} JSON to the binding file once every server is up
 * (atomically, so a watcher never reads half a file), prints a short summary and serves until the JVM stops.
 */
public final class SandboxMain {

    static final String USAGE = """
            Usage: SandboxMain [--binding-file PATH] [--service-binding-root DIR] [--help]

              --binding-file PATH          write the VCAP_SERVICES JSON (destination + connectivity bindings) to PATH
                                           once the sandbox is ready
              --service-binding-root DIR   also write the bindings in the Kubernetes $SERVICE_BINDING_ROOT layout
              --help                       print this text

            The sandbox serves on free loopback ports until the JVM is stopped (Ctrl+C).
            """;

    private SandboxMain() {
    }

    /** Starts the sandbox; see the class documentation for the arguments. */
    public static void main(String[] args) throws InterruptedException {
        Sandbox sandbox;
        try {
            sandbox = run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (sandbox == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        stopped.await();
    }

    /**
     * Parses {@code args}, starts the sandbox, writes the requested binding files and prints the summary.
     *
     * @return the running sandbox, or {@code null} when only help was asked for
     * @throws IllegalArgumentException on an unknown or incomplete argument
     */
    static Sandbox run(String[] args, PrintStream out) {
        Path bindingFile = null;
        Path bindingRoot = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--binding-file" -> bindingFile = Path.of(value(args, ++i, "--binding-file"));
                case "--service-binding-root" -> bindingRoot = Path.of(value(args, ++i, "--service-binding-root"));
                default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
            }
        }
        Sandbox sandbox = Sandbox.start();
        try {
            if (bindingRoot != null) {
                sandbox.writeKubernetesBindings(bindingRoot);
            }
            if (bindingFile != null) {
                sandbox.writeVcapServices(bindingFile);
            }
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        printSummary(sandbox, bindingFile, bindingRoot, out);
        return sandbox;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static void printSummary(Sandbox sandbox, Path bindingFile, Path bindingRoot, PrintStream out) {
        out.println("camel-btp sandbox is running");
        out.println("  token service        " + sandbox.tokenServiceUri() + "/oauth/token");
        out.println("  destination service  " + sandbox.destinationServiceUri());
        out.println("  connectivity proxy   " + sandbox.proxyHost() + ":" + sandbox.proxyHttpPort());
        out.println("  sales backend        " + sandbox.salesBackendUri() + DemoDestinations.SALES_SERVICE_PATH
                + "  (virtual " + DemoDestinations.ERP_VIRTUAL_HOST + ":" + DemoDestinations.ERP_VIRTUAL_PORT
                + ", user " + DemoDestinations.SALES_USER + ")");
        out.println("  cloud API            " + sandbox.cloudApiUri());
        out.println("  SOCKS5 proxy         " + sandbox.proxyHost() + ":" + sandbox.socks5Proxy().port()
                + "  (mail.internal:25/143/110/465, ldap.internal:389, legacy.internal:9000)");
        out.println("  more destinations    " + String.join(", ", DemoDestinations.CORPORATE_MAIL,
                DemoDestinations.CORPORATE_INBOX, DemoDestinations.CORPORATE_LDAP, DemoDestinations.LEGACY_TCP));

        out.println("  ABAP system          " + sandbox.abapSystemUri() + AbapSystem.RFC_PATH + "  (virtual "
                + DemoDestinations.ERP_VIRTUAL_HOST + ":" + DemoDestinations.ABAP_VIRTUAL_PORT + ", RFC destinations "
                + DemoDestinations.ERP_RFC + ", " + DemoDestinations.ERP_RFC_LOAD_BALANCED + ", HTTP "
                + DemoDestinations.ERP_SOAP_HTTP + ")");
        out.println("  destinations         " + String.join(", ", DemoDestinations.ON_PREMISE_ERP,
                DemoDestinations.ON_PREMISE_ERP_PLANT01, DemoDestinations.CLOUD_SALES_API,
                DemoDestinations.PUBLIC_CATALOG));
        if (bindingFile != null) {
            out.println("  VCAP_SERVICES        written to " + bindingFile.toAbsolutePath());
        }
        if (bindingRoot != null) {
            out.println("  SERVICE_BINDING_ROOT " + bindingRoot.toAbsolutePath());
        }
        out.println("Stop with Ctrl+C.");
        out.flush();
    }
}
