package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationType;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.component.BtpObservation;
import io.github.camelbtp.component.ComponentEngine;
import io.github.camelbtp.component.EngineOptions;
import io.github.camelbtp.connectivity.http.DestinationHttpClient;
import io.github.camelbtp.destination.http.CsrfTokenStore;
import io.github.camelbtp.destination.http.RequestTarget;
import org.apache.camel.Endpoint;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.PropertyBindingSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** The endpoint's option names, as generated: what a near-miss query parameter is compared with. */
    private static final Set<String> ENDPOINT_OPTION_NAMES = new BtpDestinationEndpointUriFactory().propertyNames();

    private static final Logger LOG = LoggerFactory.getLogger(BtpDestinationComponent.class);

    @Metadata(label = "advanced", autowired = true, description = "A ready-made engine to use instead of one built from"
            + " the options below (for example one shared with other components). It is not closed by this component.")
    private BtpConnectivity connectivity;

    @Metadata(description = "The options that build the engine (service bindings, caches), shared with btp-rfc;"
            + " each is set under its own name (vcapServices, destinationCacheTtl, …).")
    private EngineOptions engineOptions = new EngineOptions();

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

    @Metadata(label = "advanced", description = "Destinations to check for readiness, comma-separated (A,B; NAME/path"
            + " checks the URL plus path, for a Cloud Connector that allows only a service's path): each gets a readiness check btp-destination:NAME in Camel's health registry (and so in Spring Boot's"
            + " actuator) that walks its hops as operation=diagnose does each time it is called, and is DOWN with the"
            + " failed hop, SAP's cause and the fix when one fails.")
    private String healthCheckDestinations;

    private final java.util.List<DestinationHealthCheck> destinationHealthChecks = new java.util.ArrayList<>();

    private SocketTransports socketTransports;

    private final ComponentEngine engine = new ComponentEngine(this);
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
            endpoint.getLookup().setChainVariables(variables);
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
                endpoint.getLookup().getFragmentName(), endpoint.getLookup().isFragmentOptional());
        if (!targetParameters.isEmpty()) {
            warnOfNearMisses(endpoint.getDestinationName(), targetParameters.keySet());
            endpoint.setTargetQuery(RequestTarget.encode(targetParameters));
        }
        return endpoint;
    }

    /**
     * A misspelt option ({@code ?throwExceptionOnFailur=false}) still goes to the target, as any parameter that is not
     * an option does, but it surely was not meant for it: one WARN when the endpoint is created (once per endpoint, as
     * Camel creates each endpoint once) names it and the option it resembles. Names only: a value may be a secret.
     */
    private static void warnOfNearMisses(String destinationName, Set<String> targetParameters) {
        List<String> nearMisses = targetParameters.stream()
                .flatMap(parameter -> NearMissOption.of(parameter, ENDPOINT_OPTION_NAMES).stream())
                .map(miss -> "'" + miss.parameter() + "' (the option '" + miss.option() + "'?)")
                .toList();
        if (!nearMisses.isEmpty()) {
            LOG.warn("btp-destination:{}: query parameter {} is no btp-destination option, so it is sent to the target as "
                    + "a query parameter, but it is one letter from an option's name. If you meant the option, correct "
                    + "its spelling; if the target expects the parameter, ignore this.", destinationName,
                    String.join(", ", nearMisses));
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        BtpConnectivity started = engine.start(connectivity, engineOptions);
        httpClient = new DestinationHttpClient(maxTotalConnections, connectionsPerRoute, started.failoverRetryWindow());
        httpComponent = new HttpComponent();
        httpComponent.setCamelContext(getCamelContext());
        socketTransports = new SocketTransports(getCamelContext(), ldapMaxConnections, tcpMaxIdleConnections);
        // with camel-health on the classpath: a readiness check of the Destination Service and the Connectivity proxy
        healthChecks = HealthCheckHelper.getHealthCheckRepository(getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new BtpServicesHealthCheck(engine::current);
            healthChecks.addHealthCheck(healthCheck);
        }
        registerDestinationHealthChecks();
    }

    /** The checks of healthCheckDestinations, in the registry itself: they are asked for, so they are on. */
    private void registerDestinationHealthChecks() {
        if (healthCheckDestinations == null || healthCheckDestinations.isBlank()) {
            return;
        }
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry == null) {
            LOG.warn("healthCheckDestinations is set, but the CamelContext has no health-check registry: add camel-health"
                    + " (Spring Boot: camel-spring-boot's health support) to check {}.", healthCheckDestinations);
            return;
        }
        for (String name : healthCheckDestinations.split(",")) {
            if (!name.isBlank()) {
                DestinationHealthCheck check = new DestinationHealthCheck(name.strip(), engine::current);
                registry.register(check);
                destinationHealthChecks.add(check);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        HealthCheckRegistry registry = destinationHealthChecks.isEmpty() ? null : HealthCheckRegistry.get(getCamelContext());
        if (registry != null) {
            destinationHealthChecks.forEach(registry::unregister);
        }
        destinationHealthChecks.clear();
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
        engine.stop();
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
        delegate.setThrowExceptionOnFailure(endpoint.getHttp().isThrowExceptionOnFailure());
        delegate.setOkStatusCodeRange(endpoint.getHttp().getOkStatusCodeRange());
        delegate.setHttpMethod(endpoint.getHttp().getHttpMethod());
        delegate.setFollowRedirects(false);
        return delegate;
    }

    /**
     * The mailbox a consumer polls: the endpoint's destination, which must be of type MAIL. Found without a tenant or
     * user, since a poll has no incoming message to take them from.
     */
    SocketDestination mailbox(BtpDestinationEndpoint endpoint) {
        String name = endpoint.getDestinationName();
        // found once: the type is checked before anything is resolved for it
        Destination found = connectivity().destination(name, DestinationOptions.NONE);
        if (found.type() != DestinationType.MAIL) {
            throw new DestinationConfigurationException(name, DestinationProperty.TYPE, "is '" + found.type()
                    + "', but from(\"btp-destination:...\") reads MAIL destinations (IMAP, POP3) only. Use HTTP, LDAP"
                    + " and TCP destinations in to(...); receiving HTTP calls is what platform-http does.");
        }
        SocketDestination resolved = connectivity().resolveSocket(found, DestinationOptions.NONE);
        SocketTransports.rejectHttpOnlyParts(endpoint, resolved);
        return resolved;
    }

    /** The engine; available once the component is started. */
    public BtpConnectivity connectivity() {
        return engine.get();
    }

    /** How the context observes the engine (metrics, audit); available once the component is started. */
    BtpObservation observation() {
        return engine.observation();
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

    public String getHealthCheckDestinations() {
        return healthCheckDestinations;
    }

    public void setHealthCheckDestinations(String healthCheckDestinations) {
        this.healthCheckDestinations = healthCheckDestinations;
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

    public EngineOptions getEngineOptions() {
        return engineOptions;
    }

    public void setEngineOptions(EngineOptions engineOptions) {
        this.engineOptions = engineOptions;
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
