package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.cache.CachePolicy;
import io.github.camelbtp.connectivity.dispatch.PrincipalPropagationMode;
import io.github.camelbtp.connectivity.http.DestinationHttpClient;
import io.github.camelbtp.destination.http.CsrfTokenStore;
import io.github.camelbtp.destination.http.RequestTarget;
import org.apache.camel.Endpoint;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.TimeUtils;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The btp-destination component: one engine ({@link BtpConnectivity}) and one pooled HTTP client shared by all its
 * endpoints.
 */
@Component("btp-destination")
public class BtpDestinationComponent extends DefaultComponent {

    private WritableHealthCheckRepository healthChecks;
    private BtpServicesHealthCheck healthCheck;

    /** The generated configurer knows exactly the endpoint's own options. */
    private static final BtpDestinationEndpointConfigurer ENDPOINT_OPTIONS = new BtpDestinationEndpointConfigurer();

    @Metadata(label = "advanced", autowired = true, description = "A ready-made engine to use instead of one built from"
            + " the options below (for example one shared with other components). It is not closed by this component.")
    private BtpConnectivity connectivity;

    @Metadata(label = "security", secret = true, description = "The service bindings as VCAP_SERVICES JSON. By default"
            + " they are read from the VCAP_SERVICES environment variable, or from the directory SERVICE_BINDING_ROOT names"
            + " (Kubernetes, Kyma).")
    private String vcapServices;

    @Metadata(description = "A file holding VCAP_SERVICES JSON to read the service bindings from, for example the one"
            + " the camel-btp sandbox writes (SandboxMain --binding-file) or a copy of 'cf env' output.")
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
            + " cached when it holds no expiring token. A destination with tokens is refreshed before the earliest token"
            + " expires, whichever comes first. Default 5 minutes.")
    private long destinationCacheTtl = 300_000;

    @Metadata(description = "Cache lifetimes for individual destinations, replacing destinationCacheTtl for them:"
            + " a comma-separated list of NAME=DURATION, for example 'OnPremiseERP=30s,CloudSalesAPI=10m'. Durations use"
            + " Camel's syntax (500, 30s, 10m, 1h). Token expiry still bounds each entry.")
    private String destinationCacheTtlPerDestination;

    @Metadata(defaultValue = "900000", javaType = "java.time.Duration", description = "While the Destination Service"
            + " fails (unreachable, 5xx, 429), a cached destination is still served for this long past its lifetime, but"
            + " never after a token it holds expired. Zero turns stale-if-error off. Default 15 minutes.")
    private long destinationCacheMaxStale = 900_000;

    @Metadata(defaultValue = "10000", javaType = "java.time.Duration", description = "How long 'no such destination'"
            + " is remembered for that name (other names are never affected). Default 10 seconds.")
    private long destinationNotFoundTtl = 10_000;

    @Metadata(label = "advanced", defaultValue = "200", description = "Maximum number of pooled HTTP connections in total.")
    private int maxTotalConnections = 200;

    @Metadata(label = "advanced", defaultValue = "100", description = "Maximum number of pooled HTTP connections per"
            + " route (target host, proxy and TLS settings).")
    private int connectionsPerRoute = 100;

    @Metadata(label = "advanced", defaultValue = "10", description = "LDAP destinations: the most pooled connections"
            + " per destination.")
    private int ldapMaxConnections = 10;

    @Metadata(label = "advanced", defaultValue = "8", description = "TCP destinations with tcp.keepalive=true: the"
            + " most idle connections kept per destination for reuse.")
    private int tcpMaxIdleConnections = 8;

    private SocketTransports socketTransports;

    @Metadata(label = "security", defaultValue = "CONNECTIVITY_AUTHENTICATION_HEADER", description = "How"
            + " PrincipalPropagation destinations carry the user to the Connectivity proxy:"
            + " CONNECTIVITY_AUTHENTICATION_HEADER sends the user's JWT as 'SAP-Connectivity-Authentication: Bearer'"
            + " next to the binding's token; PROXY_AUTHORIZATION_TOKEN_EXCHANGE (SAP's recommendation) exchanges the"
            + " user's JWT at the connectivity binding's token service (JWT bearer grant) and sends the result as"
            + " Proxy-Authorization. Ignored when a ready-made connectivity engine is set.")
    private PrincipalPropagationMode principalPropagationMode = PrincipalPropagationMode.CONNECTIVITY_AUTHENTICATION_HEADER;

    private boolean ownsConnectivity;
    private DestinationHttpClient httpClient;
    private final CsrfTokenStore csrfTokens = new CsrfTokenStore();
    private HttpComponent httpComponent;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BtpDestinationEndpoint endpoint = new BtpDestinationEndpoint(uri, this);
        int slash = remaining.indexOf('/');
        endpoint.setDestinationName(slash < 0 ? remaining : remaining.substring(0, slash));
        if (slash >= 0 && slash < remaining.length() - 1) {
            endpoint.setPath(remaining.substring(slash + 1));
        }
        if (endpoint.getDestinationName() == null || endpoint.getDestinationName().isBlank()) {
            throw new IllegalArgumentException("btp-destination needs a destination name: btp-destination:NAME[/path]");
        }
        // SAP's rule, checked when the route starts: a name with a space must not surface as a URISyntaxException
        io.github.camelbtp.connectivity.destination.DestinationNames.requireValid(endpoint.getDestinationName());
        Map<String, Object> chainVariables = org.apache.camel.util.PropertiesHelper.extractProperties(parameters, "chainVar.");
        if (!chainVariables.isEmpty()) {
            Map<String, String> variables = new java.util.TreeMap<>();
            chainVariables.forEach((k, v) -> variables.put(k, String.valueOf(v)));
            endpoint.setChainVariables(variables);
        }
        // Whatever is not an option of ours belongs to the target: $top=10, sap-client=100, … Only our own options are
        // bound, through the generated configurer and never by reflection: Camel would otherwise try each target
        // parameter as a bean property by reflection, and its DefaultBeanIntrospection is not safe when endpoints are
        // created concurrently (32 exchanges resolving one URI at once failed with "Error binding property ($top=1)").
        Map<String, Object> targetParameters = new LinkedHashMap<>();
        parameters.entrySet().removeIf(parameter -> {
            if (ENDPOINT_OPTIONS.getOptionType(parameter.getKey(), true) != null) {
                return false;
            }
            targetParameters.put(parameter.getKey(), parameter.getValue());
            return true;
        });
        PropertyBindingSupport.build().withConfigurer(ENDPOINT_OPTIONS).withIgnoreCase(true).withReflection(false)
                .withMandatory(true).bind(getCamelContext(), endpoint, parameters);
        // a misspelt fragment list or fragmentOptional with several fragments fails when the route starts, not per call
        io.github.camelbtp.connectivity.destination.DestinationNames.requireValidFragments(endpoint.getDestinationName(),
                endpoint.getFragmentName(), endpoint.isFragmentOptional());
        if (!targetParameters.isEmpty()) {
            endpoint.setTargetQuery(RequestTarget.encode(targetParameters));
        }
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
                    .cachePolicy(cachePolicy())
                    .principalPropagationMode(principalPropagationMode)
                    .build();
            ownsConnectivity = true;
        }
        httpClient = new DestinationHttpClient(maxTotalConnections, connectionsPerRoute);
        httpComponent = new HttpComponent();
        httpComponent.setCamelContext(getCamelContext());
        socketTransports = new SocketTransports(getCamelContext(), ldapMaxConnections, tcpMaxIdleConnections);
        // with camel-health on the classpath: a readiness check of the Destination Service and the Connectivity proxy
        healthChecks = HealthCheckHelper.getHealthCheckRepository(getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new BtpServicesHealthCheck(() -> connectivity);
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    CachePolicy cachePolicy() {
        CachePolicy policy = CachePolicy.DEFAULT
                .withTtl(Duration.ofMillis(destinationCacheTtl))
                .withMaxStale(Duration.ofMillis(destinationCacheMaxStale))
                .withNotFoundTtl(Duration.ofMillis(destinationNotFoundTtl));
        if (destinationCacheTtlPerDestination != null && !destinationCacheTtlPerDestination.isBlank()) {
            for (String entry : destinationCacheTtlPerDestination.split(",")) {
                int eq = entry.indexOf('=');
                if (eq <= 0 || eq == entry.length() - 1) {
                    throw new IllegalArgumentException("destinationCacheTtlPerDestination: '" + entry.trim()
                            + "' is not NAME=DURATION (for example OnPremiseERP=30s)");
                }
                policy = policy.withTtlFor(entry.substring(0, eq).trim(),
                        Duration.ofMillis(TimeUtils.toMilliSeconds(entry.substring(eq + 1).trim())));
            }
        }
        return policy;
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        if (httpClient != null) {
            httpClient.close();
            httpClient = null;
        }
        csrfTokens.clear();
        if (socketTransports != null) {
            socketTransports.close();
            socketTransports = null;
        }
        if (ownsConnectivity && connectivity != null) {
            connectivity.close();
            connectivity = null;
            ownsConnectivity = false;
        }
        super.doStop();
    }

    /**
     * The camel-http endpoint that carries an endpoint's HTTP traffic. It shares this component's client and is never
     * started or stopped itself (stopping an HttpEndpoint closes its client); its producer is.
     */
    HttpEndpoint httpDelegate(BtpDestinationEndpoint endpoint) {
        HttpEndpoint delegate = new HttpEndpoint(endpoint.getEndpointUri(), httpComponent,
                BtpDestinationEndpoint.placeholderUri(endpoint.getDestinationName()));
        delegate.setHttpClient(httpClient.client());
        delegate.setThrowExceptionOnFailure(endpoint.isThrowExceptionOnFailure());
        delegate.setOkStatusCodeRange(endpoint.getOkStatusCodeRange());
        delegate.setHttpMethod(endpoint.getHttpMethod());
        delegate.setFollowRedirects(false);
        return delegate;
    }

    /** The engine; available once the component is started. */
    public BtpConnectivity connectivity() {
        if (connectivity == null) {
            throw new IllegalStateException("The btp-destination component is not started");
        }
        return connectivity;
    }

    /** The pooled client all endpoints send through. */
    DestinationHttpClient httpClient() {
        return httpClient;
    }

    /** MAIL, LDAP and TCP transports shared by all endpoints; available once the component is started. */
    SocketTransports socketTransports() {
        return socketTransports;
    }

    public int getLdapMaxConnections() {
        return ldapMaxConnections;
    }

    public void setLdapMaxConnections(int ldapMaxConnections) {
        this.ldapMaxConnections = ldapMaxConnections;
    }

    public int getTcpMaxIdleConnections() {
        return tcpMaxIdleConnections;
    }

    public void setTcpMaxIdleConnections(int tcpMaxIdleConnections) {
        this.tcpMaxIdleConnections = tcpMaxIdleConnections;
    }

    CsrfTokenStore csrfTokens() {
        return csrfTokens;
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

    public String getDestinationCacheTtlPerDestination() {
        return destinationCacheTtlPerDestination;
    }

    public void setDestinationCacheTtlPerDestination(String destinationCacheTtlPerDestination) {
        this.destinationCacheTtlPerDestination = destinationCacheTtlPerDestination;
    }

    public long getDestinationCacheMaxStale() {
        return destinationCacheMaxStale;
    }

    public void setDestinationCacheMaxStale(long destinationCacheMaxStale) {
        this.destinationCacheMaxStale = destinationCacheMaxStale;
    }

    public long getDestinationNotFoundTtl() {
        return destinationNotFoundTtl;
    }

    public void setDestinationNotFoundTtl(long destinationNotFoundTtl) {
        this.destinationNotFoundTtl = destinationNotFoundTtl;
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

    public PrincipalPropagationMode getPrincipalPropagationMode() {
        return principalPropagationMode;
    }

    public void setPrincipalPropagationMode(PrincipalPropagationMode principalPropagationMode) {
        this.principalPropagationMode = principalPropagationMode;
    }
}
