package io.github.camelbtp.examples.quickstart;

import io.github.camelbtp.destination.BtpDestinationComponent;
import io.github.camelbtp.rfc.BtpRfcComponent;
import io.github.camelbtp.sandbox.Sandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import java.io.PrintStream;

/**
 * The main job: starts the local BTP sandbox (Destination Service, token service, Connectivity proxy with Cloud
 * Connector rules, an on-premise OData sales service, an ABAP system answering SOAP-RFC), runs {@link SalesOrderRoutes} against it once and prints a
 * summary. Exits 0 on success, 1 on failure.
 * <p>
 * Against a real landscape the only difference is where the bindings come from: on Cloud Foundry or Kyma the
 * component reads VCAP_SERVICES or SERVICE_BINDING_ROOT itself, and the routes stay exactly as they are.
 */
public final class HybridQuickstart {

    private HybridQuickstart() {
    }

    public static void main(String[] args) {
        int status = run(System.out);
        System.exit(status);
    }

    /** Runs the quickstart and returns the process exit status. */
    public static int run(PrintStream out) {
        try (Sandbox sandbox = Sandbox.start(); CamelContext camel = new DefaultCamelContext()) {
            BtpDestinationComponent btp = new BtpDestinationComponent();
            btp.getEngineOptions().setVcapServices(sandbox.vcapServices()); // what Cloud Foundry would put in VCAP_SERVICES
            camel.addComponent("btp-destination", btp);
            BtpRfcComponent rfc = new BtpRfcComponent();
            rfc.getEngineOptions().setVcapServices(sandbox.vcapServices());
            camel.addComponent("btp-rfc", rfc);
            camel.addRoutes(new SalesOrderRoutes());
            camel.start();

            Summary summary = camel.createProducerTemplate().requestBody(SalesOrderRoutes.ENTRY, null, Summary.class);

            out.println(summary.render());
            if (sandbox.mailServer().waitForMessages(1, 5_000)) {
                out.println("  summary mailed to " + SalesOrderRoutes.SUMMARY_RECIPIENT
                        + " via CorporateMail (MAIL, SMTP through the Cloud Connector's SOCKS5 proxy)");
            }
            out.printf("(sandbox: %d destination lookup(s), %d call(s) through the Cloud Connector, %d token grant(s))%n",
                    sandbox.counters().destinationLookups(), sandbox.counters().proxiedCalls(),
                    sandbox.counters().tokenGrants());
            return 0;
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            out.println("Quickstart failed: " + cause);
            return 1;
        }
    }
}
