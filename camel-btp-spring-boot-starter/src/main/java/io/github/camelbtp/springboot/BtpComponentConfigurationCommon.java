package io.github.camelbtp.springboot;

import io.github.camelbtp.connectivity.dispatch.PrincipalPropagationMode;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options btp-destination and btp-rfc share: the engine options (io.github.camelbtp.component.EngineOptions; they
 * only apply with camel.btp.enabled=false, and then build the one engine both components share), Camel's producer
 * switches and the HTTP connection pool. Each component's configuration
 * adds its own and lists them in {@link #componentOptions()}.
 */
public abstract class BtpComponentConfigurationCommon extends ComponentConfigurationPropertiesCommon {

    /**
     * Only with camel.btp.enabled=false: the service bindings as VCAP_SERVICES JSON. By default they are read from the
     * VCAP_SERVICES environment variable, or from the directory SERVICE_BINDING_ROOT names (Kubernetes, Kyma).
     */
    private String vcapServices;

    /**
     * Only with camel.btp.enabled=false: a file holding VCAP_SERVICES JSON to read the service bindings from, for
     * example the one the camel-btp sandbox writes (SandboxMain --binding-file) or a copy of 'cf env' output.
     */
    private String bindingFile;

    /**
     * Only with camel.btp.enabled=false: the Destination Service instance to use when several are bound, by its
     * instance name (VCAP_SERVICES 'name'; Kubernetes, Kyma: the binding folder's name).
     */
    private String destinationServiceInstance;

    /**
     * Only with camel.btp.enabled=false: the Connectivity Service instance to use when several are bound, by its
     * instance name (VCAP_SERVICES 'name'; Kubernetes, Kyma: the binding folder's name).
     */
    private String connectivityServiceInstance;

    /**
     * Only with camel.btp.enabled=false: how long a destination is cached when it holds no expiring token. Default 5
     * minutes.
     */
    private Duration destinationCacheTtl;

    /**
     * Only with camel.btp.enabled=false: cache lifetimes for individual destinations as NAME=DURATION pairs, for
     * example 'OnPremiseERP=30s,CloudSalesAPI=10m'.
     */
    private String destinationCacheTtlPerDestination;

    /**
     * Only with camel.btp.enabled=false: while the Destination Service fails, a cached destination is still served
     * for this long past its lifetime. Default 15 minutes.
     */
    private Duration destinationCacheMaxStale;

    /** Only with camel.btp.enabled=false: how long 'no such destination' is remembered. Default 10 seconds. */
    private Duration destinationNotFoundTtl;

    /**
     * Only with camel.btp.enabled=false: how PrincipalPropagation destinations carry the user to the Connectivity
     * proxy (CONNECTIVITY_AUTHENTICATION_HEADER by default, or PROXY_AUTHORIZATION_TOKEN_EXCHANGE).
     */
    private PrincipalPropagationMode principalPropagationMode;

    /**
     * Only with camel.btp.enabled=false: the address of SAP's Transparent Proxy destination gateway (Kubernetes/Kyma);
     * see camel.btp.transparent-proxy.
     */
    private String transparentProxy;

    /**
     * Only with camel.btp.enabled=false: the Connectivity Proxy runs in Kyma's multi-tenant trusted mode; see
     * camel.btp.trusted-multi-tenant-proxy.
     */
    private Boolean trustedMultiTenantProxy;

    /**
     * Only with camel.btp.enabled=false: how long idempotent on-premise requests are sent again while the Cloud
     * Connector fails over; see camel.btp.failover-retry-window. Default 5 seconds, zero turns it off.
     */
    private Duration failoverRetryWindow;

    /**
     * Only with camel.btp.enabled=false: a circuit breaker per destination and tenant; see camel.btp.circuit-breaker.
     */
    private Boolean circuitBreaker;

    /** Only with camel.btp.enabled=false: see camel.btp.circuit-breaker-failure-rate. Default 50 (percent). */
    private Integer circuitBreakerFailureRate;

    /** Only with camel.btp.enabled=false: see camel.btp.circuit-breaker-window. Default 10 calls. */
    private Integer circuitBreakerWindow;

    /** Only with camel.btp.enabled=false: see camel.btp.circuit-breaker-open-duration. Default 30 seconds. */
    private Duration circuitBreakerOpenDuration;

    /**
     * Only with camel.btp.enabled=false: whether btp-destination and btp-rfc share one engine built from their
     * options (default), or this component builds an engine of its own.
     */
    private Boolean sharedEngine;

    /**
     * Whether the producer should be started lazy (on the first message), so a route can start even if a destination
     * cannot be resolved yet.
     */
    private Boolean lazyStartProducer = false;

    /**
     * Whether autowiring is enabled: options marked autowired (the engine) are looked up in the registry when a single
     * bean of their type exists.
     */
    private Boolean autowiredEnabled = true;

    /** Maximum number of pooled HTTP connections in total. */
    private Integer maxTotalConnections = 200;

    /** Maximum number of pooled HTTP connections per route (target host, proxy and TLS settings). */
    private Integer connectionsPerRoute = 100;

    /** The options to set on the component, by their names in the component's catalog; unset ones are null. */
    Map<String, Object> componentOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("vcapServices", vcapServices);
        options.put("bindingFile", bindingFile);
        options.put("destinationServiceInstance", destinationServiceInstance);
        options.put("connectivityServiceInstance", connectivityServiceInstance);
        options.put("destinationCacheTtl", destinationCacheTtl);
        options.put("destinationCacheTtlPerDestination", destinationCacheTtlPerDestination);
        options.put("destinationCacheMaxStale", destinationCacheMaxStale);
        options.put("destinationNotFoundTtl", destinationNotFoundTtl);
        options.put("principalPropagationMode", principalPropagationMode);
        options.put("transparentProxy", transparentProxy);
        options.put("trustedMultiTenantProxy", trustedMultiTenantProxy);
        options.put("failoverRetryWindow", failoverRetryWindow);
        options.put("circuitBreaker", circuitBreaker);
        options.put("circuitBreakerFailureRate", circuitBreakerFailureRate);
        options.put("circuitBreakerWindow", circuitBreakerWindow);
        options.put("circuitBreakerOpenDuration", circuitBreakerOpenDuration);
        options.put("sharedEngine", sharedEngine);
        options.put("lazyStartProducer", lazyStartProducer);
        options.put("autowiredEnabled", autowiredEnabled);
        options.put("maxTotalConnections", maxTotalConnections);
        options.put("connectionsPerRoute", connectionsPerRoute);
        return options;
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

    public Duration getDestinationCacheTtl() {
        return destinationCacheTtl;
    }

    public void setDestinationCacheTtl(Duration destinationCacheTtl) {
        this.destinationCacheTtl = destinationCacheTtl;
    }

    public String getDestinationCacheTtlPerDestination() {
        return destinationCacheTtlPerDestination;
    }

    public void setDestinationCacheTtlPerDestination(String destinationCacheTtlPerDestination) {
        this.destinationCacheTtlPerDestination = destinationCacheTtlPerDestination;
    }

    public Duration getDestinationCacheMaxStale() {
        return destinationCacheMaxStale;
    }

    public void setDestinationCacheMaxStale(Duration destinationCacheMaxStale) {
        this.destinationCacheMaxStale = destinationCacheMaxStale;
    }

    public Duration getDestinationNotFoundTtl() {
        return destinationNotFoundTtl;
    }

    public void setDestinationNotFoundTtl(Duration destinationNotFoundTtl) {
        this.destinationNotFoundTtl = destinationNotFoundTtl;
    }

    public PrincipalPropagationMode getPrincipalPropagationMode() {
        return principalPropagationMode;
    }

    public void setPrincipalPropagationMode(PrincipalPropagationMode principalPropagationMode) {
        this.principalPropagationMode = principalPropagationMode;
    }

    public Boolean getSharedEngine() {
        return sharedEngine;
    }

    public void setSharedEngine(Boolean sharedEngine) {
        this.sharedEngine = sharedEngine;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getMaxTotalConnections() {
        return maxTotalConnections;
    }

    public void setMaxTotalConnections(Integer maxTotalConnections) {
        this.maxTotalConnections = maxTotalConnections;
    }

    public Integer getConnectionsPerRoute() {
        return connectionsPerRoute;
    }

    public void setConnectionsPerRoute(Integer connectionsPerRoute) {
        this.connectionsPerRoute = connectionsPerRoute;
    }

    /** The options, the bindings shown only as set or unset. */
    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>(componentOptions());
        shown.put("vcapServices", vcapServices == null ? null : "****");
        return getClass().getSimpleName() + shown;
    }

    public String getTransparentProxy() {
        return transparentProxy;
    }

    public void setTransparentProxy(String transparentProxy) {
        this.transparentProxy = transparentProxy;
    }

    public Duration getFailoverRetryWindow() {
        return failoverRetryWindow;
    }

    public void setFailoverRetryWindow(Duration failoverRetryWindow) {
        this.failoverRetryWindow = failoverRetryWindow;
    }

    public Boolean getCircuitBreaker() {
        return circuitBreaker;
    }

    public void setCircuitBreaker(Boolean circuitBreaker) {
        this.circuitBreaker = circuitBreaker;
    }

    public Integer getCircuitBreakerFailureRate() {
        return circuitBreakerFailureRate;
    }

    public void setCircuitBreakerFailureRate(Integer circuitBreakerFailureRate) {
        this.circuitBreakerFailureRate = circuitBreakerFailureRate;
    }

    public Integer getCircuitBreakerWindow() {
        return circuitBreakerWindow;
    }

    public void setCircuitBreakerWindow(Integer circuitBreakerWindow) {
        this.circuitBreakerWindow = circuitBreakerWindow;
    }

    public Duration getCircuitBreakerOpenDuration() {
        return circuitBreakerOpenDuration;
    }

    public void setCircuitBreakerOpenDuration(Duration circuitBreakerOpenDuration) {
        this.circuitBreakerOpenDuration = circuitBreakerOpenDuration;
    }

    public Boolean getTrustedMultiTenantProxy() {
        return trustedMultiTenantProxy;
    }

    public void setTrustedMultiTenantProxy(Boolean trustedMultiTenantProxy) {
        this.trustedMultiTenantProxy = trustedMultiTenantProxy;
    }
}
