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
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
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
 * <p>
 * Target 2, SAP Cloud SDK for Java against the same Internet destination and backend as {@code btpDestinationInternet},
 * inside Camel processors ({@link SapCloudSdkRoutes}): {@code sapCloudSdkPerExchange} (destination and HTTP client
 * looked up per exchange, as SAP documents it) and {@code sapCloudSdkResolvedOnce}.
 * <p>
 * Target 8, the sandbox's own capacity in the same run, with a bare Apache HttpClient 5 (no Camel, same pool limits):
 * {@code sandboxBackendBare} (straight to the sales backend, Basic header) and {@code sandboxProxyBare} (through the
 * Connectivity proxy and Cloud Connector to the cloud API, the static headers of {@code baselineCamelHttpViaProxy}).
 * Both must stay well above every client's figure through the same hop, or the sandbox is the bottleneck.
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
    private CloseableHttpClient bareDirect;
    private CloseableHttpClient bareViaProxy;
    private String proxiedProductsUri;

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
        camel.addRoutes(SapCloudSdkRoutes.boundTo(sandbox));
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
        bareDirect = bareClient(null);
        bareViaProxy = bareClient(new HttpHost(sandbox.proxyHost(), sandbox.proxyHttpPort()));
        proxiedProductsUri = onPremise.url() + BenchLandscape.PRODUCTS_PATH;
        // warm every path once, so failures show before measuring
        baselineCamelHttpDirect();
        btpDestinationInternet();
        btpDestinationOnPremise();
        baselineCamelHttpViaProxy();
        btpDestinationOnPremiseOAuth();
        resolveCached();
        sapCloudSdkPerExchange();
        sapCloudSdkResolvedOnce();
        sandboxBackendBare();
        sandboxProxyBare();
    }

    /** A bare client with btp-destination's pool limits (200 connections, 100 per route). */
    private static CloseableHttpClient bareClient(HttpHost proxy) {
        return HttpClients.custom().setProxy(proxy).setConnectionManager(PoolingHttpClientConnectionManagerBuilder
                .create().setMaxConnTotal(200).setMaxConnPerRoute(100).build()).build();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        engine.close();
        camel.close();
        bareDirect.close();
        bareViaProxy.close();
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

    @Benchmark
    public String sapCloudSdkPerExchange() {
        return template.requestBody(SapCloudSdkRoutes.PER_EXCHANGE, null, String.class);
    }

    @Benchmark
    public String sapCloudSdkResolvedOnce() {
        return template.requestBody(SapCloudSdkRoutes.RESOLVED_ONCE, null, String.class);
    }

    @Benchmark
    public String sandboxBackendBare() throws IOException {
        HttpGet get = new HttpGet(directUri);
        get.setHeader("Authorization", basicHeader.get("Authorization"));
        return bareDirect.execute(get, HttpCallBenchmark::bodyOf200);
    }

    @Benchmark
    public String sandboxProxyBare() throws IOException {
        HttpGet get = new HttpGet(proxiedProductsUri);
        staticProxyHeaders.forEach(get::setHeader);
        return bareViaProxy.execute(get, HttpCallBenchmark::bodyOf200);
    }

    private static String bodyOf200(ClassicHttpResponse response) throws IOException {
        try {
            String body = EntityUtils.toString(response.getEntity());
            if (response.getCode() != 200) {
                throw new IOException("the sandbox answered " + response.getCode());
            }
            return body;
        } catch (ParseException e) {
            throw new IOException(e);
        }
    }
}
