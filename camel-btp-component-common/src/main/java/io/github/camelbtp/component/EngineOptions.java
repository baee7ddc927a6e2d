package io.github.camelbtp.component;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.breaker.CircuitBreakerSettings;
import io.github.camelbtp.connectivity.cache.CachePolicy;
import io.github.camelbtp.connectivity.dispatch.PrincipalPropagationMode;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.util.TimeUtils;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The options that build the engine ({@link BtpConnectivity}) btp-destination and btp-rfc share: where the service
 * bindings come from and how long destinations are cached. Both components declare it as their nested configuration,
 * so the options keep their flat names ({@code vcapServices}, {@code destinationCacheTtl}, …) in URIs, the catalog and
 * application properties, and are documented once, here. The options a user set are remembered, so that
 * {@link SharedEngine} can tell a deliberate conflict between two components from a default.
 */
@UriParams
public class EngineOptions {

    /** The options that configure the engine, by their names in the components' catalogs. */
    public static final List<String> NAMES = List.of("vcapServices", "bindingFile", "destinationServiceInstance",
            "connectivityServiceInstance", "destinationCacheTtl", "destinationCacheTtlPerDestination",
            "destinationCacheMaxStale", "destinationNotFoundTtl", "principalPropagationMode", "transparentProxy",
            "trustedMultiTenantProxy", "failoverRetryWindow", "circuitBreaker", "circuitBreakerFailureRate",
            "circuitBreakerWindow", "circuitBreakerOpenDuration");

    @UriParam(label = "security", secret = true, description = "The service bindings as VCAP_SERVICES JSON. By default"
            + " they are read from the VCAP_SERVICES environment variable, or from the directory SERVICE_BINDING_ROOT names"
            + " (Kubernetes, Kyma).")
    private String vcapServices;

    @UriParam(description = "A file holding VCAP_SERVICES JSON to read the service bindings from, for example the one"
            + " the camel-btp sandbox writes (SandboxMain --binding-file) or a copy of 'cf env' output.")
    private String bindingFile;

    @UriParam(description = "The Destination Service instance to use when several are bound: its instance name"
            + " (VCAP_SERVICES 'name'; Kubernetes, Kyma: the binding folder's name under SERVICE_BINDING_ROOT)."
            + " Unset, exactly one may be bound: with several the component fails to start, listing their names."
            + " A name that is not bound fails too.")
    private String destinationServiceInstance;

    @UriParam(description = "The Connectivity Service instance to use when several are bound: its instance name"
            + " (VCAP_SERVICES 'name'; Kubernetes, Kyma: the binding folder's name under SERVICE_BINDING_ROOT)."
            + " Unset, exactly one may be bound: with several the component fails to start, listing their names.")
    private String connectivityServiceInstance;

    @UriParam(defaultValue = "300000", javaType = "java.time.Duration", description = "How long a destination is"
            + " cached when it holds no expiring token. A destination with tokens is refreshed before the earliest token"
            + " expires, whichever comes first. Default 5 minutes.")
    private long destinationCacheTtl = 300_000;

    @UriParam(description = "Cache lifetimes for individual destinations, replacing destinationCacheTtl for them:"
            + " a comma-separated list of NAME=DURATION, for example 'OnPremiseERP=30s,CloudSalesAPI=10m'. Durations use"
            + " Camel's syntax (500, 30s, 10m, 1h). Token expiry still bounds each entry.")
    private String destinationCacheTtlPerDestination;

    @UriParam(defaultValue = "900000", javaType = "java.time.Duration", description = "While the Destination Service"
            + " fails (unreachable, 5xx, 429), a cached destination is still served for this long past its lifetime, but"
            + " never after a token it holds expired. Zero turns stale-if-error off. Default 15 minutes.")
    private long destinationCacheMaxStale = 900_000;

    @UriParam(defaultValue = "10000", javaType = "java.time.Duration", description = "How long 'no such destination'"
            + " is remembered for that name (other names are never affected). Default 10 seconds.")
    private long destinationNotFoundTtl = 10_000;

    @UriParam(label = "security", defaultValue = "CONNECTIVITY_AUTHENTICATION_HEADER", description = "How"
            + " PrincipalPropagation destinations carry the user to the Connectivity proxy:"
            + " CONNECTIVITY_AUTHENTICATION_HEADER sends the user's JWT as 'SAP-Connectivity-Authentication: Bearer'"
            + " next to the binding's token; PROXY_AUTHORIZATION_TOKEN_EXCHANGE (SAP's recommendation) exchanges the"
            + " user's JWT at the connectivity binding's token service (JWT bearer grant) and sends the result as"
            + " Proxy-Authorization. Ignored when a ready-made connectivity engine is set.")
    private PrincipalPropagationMode principalPropagationMode = PrincipalPropagationMode.CONNECTIVITY_AUTHENTICATION_HEADER;

    @UriParam(description = "The address of SAP's Transparent Proxy destination gateway on Kubernetes/Kyma, for example"
            + " http://transparent-proxy.default.svc.cluster.local (the service of a Destination custom resource with"
            + " destinationRef.name \"*\"). Set, destinations the application does not configure itself are not looked"
            + " up: HTTP requests go to the gateway with X-Destination-Name (and the tenant, fragment and user token),"
            + " and the proxy finds the destination, authenticates and reaches the Cloud Connector. Unset, the"
            + " environment variable CAMEL_BTP_TRANSPARENTPROXY is read. MAIL, LDAP and TCP destinations are not carried"
            + " by the gateway.")
    private String transparentProxy;

    @UriParam(label = "security", defaultValue = "false", description = "The Connectivity Proxy runs in Kyma's"
            + " multi-tenant trusted mode: proxy authorization is off, but the proxy serves several tenants, so every"
            + " request names its tenant with SAP-CP-Connectivity-Service-Token (the tenant's connectivity token, from the"
            + " connectivity binding's client) instead of Proxy-Authorization; principal propagation travels only as"
            + " SAP-Connectivity-Authentication. The connectivity binding must then have a client (a service key of the"
            + " connectivity_proxy instance).")
    private boolean trustedMultiTenantProxy;

    @UriParam(defaultValue = "5000", javaType = "java.time.Duration", description = "How long idempotent requests to"
            + " on-premise systems (GET, HEAD, OPTIONS, PUT, DELETE) are sent again while the Cloud Connector fails over"
            + " from its master to its shadow instance: the Connectivity proxy answers 503 (no Cloud Connector connected)"
            + " and connections through it break. Retries back off exponentially with jitter and never pass the"
            + " exchange's deadline. POST, PATCH and"
            + " SOAP-RFC calls are never sent twice: they fail with a CloudConnectorException (retry them at the route"
            + " level where the operation is idempotent). Zero turns these retries off; an endpoint's"
            + " automaticRetriesDisabled turns all retries off. Default 5 seconds.")
    private long failoverRetryWindow = 5_000;
    @UriParam(label = "advanced", defaultValue = "false", description = "A circuit breaker per destination and tenant:"
            + " when at least circuitBreakerFailureRate percent of the last circuitBreakerWindow calls to a destination"
            + " failed on the way to the target (connection failures, timeouts, answers cut off, 5xx answers of the"
            + " target or the Connectivity proxy), requests to it fail at once with DestinationCircuitOpenException,"
            + " naming the destination, the tenant and until when, without sending anything; after"
            + " circuitBreakerOpenDuration one trial request goes through and closes the breaker when it succeeds."
            + " 'Not found' and 4xx answers never count, and one destination's breaker never stops another destination"
            + " or another tenant. Off by default.")
    private boolean circuitBreaker;

    @UriParam(label = "advanced", defaultValue = "50", description = "The circuit breaker opens when at least this"
            + " percentage (1 to 100) of the last circuitBreakerWindow calls failed on the way to the target. Default 50.")
    private int circuitBreakerFailureRate = CircuitBreakerSettings.DEFAULT.failureRatePercent();

    @UriParam(label = "advanced", defaultValue = "10", description = "How many of a destination's last calls the"
            + " circuit breaker judges; it judges no destination with fewer calls. Default 10.")
    private int circuitBreakerWindow = CircuitBreakerSettings.DEFAULT.window();

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration", description = "How long an"
            + " open circuit breaker fails requests at once before it lets one trial request through. Default 30"
            + " seconds.")
    private long circuitBreakerOpenDuration = CircuitBreakerSettings.DEFAULT.openDuration().toMillis();

    @UriParam(label = "advanced", defaultValue = "true", description = "Share one engine (service bindings, destination"
            + " cache, token cache) with the other camel-btp components of the CamelContext: the first to start builds it"
            + " from its options, the others reuse it, and an engine option set on two components to different values"
            + " fails the start. Set false for a component that needs an engine of its own, for example one bound to"
            + " another subaccount's service bindings.")
    private boolean sharedEngine = true;

    /** The engine options a user set (by catalog name); the others keep their defaults and never conflict. */
    private final Set<String> set = new LinkedHashSet<>();

    /** A builder with these options applied; the starter adds its own (timeouts, static destinations) before building. */
    public BtpConnectivity.Builder engineBuilder() {
        return BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.from(vcapServices, bindingFile))
                .destinationServiceInstance(destinationServiceInstance)
                .connectivityServiceInstance(connectivityServiceInstance)
                .cachePolicy(cachePolicy())
                .principalPropagationMode(principalPropagationMode)
                .transparentProxy(transparentProxy)
                .trustedMultiTenantProxy(trustedMultiTenantProxy)
                .failoverRetryWindow(Duration.ofMillis(failoverRetryWindow))
                .circuitBreaker(circuitBreakerSettings());
    }

    /** The circuit breaker settings the options describe, {@code null} while circuitBreaker is off. */
    public CircuitBreakerSettings circuitBreakerSettings() {
        return circuitBreaker ? new CircuitBreakerSettings(circuitBreakerFailureRate, circuitBreakerWindow,
                Duration.ofMillis(circuitBreakerOpenDuration)) : null;
    }

    /** The cache policy the options describe; a malformed destinationCacheTtlPerDestination entry fails, naming it. */
    public CachePolicy cachePolicy() {
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

    /** Every engine option's value, by catalog name (the secret bindings included: never print this map). */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("vcapServices", vcapServices);
        values.put("bindingFile", bindingFile);
        values.put("destinationServiceInstance", destinationServiceInstance);
        values.put("connectivityServiceInstance", connectivityServiceInstance);
        values.put("destinationCacheTtl", destinationCacheTtl);
        values.put("destinationCacheTtlPerDestination", destinationCacheTtlPerDestination);
        values.put("destinationCacheMaxStale", destinationCacheMaxStale);
        values.put("destinationNotFoundTtl", destinationNotFoundTtl);
        values.put("principalPropagationMode", principalPropagationMode);
        values.put("transparentProxy", transparentProxy);
        values.put("trustedMultiTenantProxy", trustedMultiTenantProxy);
        values.put("failoverRetryWindow", failoverRetryWindow);
        values.put("circuitBreaker", circuitBreaker);
        values.put("circuitBreakerFailureRate", circuitBreakerFailureRate);
        values.put("circuitBreakerWindow", circuitBreakerWindow);
        values.put("circuitBreakerOpenDuration", circuitBreakerOpenDuration);
        return values;
    }

    /** The options set here whose values differ from those {@code engine} was built with. */
    List<String> conflictsWith(EngineOptions engine) {
        Map<String, Object> mine = values();
        Map<String, Object> theirs = engine.values();
        return set.stream().filter(name -> !Objects.equals(mine.get(name), theirs.get(name))).toList();
    }

    /** An option's value as a message may show it: the bindings only as set or unset. */
    String shown(String name) {
        Object value = values().get(name);
        return name.equals("vcapServices") && value != null ? "(set)" : String.valueOf(value);
    }

    /** A copy, so that options changed after the engine was built cannot change what it is compared with. */
    EngineOptions copy() {
        EngineOptions copy = new EngineOptions();
        copy.vcapServices = vcapServices;
        copy.bindingFile = bindingFile;
        copy.destinationServiceInstance = destinationServiceInstance;
        copy.connectivityServiceInstance = connectivityServiceInstance;
        copy.destinationCacheTtl = destinationCacheTtl;
        copy.destinationCacheTtlPerDestination = destinationCacheTtlPerDestination;
        copy.destinationCacheMaxStale = destinationCacheMaxStale;
        copy.destinationNotFoundTtl = destinationNotFoundTtl;
        copy.principalPropagationMode = principalPropagationMode;
        copy.transparentProxy = transparentProxy;
        copy.trustedMultiTenantProxy = trustedMultiTenantProxy;
        copy.failoverRetryWindow = failoverRetryWindow;
        copy.circuitBreaker = circuitBreaker;
        copy.circuitBreakerFailureRate = circuitBreakerFailureRate;
        copy.circuitBreakerWindow = circuitBreakerWindow;
        copy.circuitBreakerOpenDuration = circuitBreakerOpenDuration;
        copy.sharedEngine = sharedEngine;
        copy.set.addAll(set);
        return copy;
    }

    public String getVcapServices() {
        return vcapServices;
    }

    public void setVcapServices(String vcapServices) {
        this.vcapServices = vcapServices;
        set.add("vcapServices");
    }

    public String getBindingFile() {
        return bindingFile;
    }

    public void setBindingFile(String bindingFile) {
        this.bindingFile = bindingFile;
        set.add("bindingFile");
    }

    public String getDestinationServiceInstance() {
        return destinationServiceInstance;
    }

    public void setDestinationServiceInstance(String destinationServiceInstance) {
        this.destinationServiceInstance = destinationServiceInstance;
        set.add("destinationServiceInstance");
    }

    public String getConnectivityServiceInstance() {
        return connectivityServiceInstance;
    }

    public void setConnectivityServiceInstance(String connectivityServiceInstance) {
        this.connectivityServiceInstance = connectivityServiceInstance;
        set.add("connectivityServiceInstance");
    }

    public long getDestinationCacheTtl() {
        return destinationCacheTtl;
    }

    public void setDestinationCacheTtl(long destinationCacheTtl) {
        this.destinationCacheTtl = destinationCacheTtl;
        set.add("destinationCacheTtl");
    }

    public String getDestinationCacheTtlPerDestination() {
        return destinationCacheTtlPerDestination;
    }

    public void setDestinationCacheTtlPerDestination(String destinationCacheTtlPerDestination) {
        this.destinationCacheTtlPerDestination = destinationCacheTtlPerDestination;
        set.add("destinationCacheTtlPerDestination");
    }

    public long getDestinationCacheMaxStale() {
        return destinationCacheMaxStale;
    }

    public void setDestinationCacheMaxStale(long destinationCacheMaxStale) {
        this.destinationCacheMaxStale = destinationCacheMaxStale;
        set.add("destinationCacheMaxStale");
    }

    public long getDestinationNotFoundTtl() {
        return destinationNotFoundTtl;
    }

    public void setDestinationNotFoundTtl(long destinationNotFoundTtl) {
        this.destinationNotFoundTtl = destinationNotFoundTtl;
        set.add("destinationNotFoundTtl");
    }

    public PrincipalPropagationMode getPrincipalPropagationMode() {
        return principalPropagationMode;
    }

    public void setPrincipalPropagationMode(PrincipalPropagationMode principalPropagationMode) {
        this.principalPropagationMode = principalPropagationMode;
        set.add("principalPropagationMode");
    }

    public String getTransparentProxy() {
        return transparentProxy;
    }

    public void setTransparentProxy(String transparentProxy) {
        this.transparentProxy = transparentProxy;
        set.add("transparentProxy");
    }

    public boolean isTrustedMultiTenantProxy() {
        return trustedMultiTenantProxy;
    }

    public void setTrustedMultiTenantProxy(boolean trustedMultiTenantProxy) {
        this.trustedMultiTenantProxy = trustedMultiTenantProxy;
        set.add("trustedMultiTenantProxy");
    }

    public long getFailoverRetryWindow() {
        return failoverRetryWindow;
    }

    public void setFailoverRetryWindow(long failoverRetryWindow) {
        if (failoverRetryWindow < 0) {
            throw new IllegalArgumentException("failoverRetryWindow must be zero or positive: " + failoverRetryWindow);
        }
        this.failoverRetryWindow = failoverRetryWindow;
        set.add("failoverRetryWindow");
    }

    public boolean isCircuitBreaker() {
        return circuitBreaker;
    }

    public void setCircuitBreaker(boolean circuitBreaker) {
        this.circuitBreaker = circuitBreaker;
        set.add("circuitBreaker");
    }

    public int getCircuitBreakerFailureRate() {
        return circuitBreakerFailureRate;
    }

    public void setCircuitBreakerFailureRate(int circuitBreakerFailureRate) {
        this.circuitBreakerFailureRate = circuitBreakerFailureRate;
        set.add("circuitBreakerFailureRate");
    }

    public int getCircuitBreakerWindow() {
        return circuitBreakerWindow;
    }

    public void setCircuitBreakerWindow(int circuitBreakerWindow) {
        this.circuitBreakerWindow = circuitBreakerWindow;
        set.add("circuitBreakerWindow");
    }

    public long getCircuitBreakerOpenDuration() {
        return circuitBreakerOpenDuration;
    }

    public void setCircuitBreakerOpenDuration(long circuitBreakerOpenDuration) {
        this.circuitBreakerOpenDuration = circuitBreakerOpenDuration;
        set.add("circuitBreakerOpenDuration");
    }

    public boolean isSharedEngine() {
        return sharedEngine;
    }

    public void setSharedEngine(boolean sharedEngine) {
        this.sharedEngine = sharedEngine;
    }

    /** The options set, the bindings shown only as set. */
    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder("EngineOptions[");
        set.forEach(name -> shown.append(name).append('=').append(shown(name)).append(", "));
        return shown.append("sharedEngine=").append(sharedEngine).append(']').toString();
    }
}
