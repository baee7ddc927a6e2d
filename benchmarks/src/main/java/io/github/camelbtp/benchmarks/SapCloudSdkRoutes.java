package io.github.camelbtp.benchmarks;

import com.sap.cloud.environment.servicebinding.SapVcapServicesServiceBindingAccessor;
import com.sap.cloud.environment.servicebinding.api.DefaultServiceBindingAccessor;
import com.sap.cloud.sdk.cloudplatform.connectivity.DestinationAccessor;
import com.sap.cloud.sdk.cloudplatform.connectivity.HttpClientAccessor;
import com.sap.cloud.sdk.cloudplatform.connectivity.HttpDestination;
import io.github.camelbtp.sandbox.Sandbox;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.util.EntityUtils;

import java.io.IOException;

/**
 * Issue 12, target 2: SAP Cloud SDK for Java 5.25.0 inside Camel processors, against the same Internet destination
 * with Basic authentication ({@value BenchLandscape#INTERNET_BASIC}) and the same backend as btp-destination.
 * <ul>
 * <li>{@value #PER_EXCHANGE}: as SAP documents the SDK's use, per exchange: {@code DestinationAccessor.getDestination}
 * → {@code asHttp()} → {@code HttpClientAccessor.getHttpClient(destination)} → execute the GET (the SDK's own caches —
 * destinations, HTTP clients keyed by destination — do what they do by default);</li>
 * <li>{@value #RESOLVED_ONCE}: the SDK's HTTP client for a destination resolved once at start, then only the GET per
 * exchange.</li>
 * </ul>
 * The SDK reads the sandbox's bindings as it reads {@code VCAP_SERVICES} on BTP, through its service-binding accessor
 * (as camel-btp-sandbox's {@code SapCloudSdkJavaTest}); the sandbox's token service is plain http on loopback here, so no
 * trust store is needed. The SDK's settings stay its defaults (destination cache, resilience, connection pool).
 */
final class SapCloudSdkRoutes extends RouteBuilder {

    static final String PER_EXCHANGE = "direct:sdkPerExchange";
    static final String RESOLVED_ONCE = "direct:sdkResolvedOnce";

    private final HttpClient resolvedOnce;

    private SapCloudSdkRoutes(HttpClient resolvedOnce) {
        this.resolvedOnce = resolvedOnce;
    }

    /**
     * Points the SDK's process-wide binding accessor at the sandbox's bindings (the SDK has no per-instance
     * configuration: one benchmark JVM, one sandbox) and resolves the destination once for {@value #RESOLVED_ONCE}.
     */
    static SapCloudSdkRoutes boundTo(Sandbox sandbox) {
        String vcap = sandbox.vcapServices();
        DefaultServiceBindingAccessor.setInstance(new SapVcapServicesServiceBindingAccessor(
                name -> "VCAP_SERVICES".equals(name) ? vcap : null));
        HttpDestination destination = DestinationAccessor.getDestination(BenchLandscape.INTERNET_BASIC).asHttp();
        return new SapCloudSdkRoutes(HttpClientAccessor.getHttpClient(destination));
    }

    @Override
    public void configure() {
        from(PER_EXCHANGE).process(exchange -> {
            HttpDestination destination = DestinationAccessor.getDestination(BenchLandscape.INTERNET_BASIC).asHttp();
            get(HttpClientAccessor.getHttpClient(destination), exchange);
        });
        from(RESOLVED_ONCE).process(exchange -> get(resolvedOnce, exchange));
    }

    /** One GET of one sales order, relative to the destination's URL (the SDK's client adds URL and Basic header). */
    private static void get(HttpClient client, Exchange exchange) throws IOException {
        HttpResponse response = client.execute(new HttpGet(BenchLandscape.ORDER_PATH));
        String body = EntityUtils.toString(response.getEntity());
        if (response.getStatusLine().getStatusCode() != 200) {
            throw new IOException("the backend answered " + response.getStatusLine() + " through SAP Cloud SDK");
        }
        exchange.getMessage().setBody(body);
    }
}
