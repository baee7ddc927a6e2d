package io.github.camelbtp.benchmarks;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.destination.BtpDestinationComponent;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
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

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 12, target 1: btp-destination against plain camel-http to the same backend, in the same run. Run with
 * {@code -t 1}, {@code -t 16}, {@code -t 64} for the callers and {@code -bm sample} for p50/p99 (docs/performance.md).
 * The two targets of the issue:
 * <ul>
 * <li>Internet, Basic: {@code btpDestinationInternet} against {@code baselineCamelHttpDirect};</li>
 * <li>OnPremise, OAuth2ClientCredentials, through the sandbox's Connectivity proxy and Cloud Connector to the cloud
 * API published as {@code api.internal:8080}: {@code btpDestinationOnPremiseOAuth} against
 * {@code baselineCamelHttpViaProxy}, plain camel-http through the same proxy with the same headers set statically (taken
 * once from the engine's resolution at start: Proxy-Authorization and Authorization bearer tokens).</li>
 * </ul>
 * And, as before, one GET of one sales order, three ways:
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

    private static final String ORDER_PATH = BenchLandscape.ORDER_PATH;

    private Sandbox sandbox;
    private CamelContext camel;
    private ProducerTemplate template;
    private BtpConnectivity engine;
    private String directUri;
    private Map<String, Object> basicHeader;
    private String viaProxyUri;
    private Map<String, Object> staticProxyHeaders;

    @Setup(Level.Trial)
    public void start() throws Exception {
        sandbox = Sandbox.start();
        BenchLandscape.addTo(sandbox);
        camel = new DefaultCamelContext();
        // the same pool limits as btp-destination's defaults, or camel-http's 20 per route would throttle 64 callers
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        http.setMaxTotalConnections(200);
        http.setConnectionsPerRoute(100);
        BtpDestinationComponent btp = new BtpDestinationComponent();
        btp.getEngineOptions().setVcapServices(sandbox.vcapServices());
        camel.addComponent("btp-destination", btp);
        camel.start();
        template = camel.createProducerTemplate();
        directUri = sandbox.salesBackendUri() + ORDER_PATH.replace("$", "%24");
        basicHeader = Map.of("Authorization", BenchLandscape.basicHeader());
        engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(sandbox.vcapServices()))
                .environmentDestinations(null).build();
        // the baseline through the proxy: the same hop and headers, set once by hand as a static route would
        ResolvedDestination onPremise = engine.resolve(BenchLandscape.ON_PREMISE_OAUTH, DestinationOptions.NONE);
        Map<String, Object> headers = new HashMap<>();
        onPremise.headers().forEach(h -> headers.put(h.name(), h.value()));
        staticProxyHeaders = Map.copyOf(headers);
        viaProxyUri = onPremise.url() + BenchLandscape.PRODUCTS_PATH + "?proxyHost=" + sandbox.proxyHost()
                + "&proxyPort=" + sandbox.proxyHttpPort();
        // warm every path once, so failures show before measuring
        baselineCamelHttpDirect();
        btpDestinationInternet();
        btpDestinationOnPremise();
        baselineCamelHttpViaProxy();
        btpDestinationOnPremiseOAuth();
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
        return template.requestBody("btp-destination:" + BenchLandscape.INTERNET_BASIC + ORDER_PATH, null, String.class);
    }

    @Benchmark
    public String baselineCamelHttpViaProxy() {
        return template.requestBodyAndHeaders(viaProxyUri, null, staticProxyHeaders, String.class);
    }

    @Benchmark
    public String btpDestinationOnPremiseOAuth() {
        return template.requestBody("btp-destination:" + BenchLandscape.ON_PREMISE_OAUTH + BenchLandscape.PRODUCTS_PATH,
                null, String.class);
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
