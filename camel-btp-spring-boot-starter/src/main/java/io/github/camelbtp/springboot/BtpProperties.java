package io.github.camelbtp.springboot;

import io.github.camelbtp.connectivity.dispatch.PrincipalPropagationMode;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine both components share, configured under {@code camel.btp.*}: where the service bindings come from, how
 * long destinations and tokens are kept, and destinations given right in the application's configuration.
 * {@code toString()} shows no secret: neither the bindings nor secret destination properties.
 */
@ConfigurationProperties(prefix = "camel.btp")
public class BtpProperties {

    /**
     * Whether the starter creates the shared engine (a BtpConnectivity bean) and gives it to btp-destination and
     * btp-rfc. Turn it off to let each component build its own engine from its own camel.component.*.* options.
     */
    private boolean enabled = true;

    /**
     * The service bindings as VCAP_SERVICES JSON (destination, connectivity, xsuaa). Holds client secrets: keep it out
     * of files under version control. When neither this nor binding-file is set, the bindings are read from the
     * VCAP_SERVICES environment variable (Cloud Foundry) or from the directory SERVICE_BINDING_ROOT names (Kubernetes,
     * Kyma).
     */
    private String vcapServices;

    /**
     * A file holding VCAP_SERVICES JSON to read the service bindings from, for example the one the camel-btp sandbox
     * writes (SandboxMain --binding-file) or a copy of 'cf env' output. Used when vcap-services is not set.
     */
    private String bindingFile;

    /**
     * The Destination Service instance to use when several are bound: its instance name (VCAP_SERVICES 'name';
     * Kubernetes, Kyma: the binding folder's name under SERVICE_BINDING_ROOT). Unset, exactly one may be bound: with
     * several the application fails to start, listing their names. A name that is not bound fails too.
     */
    private String destinationServiceInstance;

    /**
     * The Connectivity Service instance to use when several are bound: its instance name (VCAP_SERVICES 'name';
     * Kubernetes, Kyma: the binding folder's name). Unset, exactly one may be bound: with several the application
     * fails to start, listing their names. Not consulted when connectivity-proxy.host is set.
     */
    private String connectivityServiceInstance;

    /**
     * How long a destination is cached when it holds no expiring token. A destination with tokens is refreshed before
     * the earliest token expires, whichever comes first.
     */
    private Duration destinationCacheTtl = Duration.ofMinutes(5);

    /**
     * Cache lifetimes for individual destinations, replacing destination-cache-ttl for them, for example
     * camel.btp.destination-cache-ttl-per-destination.OnPremiseERP=30s. Token expiry still bounds each entry.
     */
    private Map<String, Duration> destinationCacheTtlPerDestination = new LinkedHashMap<>();

    /**
     * While the Destination Service fails (unreachable, 5xx, 429), a cached destination is still served for this long
     * past its lifetime, but never after a token it holds expired. Zero turns stale-if-error off.
     */
    private Duration destinationCacheMaxStale = Duration.ofMinutes(15);

    /** How long 'no such destination' is remembered for that name (other names are never affected). */
    private Duration destinationNotFoundTtl = Duration.ofSeconds(10);

    /**
     * How long idempotent requests to on-premise systems (GET, HEAD, OPTIONS, PUT, DELETE) are sent again while the
     * Cloud Connector fails over from master to shadow (the Connectivity proxy answers 503, connections through it
     * break), with exponential backoff and jitter and never past the exchange's deadline; MAIL, LDAP and TCP retry
     * their SOCKS5 connect likewise. POST, PATCH and SOAP-RFC calls are never sent twice. Zero turns it off.
     */
    private Duration failoverRetryWindow = Duration.ofSeconds(5);

    /** Connect and read timeout for calls to the Destination Service and the bindings' token services. */
    private Duration serviceTimeout = Duration.ofSeconds(6);

    /** How long before they expire OAuth tokens (the bindings' and the destinations' client-side flows) are renewed. */
    private Duration tokenRefreshMargin = Duration.ofSeconds(30);

    /**
     * How PrincipalPropagation destinations carry the user to the Connectivity proxy:
     * CONNECTIVITY_AUTHENTICATION_HEADER sends the user's JWT as 'SAP-Connectivity-Authentication: Bearer' next to the
     * binding's token; PROXY_AUTHORIZATION_TOKEN_EXCHANGE (SAP's recommendation) exchanges the user's JWT at the
     * connectivity binding's token service and sends the result as Proxy-Authorization.
     */
    private PrincipalPropagationMode principalPropagationMode = PrincipalPropagationMode.CONNECTIVITY_AUTHENTICATION_HEADER;

    /**
     * The address of SAP's Transparent Proxy destination gateway on Kubernetes/Kyma, for example
     * http://transparent-proxy.default.svc.cluster.local (the service of a Destination custom resource with
     * destinationRef.name "*"). Set, destinations not configured here are not looked up by the application: HTTP
     * requests go to the gateway with X-Destination-Name, and the proxy finds, authenticates and reaches the Cloud
     * Connector. The environment variable CAMEL_BTP_TRANSPARENTPROXY sets it too. See docs/transparent-proxy.md.
     */
    private String transparentProxy;

    /**
     * The Connectivity Proxy runs in Kyma's multi-tenant trusted mode: requests name their tenant with
     * SAP-CP-Connectivity-Service-Token (the tenant's connectivity token, from the connectivity binding's client)
     * instead of Proxy-Authorization; principal propagation only as SAP-Connectivity-Authentication. The connectivity
     * binding must have a client (a service key of the connectivity_proxy instance). See docs/kubernetes.md.
     */
    private boolean trustedMultiTenantProxy;

    /**
     * A circuit breaker per destination and tenant (off by default): when at least circuit-breaker-failure-rate
     * percent of the last circuit-breaker-window calls to a destination failed on the way to the target (connection
     * failures, timeouts, answers cut off, 5xx), requests to it fail at once with DestinationCircuitOpenException
     * (destination, tenant, until when), sending nothing, for circuit-breaker-open-duration; then one trial request
     * goes through. 'Not found' and 4xx never count. See docs/reliability.md.
     */
    private boolean circuitBreaker;

    /** The percentage (1 to 100) of failed calls in the window that opens a destination's breaker. Default 50. */
    private int circuitBreakerFailureRate = 50;

    /** How many of a destination's last calls its breaker judges. Default 10. */
    private int circuitBreakerWindow = 10;

    /** How long an open breaker fails requests at once before one trial request. Default 30 seconds. */
    private Duration circuitBreakerOpenDuration = Duration.ofSeconds(30);

    /**
     * A Connectivity proxy in trusted mode (Kyma), used instead of the connectivity binding: requests carry no
     * Proxy-Authorization. On Kyma: host connectivity-proxy.kyma-system.svc.cluster.local, http-port 20003,
     * socks5-port 20004 (the kyma-system/connectivity-proxy-info ConfigMap). MAIL, LDAP and TCP destinations use
     * the SOCKS5 port without a connectivity token (trusted mode covers SOCKS5 too); there a destination with a
     * CloudConnectorLocationId is refused, since only SAP's token-carrying SOCKS5 authentication can send it.
     */
    private final ConnectivityProxy connectivityProxy = new ConnectivityProxy();

    /** The trusted-mode Connectivity proxy's address; unset (no host) means: use the connectivity binding. */
    public static class ConnectivityProxy {

        /** Host name of the proxy, for example connectivity-proxy.kyma-system.svc.cluster.local. */
        private String host;

        /** Its HTTP port. */
        private int httpPort = 20003;

        /** Its SOCKS5 port; 0 for none. */
        private int socks5Port;

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getHttpPort() {
            return httpPort;
        }

        public void setHttpPort(int httpPort) {
            this.httpPort = httpPort;
        }

        public int getSocks5Port() {
            return socks5Port;
        }

        public void setSocks5Port(int socks5Port) {
            this.socks5Port = socks5Port;
        }
    }

    public ConnectivityProxy getConnectivityProxy() {
        return connectivityProxy;
    }

    /**
     * Development mode: the camel-btp sandbox (a local copy of the BTP services and demo on-premise systems) started
     * inside this application, and the engine bound to it instead of any real binding.
     */
    private final Sandbox sandbox = new Sandbox();

    /** Development mode only; needs io.github.camelbtp:camel-btp-sandbox on the classpath (a dev profile's dependency). */
    public static class Sandbox {

        /**
         * Whether to start the camel-btp sandbox in this application and bind the engine to it, ignoring
         * vcap-services, binding-file, VCAP_SERVICES and SERVICE_BINDING_ROOT. For development and tests only: the
         * application must have camel-btp-sandbox on its classpath (add it in a dev profile, never to a production
         * build); without it the application fails to start.
         */
        private boolean enabled;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    public Sandbox getSandbox() {
        return sandbox;
    }

    /**
     * Destinations given in configuration, asked before the 'destinations' environment variable and the Destination
     * Service: camel.btp.destinations.NAME.PROPERTY=value with SAP's property names, for example
     * camel.btp.destinations.Erp.URL=http://erp.internal:44300, .ProxyType=OnPremise,
     * .Authentication=BasicAuthentication, .User, .Password. Property names containing dots need brackets:
     * camel.btp.destinations.Erp[URL.headers.sap-client]=100.
     */
    private Map<String, Map<String, String>> destinations = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
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

    public Map<String, Duration> getDestinationCacheTtlPerDestination() {
        return destinationCacheTtlPerDestination;
    }

    public void setDestinationCacheTtlPerDestination(Map<String, Duration> destinationCacheTtlPerDestination) {
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

    public Duration getServiceTimeout() {
        return serviceTimeout;
    }

    public void setServiceTimeout(Duration serviceTimeout) {
        this.serviceTimeout = serviceTimeout;
    }

    public Duration getTokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    public void setTokenRefreshMargin(Duration tokenRefreshMargin) {
        this.tokenRefreshMargin = tokenRefreshMargin;
    }

    public PrincipalPropagationMode getPrincipalPropagationMode() {
        return principalPropagationMode;
    }

    public void setPrincipalPropagationMode(PrincipalPropagationMode principalPropagationMode) {
        this.principalPropagationMode = principalPropagationMode;
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

    public boolean isCircuitBreaker() {
        return circuitBreaker;
    }

    public void setCircuitBreaker(boolean circuitBreaker) {
        this.circuitBreaker = circuitBreaker;
    }

    public int getCircuitBreakerFailureRate() {
        return circuitBreakerFailureRate;
    }

    public void setCircuitBreakerFailureRate(int circuitBreakerFailureRate) {
        this.circuitBreakerFailureRate = circuitBreakerFailureRate;
    }

    public int getCircuitBreakerWindow() {
        return circuitBreakerWindow;
    }

    public void setCircuitBreakerWindow(int circuitBreakerWindow) {
        this.circuitBreakerWindow = circuitBreakerWindow;
    }

    public Duration getCircuitBreakerOpenDuration() {
        return circuitBreakerOpenDuration;
    }

    public void setCircuitBreakerOpenDuration(Duration circuitBreakerOpenDuration) {
        this.circuitBreakerOpenDuration = circuitBreakerOpenDuration;
    }

    public boolean isTrustedMultiTenantProxy() {
        return trustedMultiTenantProxy;
    }

    public void setTrustedMultiTenantProxy(boolean trustedMultiTenantProxy) {
        this.trustedMultiTenantProxy = trustedMultiTenantProxy;
    }

    public Map<String, Map<String, String>> getDestinations() {
        return destinations;
    }

    public void setDestinations(Map<String, Map<String, String>> destinations) {
        this.destinations = destinations;
    }

    /** The settings with secrets masked: the bindings are never shown, secret destination properties (and credentials in a URL) as ****. */
    @Override
    public String toString() {
        Map<String, Map<String, String>> shown = new TreeMap<>();
        destinations.forEach((name, properties) -> {
            Map<String, String> masked = new TreeMap<>();
            properties.forEach((key, value) -> masked.put(key, DestinationProperty.forMessage(key, value)));
            shown.put(name, masked);
        });
        return "BtpProperties[enabled=" + enabled
                + ", sandbox.enabled=" + sandbox.isEnabled()
                + ", vcapServices=" + (vcapServices == null || vcapServices.isBlank() ? "unset" : "****")
                + ", bindingFile=" + bindingFile
                + ", destinationServiceInstance=" + destinationServiceInstance
                + ", connectivityServiceInstance=" + connectivityServiceInstance
                + ", destinationCacheTtl=" + destinationCacheTtl
                + ", destinationCacheTtlPerDestination=" + destinationCacheTtlPerDestination
                + ", destinationCacheMaxStale=" + destinationCacheMaxStale
                + ", destinationNotFoundTtl=" + destinationNotFoundTtl
                + ", serviceTimeout=" + serviceTimeout
                + ", tokenRefreshMargin=" + tokenRefreshMargin
                + ", principalPropagationMode=" + principalPropagationMode
                + ", transparentProxy=" + transparentProxy
                + ", trustedMultiTenantProxy=" + trustedMultiTenantProxy
                + ", circuitBreaker=" + circuitBreaker
                + ", destinations=" + shown + "]";
    }
}
