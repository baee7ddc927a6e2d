package io.github.camelbtp.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options btp-destination and btp-rfc share: how a component builds its own engine (only with
 * camel.btp.enabled=false), Camel's producer switches and the HTTP connection pool. Each component's configuration
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
}
