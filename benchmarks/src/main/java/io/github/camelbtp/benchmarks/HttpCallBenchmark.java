package io.github.camelbtp.benchmarks;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.destination.BtpDestinationComponent;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One GET of one sales order, three ways, in the same run:
 * <ul>
 * <li>{@code baselineCamelHttpDirect}: plain camel-http straight to the backend, Basic header set by hand;</li>
 * <li>{@code btpDestinationInternet}: btp-destination, an Internet destination pointing at the same backend (engine
 * lookup from cache, authentication, camel-http) — the ratio to the baseline is the engine's overhead;</li>
 * <li>{@code btpDestinationOnPremise}: btp-destination through the sandbox's Connectivity proxy and Cloud Connector
 * rules — the ratio to the baseline is the cost of the extra hop (mostly the sandbox proxy itself).</li>
 * </ul>
 * Plus {@code resolveCached}: the engine's per-request work alone on a warm cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HttpCallBenchmark {

    private static final String ORDER_PATH = DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1";

    private Sandbox sandbox;
    private CamelContext camel;
    private ProducerTemplate template;
    private BtpConnectivity engine;
    private String directUri;
    private Map<String, Object> basicHeader;

    @Setup(Level.Trial)
    public void start() throws Exception {
        sandbox = Sandbox.start();
        sandbox.destinations().putSubaccount(Map.of("Name", "ErpDirect", "Type", "HTTP", "ProxyType", "Internet",
                "URL", sandbox.salesBackendUri().toString(), "Authentication", "BasicAuthentication",
                "User", DemoDestinations.SALES_USER, "Password", DemoDestinations.SALES_PASSWORD));
        camel = new DefaultCamelContext();
        BtpDestinationComponent btp = new BtpDestinationComponent();
        btp.getEngineOptions().setVcapServices(sandbox.vcapServices());
        camel.addComponent("btp-destination", btp);
        camel.start();
        template = camel.createProducerTemplate();
        directUri = sandbox.salesBackendUri() + ORDER_PATH.replace("$", "%24");
        basicHeader = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (DemoDestinations.SALES_USER + ":" + DemoDestinations.SALES_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(sandbox.vcapServices()))
                .environmentDestinations(null).build();
        // warm every path once, so failures show before measuring
        baselineCamelHttpDirect();
        btpDestinationInternet();
        btpDestinationOnPremise();
        resolveCached();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        engine.close();
        camel.close();
        sandbox.close();
    }

    @Benchmark
    public String baselineCamelHttpDirect() {
        return template.requestBodyAndHeaders(directUri, null, basicHeader, String.class);
    }

    @Benchmark
    public String btpDestinationInternet() {
        return template.requestBody("btp-destination:ErpDirect" + ORDER_PATH, null, String.class);
    }

    @Benchmark
    public String btpDestinationOnPremise() {
        return template.requestBody("btp-destination:OnPremiseERP" + ORDER_PATH, null, String.class);
    }

    @Benchmark
    public Object resolveCached() {
        return engine.resolve(DemoDestinations.ON_PREMISE_ERP, DestinationOptions.NONE);
    }
}
