package io.github.camelbtp.rfc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.component.BtpObservation;
import io.github.camelbtp.component.ComponentEngine;
import io.github.camelbtp.component.EngineOptions;
import io.github.camelbtp.connectivity.http.DestinationHttpClient;
import io.github.camelbtp.rfc.spi.RfcTarget;
import io.github.camelbtp.rfc.spi.RfcTransport;
import io.github.camelbtp.rfc.spi.RfcTransportContext;
import io.github.camelbtp.rfc.spi.RfcTransportProvider;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The btp-rfc component: one engine ({@link BtpConnectivity}), one pooled HTTP client, the transports found with
 * {@link ServiceLoader} ({@code soap} built in) and a cache of function interfaces, shared by all its endpoints.
 */
@Component("btp-rfc")
public class BtpRfcComponent extends DefaultComponent {

    @Metadata(label = "advanced", autowired = true, description = "A ready-made engine to use instead of one built from"
            + " the options below (for example the one btp-destination uses). It is not closed by this component.")
    private BtpConnectivity connectivity;

    @Metadata(description = "The options that build the engine (service bindings, caches), shared with"
            + " btp-destination; each is set under its own name (vcapServices, destinationCacheTtl, …).")
    private EngineOptions engineOptions = new EngineOptions();

    @Metadata(defaultValue = "3600000", javaType = "java.time.Duration", description = "How long the interface of a"
            + " function module, read from the system's WSDL, is kept before it is read again. Default 1 hour.")
    private long metadataCacheTtl = 3_600_000;

    @Metadata(label = "advanced", defaultValue = "200", description = "Maximum number of pooled HTTP connections in total.")
    private int maxTotalConnections = 200;

    @Metadata(label = "advanced", defaultValue = "100", description = "Maximum number of pooled HTTP connections per"
            + " route (target host and proxy).")
    private int connectionsPerRoute = 100;

    private final ComponentEngine engine = new ComponentEngine(this);
    private DestinationHttpClient httpClient;
    private final Map<String, RfcTransport> transports = new LinkedHashMap<>();
    private final CallLimits callLimits = new CallLimits();
    private Cache<String, FunctionInterface> interfaces;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("btp-rfc needs a function module: btp-rfc:FUNCTION?destination=NAME");
        }
        BtpRfcEndpoint endpoint = new BtpRfcEndpoint(uri, this);
        endpoint.setFunctionName(remaining.trim());
        setProperties(endpoint, parameters);
        if (endpoint.getDestination() == null || endpoint.getDestination().isBlank()) {
            throw new IllegalArgumentException("btp-rfc:" + remaining + " needs the destination option:"
                    + " btp-rfc:" + remaining + "?destination=NAME (an RFC destination, or an HTTP destination of the"
                    + " system's ICM)");
        }
        AbapName.requireFunction(endpoint.getDestination(), endpoint.getFunctionName());
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        BtpConnectivity connectivity = engine.start(this.connectivity, engineOptions);
        // SOAP-RFC calls are POSTs: RetryPolicy never sends them twice, whatever the window
        httpClient = new DestinationHttpClient(maxTotalConnections, connectionsPerRoute, connectivity.failoverRetryWindow());
        interfaces = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Duration.ofMillis(metadataCacheTtl)).build();
        RfcTransportContext context = new RfcTransportContext(connectivity, httpClient);
        for (RfcTransportProvider provider : ServiceLoader.load(RfcTransportProvider.class, getClass().getClassLoader())) {
            transports.putIfAbsent(provider.name(), provider.create(context));
        }
    }

    @Override
    protected void doStop() throws Exception {
        for (RfcTransport transport : transports.values()) {
            transport.close();
        }
        transports.clear();
        if (interfaces != null) {
            interfaces.invalidateAll();
        }
        if (httpClient != null) {
            httpClient.close();
            httpClient = null;
        }
        engine.stop();
        super.doStop();
    }

    /** The transport of that name; fails naming the available ones. */
    RfcTransport transport(String name) {
        RfcTransport transport = transports.get(name);
        if (transport == null) {
            throw new IllegalArgumentException("btp-rfc has no transport '" + name + "'; available: "
                    + new TreeSet<>(transports.keySet()) + ". A transport is added by a jar that lists its "
                    + RfcTransportProvider.class.getName() + " in META-INF/services (see docs/rfc.md).");
        }
        return transport;
    }

    /** The function's interface, read once per destination, SOAP URL and function, then cached. */
    FunctionInterface describe(RfcTransport transport, RfcTarget target, String function) {
        String key = transport.name() + '|' + target.name() + '|' + target.soapUrl() + '|' + function;
        return interfaces.get(key, k -> transport.describe(target, function));
    }

    CallLimits callLimits() {
        return callLimits;
    }

    /** Metrics and audit of this component's exchanges; available once the component is started. */
    BtpObservation observation() {
        return engine.observation();
    }

    /** The engine; available once the component is started. */
    public BtpConnectivity connectivity() {
        return engine.get();
    }

    public BtpConnectivity getConnectivity() {
        return connectivity;
    }

    public void setConnectivity(BtpConnectivity connectivity) {
        this.connectivity = connectivity;
    }

    public EngineOptions getEngineOptions() {
        return engineOptions;
    }

    public void setEngineOptions(EngineOptions engineOptions) {
        this.engineOptions = engineOptions;
    }

    public long getMetadataCacheTtl() {
        return metadataCacheTtl;
    }

    public void setMetadataCacheTtl(long metadataCacheTtl) {
        this.metadataCacheTtl = metadataCacheTtl;
    }

    public int getMaxTotalConnections() {
        return maxTotalConnections;
    }

    public void setMaxTotalConnections(int maxTotalConnections) {
        this.maxTotalConnections = maxTotalConnections;
    }

    public int getConnectionsPerRoute() {
        return connectionsPerRoute;
    }

    public void setConnectionsPerRoute(int connectionsPerRoute) {
        this.connectionsPerRoute = connectionsPerRoute;
    }
}
