package io.github.camelbtp.rfc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.cache.CachePolicy;
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

    @Metadata(label = "security", secret = true, description = "The service bindings as VCAP_SERVICES JSON. By default"
            + " they are read from the VCAP_SERVICES environment variable, or from the directory SERVICE_BINDING_ROOT names"
            + " (Kubernetes, Kyma).")
    private String vcapServices;

    @Metadata(description = "A file holding VCAP_SERVICES JSON to read the service bindings from, for example the one"
            + " the camel-btp sandbox writes (SandboxMain --binding-file).")
    private String bindingFile;

    @Metadata(description = "The Destination Service instance to use when several are bound: its instance name"
            + " (VCAP_SERVICES 'name'; Kubernetes, Kyma: the binding folder's name under SERVICE_BINDING_ROOT)."
            + " Unset, exactly one may be bound: with several the component fails to start, listing their names."
            + " A name that is not bound fails too.")
    private String destinationServiceInstance;

    @Metadata(description = "The Connectivity Service instance to use when several are bound: its instance name"
            + " (VCAP_SERVICES 'name'; Kubernetes, Kyma: the binding folder's name under SERVICE_BINDING_ROOT)."
            + " Unset, exactly one may be bound: with several the component fails to start, listing their names.")
    private String connectivityServiceInstance;

    @Metadata(defaultValue = "300000", javaType = "java.time.Duration", description = "How long a destination is"
            + " cached when it holds no expiring token. Default 5 minutes.")
    private long destinationCacheTtl = 300_000;

    @Metadata(defaultValue = "3600000", javaType = "java.time.Duration", description = "How long the interface of a"
            + " function module, read from the system's WSDL, is kept before it is read again. Default 1 hour.")
    private long metadataCacheTtl = 3_600_000;

    @Metadata(label = "advanced", defaultValue = "200", description = "Maximum number of pooled HTTP connections in total.")
    private int maxTotalConnections = 200;

    @Metadata(label = "advanced", defaultValue = "100", description = "Maximum number of pooled HTTP connections per"
            + " route (target host and proxy).")
    private int connectionsPerRoute = 100;

    private boolean ownsConnectivity;
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
        if (connectivity == null) {
            connectivity = BtpConnectivity.builder()
                    .serviceBindings(ServiceBindings.from(vcapServices, bindingFile))
                    .destinationServiceInstance(destinationServiceInstance)
                    .connectivityServiceInstance(connectivityServiceInstance)
                    .cachePolicy(CachePolicy.DEFAULT.withTtl(Duration.ofMillis(destinationCacheTtl)))
                    .build();
            ownsConnectivity = true;
        }
        httpClient = new DestinationHttpClient(maxTotalConnections, connectionsPerRoute);
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
        if (ownsConnectivity && connectivity != null) {
            connectivity.close();
            connectivity = null;
            ownsConnectivity = false;
        }
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

    /** The engine; available once the component is started. */
    public BtpConnectivity connectivity() {
        if (connectivity == null) {
            throw new IllegalStateException("The btp-rfc component is not started");
        }
        return connectivity;
    }

    public BtpConnectivity getConnectivity() {
        return connectivity;
    }

    public void setConnectivity(BtpConnectivity connectivity) {
        this.connectivity = connectivity;
    }

    public String getVcapServices() {
        return vcapServices;
    }

    public void setVcapServices(String vcapServices) {
        this.vcapServices = vcapServices;
    }

    public String getBindingFile() {
        return bindingFile;
    }

    public void setBindingFile(String bindingFile) {
        this.bindingFile = bindingFile;
    }

    public String getDestinationServiceInstance() {
        return destinationServiceInstance;
    }

    public void setDestinationServiceInstance(String destinationServiceInstance) {
        this.destinationServiceInstance = destinationServiceInstance;
    }

    public String getConnectivityServiceInstance() {
        return connectivityServiceInstance;
    }

    public void setConnectivityServiceInstance(String connectivityServiceInstance) {
        this.connectivityServiceInstance = connectivityServiceInstance;
    }

    public long getDestinationCacheTtl() {
        return destinationCacheTtl;
    }

    public void setDestinationCacheTtl(long destinationCacheTtl) {
        this.destinationCacheTtl = destinationCacheTtl;
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
