package io.github.camelbtp.benchmarks;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.rfc.BtpRfcComponent;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Calls Z_GET_SALES_DATA for N rows (default 200,000) through btp-rfc straight to the sandbox ABAP system
 * ({@code jco.destination.proxy_type=Local}: no Connectivity proxy, which buffers whole answers) and prints the
 * answer's size on the wire and the heap the result retains. Run it in a JVM with a small {@code -Xmx} to show the
 * peak heap a call needs: see docs/performance.md ("btp-rfc: a 200,000-row table"). Prints
 * {@code rows=… wireBytes=… retainedBytes=…}; {@code LargeTableHeapTest} runs it in a 96 MB JVM on every build.
 */
public final class LargeTableHeapCheck {

    private LargeTableHeapCheck() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        try (Sandbox sandbox = Sandbox.start()) {
            long wire = wireBytes(sandbox, rows);
            Destination local = Destination.of("ERP_RFC_LOCAL", Map.of("Type", "RFC",
                    "jco.destination.proxy_type", "Local", "jco.client.ashost", "127.0.0.1", "jco.client.sysnr", "00",
                    "SoapRfcURL", sandbox.abapSystemUri().toString(), "jco.client.client", "100",
                    "jco.client.user", DemoDestinations.RFC_USER, "jco.client.passwd", DemoDestinations.RFC_PASSWORD),
                    "static");
            try (BtpConnectivity engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(
                    sandbox.vcapServices())).staticDestinations(List.of(local)).environmentDestinations(null).build();
                    CamelContext camel = new DefaultCamelContext()) {
                BtpRfcComponent component = new BtpRfcComponent();
                component.setConnectivity(engine);
                camel.addComponent("btp-rfc", component);
                camel.start();
                long before = usedAfterGc();
                Map<?, ?> result = camel.createProducerTemplate().requestBody(
                        "btp-rfc:Z_GET_SALES_DATA?destination=ERP_RFC_LOCAL",
                        Map.of("IV_ROWS", rows, "IV_INCLUDE_CANCELLED", true), Map.class);
                long retained = usedAfterGc() - before;
                int received = ((List<?>) result.get("ET_SALES")).size();
                System.out.println("rows=" + received + " wireBytes=" + wire + " retainedBytes=" + retained
                        + " maxHeap=" + Runtime.getRuntime().maxMemory());
                if (received != rows) {
                    System.exit(2);
                }
            }
        }
    }

    /** The answer's size on the wire, read straight from the ABAP system and counted, not kept. */
    static long wireBytes(Sandbox sandbox, int rows) throws Exception {
        String envelope = "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap-env:Body>"
                + "<urn:Z_GET_SALES_DATA xmlns:urn=\"urn:sap-com:document:sap:rfc:functions\"><IV_ROWS>" + rows
                + "</IV_ROWS><IV_INCLUDE_CANCELLED>X</IV_INCLUDE_CANCELLED><ET_SALES/></urn:Z_GET_SALES_DATA>"
                + "</soap-env:Body></soap-env:Envelope>";
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.abapSystemUri() + "/sap/bc/soap/rfc?sap-client=100"))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((DemoDestinations.RFC_USER + ":"
                        + DemoDestinations.RFC_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        }
        return total;
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
