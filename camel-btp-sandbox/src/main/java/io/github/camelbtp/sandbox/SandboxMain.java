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
            Usage: SandboxMain [--binding-file PATH] [--service-binding-root DIR] [--token-service-host-names]
                               [--certificate-file PATH] [--hosts-file PATH] [--subscriber SUBDOMAIN]…
                               [--user NAME:PASSWORD]… [--help]

              --binding-file PATH          write the VCAP_SERVICES JSON (destination + connectivity bindings) to PATH
                                           once the sandbox is ready
              --service-binding-root DIR   also write the bindings in the Kubernetes $SERVICE_BINDING_ROOT layout
              --token-service-host-names   serve the token service as on BTP, https://<subdomain>.<uaadomain>:<port>,
                                           over TLS (the bindings then carry that url and uaadomain)
              --certificate-file PATH      with --token-service-host-names: write its certificate (PEM) to PATH, for
                                           the client's trust (NODE_EXTRA_CA_CERTS, curl --cacert)
              --hosts-file PATH            with --token-service-host-names: write its names, as a hosts file, to PATH
              --subscriber SUBDOMAIN       subscribe a tenant (repeatable); its zone ID is printed
              --user NAME:PASSWORD         register an identity provider user for the password grant (repeatable)
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
        Path certificateFile = null;
        Sandbox.Builder builder = Sandbox.builder();
        boolean hostNames = false;
        java.util.List<String> subscribers = new java.util.ArrayList<>();
        java.util.List<String> users = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--binding-file" -> bindingFile = Path.of(value(args, ++i, "--binding-file"));
                case "--service-binding-root" -> bindingRoot = Path.of(value(args, ++i, "--service-binding-root"));
                case "--token-service-host-names" -> {
                    builder.tokenServiceHostNames();
                    hostNames = true;
                }
                case "--certificate-file" -> certificateFile = Path.of(value(args, ++i, "--certificate-file"));
                case "--hosts-file" -> builder.hostsFile(Path.of(value(args, ++i, "--hosts-file")));
                case "--subscriber" -> subscribers.add(value(args, ++i, "--subscriber"));
                case "--user" -> {
                    String user = value(args, ++i, "--user");
                    if (user.indexOf(':') < 1) {
                        throw new IllegalArgumentException("--user needs NAME:PASSWORD");
                    }
                    users.add(user);
                }
                default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
            }
        }
        if (certificateFile != null && !hostNames) {
            throw new IllegalArgumentException("--certificate-file needs --token-service-host-names");
        }
        Sandbox sandbox = builder.build();
        try {
            subscribers.forEach(subdomain -> subscribe(sandbox, subdomain));
            users.forEach(user -> sandbox.users().register(user.substring(0, user.indexOf(':')),
                    user.substring(user.indexOf(':') + 1)));
            if (certificateFile != null) {
                java.nio.file.Files.createDirectories(certificateFile.toAbsolutePath().getParent());
                java.nio.file.Files.writeString(certificateFile, sandbox.tokenServiceHostNames().certificatePem());
            }
            if (bindingRoot != null) {
                sandbox.writeKubernetesBindings(bindingRoot);
            }
            if (bindingFile != null) {
                sandbox.writeVcapServices(bindingFile);
            }
        } catch (java.io.IOException e) {
            sandbox.close();
            throw new java.io.UncheckedIOException("cannot write the certificate file " + certificateFile, e);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        printSummary(sandbox, bindingFile, bindingRoot, out);
        return sandbox;
    }

    /**
     * Subscribes a tenant with two destinations of its own subaccount, for trying a client's subscriber and user
     * flows: {@code PublicCatalog} (as the provider's, {@code Description} naming the subscriber) and
     * {@code UserExchange} ({@code OAuth2UserTokenExchange}: the Destination Service exchanges the request's
     * {@code X-user-token} for a token of the subscriber's zone, with an OAuth client registered for it).
     */
    private static void subscribe(Sandbox sandbox, String subdomain) {
        var tenant = sandbox.tenants().subscribe(subdomain);
        java.util.Map<String, String> catalog = new java.util.LinkedHashMap<>(sandbox.destinations()
                .getSubaccount(DemoDestinations.PUBLIC_CATALOG).orElseThrow());
        catalog.put("Description", "PublicCatalog of subscriber " + subdomain);
        tenant.destinations().putSubaccount(catalog);
        String clientId = "sb-" + subdomain + "-exchange!t1";
        String secret = sandbox.xsuaa().newClient(clientId, io.github.camelbtp.sandbox.token.OAuthClients.DEFAULT_SCOPES);
        java.util.Map<String, String> exchange = new java.util.LinkedHashMap<>();
        exchange.put("Name", "UserExchange");
        exchange.put("Type", "HTTP");
        exchange.put("URL", sandbox.cloudApiUri() + "/api/v1/me");
        exchange.put("ProxyType", "Internet");
        exchange.put("Authentication", "OAuth2UserTokenExchange");
        exchange.put("clientId", clientId);
        exchange.put("clientSecret", secret);
        // the Destination Service runs the flow against the sandbox's own token service (loopback, subscriber path)
        exchange.put("tokenServiceURL", sandbox.tokenServiceUri() + "/tenants/" + subdomain + "/oauth/token");
        tenant.destinations().putSubaccount(exchange);
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
        try {
            out.println("  token host names     https://<subdomain>." + sandbox.tokenServiceHostNames().uaaDomain()
                    + "/oauth/token  (provider: " + sandbox.tokenServiceHostNames().providerUri() + ")");
        } catch (IllegalStateException loopbackOnly) {
            // no host names: nothing to print
        }
        sandbox.tenants().all().forEach(tenant -> out.println("  subscriber           " + tenant.subdomain()
                + "  (tenant ID " + tenant.zoneId() + ")"));
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
