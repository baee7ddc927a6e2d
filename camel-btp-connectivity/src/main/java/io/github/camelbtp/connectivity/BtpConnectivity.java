package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.auth.Authenticator;
import io.github.camelbtp.connectivity.auth.ConnectivityProxy;
import io.github.camelbtp.connectivity.auth.TenantTokens;
import io.github.camelbtp.connectivity.auth.TokenService;
import io.github.camelbtp.connectivity.binding.ConnectivityCredentials;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.breaker.CircuitBreakerSettings;
import io.github.camelbtp.connectivity.breaker.DestinationCircuitBreakers;
import io.github.camelbtp.connectivity.cache.CachePolicy;
import io.github.camelbtp.connectivity.cache.CachingDestinationLoader;
import io.github.camelbtp.connectivity.destination.ChainedDestinationLoader;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationLoader;
import io.github.camelbtp.connectivity.destination.DestinationServiceLoader;
import io.github.camelbtp.connectivity.destination.EnvironmentDestinationLoader;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.destination.TransparentProxyLoader;
import io.github.camelbtp.connectivity.dispatch.OnPremiseHttpDispatch;
import io.github.camelbtp.connectivity.dispatch.OnPremiseSocksDispatch;
import io.github.camelbtp.connectivity.dispatch.PrincipalPropagationMode;
import io.github.camelbtp.connectivity.http.ServiceClient;
import io.github.camelbtp.connectivity.tls.TlsCache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The engine's entry point: builds the engine ({@link #builder()}), resolves destinations and closes what it opened.
 * A request for destination NAME goes through the four steps of the {@link Pipeline}: <b>Find</b> (static
 * configuration, then the {@code destinations} environment variable, then the Destination Service), <b>Cache</b>
 * ({@link CachingDestinationLoader}), <b>Authenticate</b> ({@link Authenticator}) and <b>Dispatch</b> (direct, or
 * through the Connectivity proxy to the Cloud Connector).
 * <pre>{@code
 * try (BtpConnectivity btp = BtpConnectivity.builder().build()) {      // reads VCAP_SERVICES / SERVICE_BINDING_ROOT
 *     ResolvedDestination erp = btp.resolve("OnPremiseERP", DestinationOptions.NONE);
 * }
 * }</pre>
 * Thread-safe; create one per application and close it at shutdown.
 */
public final class BtpConnectivity implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(BtpConnectivity.class);

    /** SAP's Transparent Proxy defaults, adopted for {@code URL.connectionTimeoutInSeconds} / {@code URL.socketReadTimeoutInSeconds}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /** How often per destination a 401 of its target drops cached credentials. */
    public static final Duration REJECTION_INTERVAL = Duration.ofSeconds(10);

    /**
     * The environment variable with the address of SAP's Transparent Proxy destination gateway (see
     * {@link Builder#transparentProxy(String)}). SAP defines no variable for it (a deployment names the Kubernetes
     * service the proxy created), so the name is the environment form of the starter's
     * {@code camel.btp.transparent-proxy}: Spring Boot's relaxed binding reads the same variable as that property,
     * so one line in a Kyma Deployment turns the proxy on for plain Camel, Camel Main and Spring Boot alike.
     */
    public static final String TRANSPARENT_PROXY_VARIABLE = "CAMEL_BTP_TRANSPARENTPROXY";

    private final ServiceBindings bindings;
    private final ServiceClient http;
    private final CachingDestinationLoader destinations;
    private final Pipeline pipeline;
    private final ServiceCheck serviceCheck;
    private final Diagnosis diagnosis;
    /** {@code null} without a Destination Service binding. */
    private final DestinationServiceLoader destinationService;
    private final RejectedCredentials rejectedCredentials;
    private final Duration failoverRetryWindow;
    private final DestinationCircuitBreakers circuitBreakers;
    /** Key and trust stores this engine opened; cleared when it closes. */
    private final TlsCache tlsCache = new TlsCache();
    /** Who observes this engine (metrics, audit); empty unless someone {@linkplain #addListener listens}. */
    private final ConnectivityListeners listeners = new ConnectivityListeners();

    private BtpConnectivity(Builder b) {
        this.bindings = b.bindings != null ? b.bindings : ServiceBindings.fromEnvironment();
        this.failoverRetryWindow = b.failoverRetryWindow;
        this.http = new ServiceClient(b.serviceTimeout, b.serviceTimeout, b.serviceTrust);
        // the Connectivity proxy, when the application has a connectivity binding (or a proxy in trusted mode): the
        // Dispatch step sends on-premise traffic through it, the token service reaches token services behind it
        ConnectivityCredentials connectivity = b.connectivityProxy != null ? b.connectivityProxy
                : bindings.connectivity(b.connectivityServiceInstance).orElse(null);
        TokenService tokens = new TokenService(http, b.clock, b.tokenRefreshMargin, connectivity, b.serviceTimeout,
                b.trustedMultiTenantProxy, listeners);
        // Find: static configuration first, then the environment variable, then the Destination Service
        List<DestinationLoader> loaders = new ArrayList<>();
        if (!b.staticDestinations.isEmpty()) {
            loaders.add(new StaticDestinationLoader(b.staticDestinations));
        }
        if (b.environmentDestinations != null) {
            loaders.add(new EnvironmentDestinationLoader(b.environmentDestinations));
        }
        String transparentProxy = b.transparentProxy != null ? b.transparentProxy : b.environment.apply(TRANSPARENT_PROXY_VARIABLE);
        DestinationServiceLoader destinationService = null;
        if (transparentProxy != null && !transparentProxy.isBlank()) {
            // SAP's Transparent Proxy finds, authenticates and takes the Connectivity hop itself: the engine makes no
            // Destination Service or token call of its own [destination-gateway-dynamic-lookup-of-destinations-6836e00]
            TransparentProxyLoader gateway = new TransparentProxyLoader(transparentProxy);
            loaders.add(gateway);
            LOG.info("camel-btp sends destinations it does not configure itself to {}.", gateway.describe());
        } else {
            destinationService = bindings.destinationService(b.destinationServiceInstance)
                    .map(credentials -> new DestinationServiceLoader(credentials, TenantTokens.forBinding(tokens,
                            credentials.client(), b.serviceTimeout, "destination"), http, b.clock))
                    .orElse(null);
        }
        if (destinationService != null) {
            loaders.add(destinationService);
        }
        if (loaders.isEmpty()) {
            LOG.warn("camel-btp has no destination source ({}): every destination lookup will fail. To get destinations,"
                    + " {}.", bindings.origin(), DestinationNotFoundException.SOURCES);
        }
        // Cache
        ChainedDestinationLoader sources = new ChainedDestinationLoader(loaders);
        this.destinations = new CachingDestinationLoader(sources, b.cachePolicy, b.clock, listeners);
        // Authenticate
        Authenticator authenticator = new Authenticator(tokens, tlsCache);
        // Dispatch: through the Connectivity proxy when there is one
        Optional<ConnectivityProxy> proxy = Optional.ofNullable(tokens.connectivityProxy());
        OnPremiseHttpDispatch onPremise = proxy.map(p -> new OnPremiseHttpDispatch(p).propagationMode(b.propagationMode))
                .orElse(null);
        OnPremiseSocksDispatch onPremiseSocks = proxy.map(p -> new OnPremiseSocksDispatch(p, DEFAULT_CONNECT_TIMEOUT,
                b.failoverRetryWindow))
                .orElse(null);
        this.pipeline = new Pipeline(destinations, !loaders.isEmpty(), authenticator, onPremise, onPremiseSocks,
                tlsCache, bindings.origin());
        this.serviceCheck = new ServiceCheck(destinationService, onPremise, b.serviceTimeout);
        this.destinationService = destinationService;
        this.diagnosis = new Diagnosis(bindings, destinationService, loaders.isEmpty() ? null : sources, pipeline, onPremise,
                proxy.map(ConnectivityProxy::credentials).orElse(null), DEFAULT_CONNECT_TIMEOUT);
        this.rejectedCredentials = new RejectedCredentials(b.clock, destinations::invalidate, authenticator, listeners);
        this.circuitBreakers = b.circuitBreaker == null ? DestinationCircuitBreakers.off()
                : DestinationCircuitBreakers.of(b.circuitBreaker, b.clock);
    }

    /**
     * How long idempotent on-premise requests are sent again while a Cloud Connector fails over (the Connectivity
     * proxy answering 503 "no Cloud Connector", connections through it breaking); zero: not at all. The components
     * give it to their {@code DestinationHttpClient}; the engine gives it to its SOCKS5 sockets, whose connects ride out a
     * failover the same way (docs/reliability.md).
     */
    public Duration failoverRetryWindow() {
        return failoverRetryWindow;
    }

    /**
     * The per-destination circuit breakers (off unless {@link Builder#circuitBreaker} was set): a component enters
     * the destination's breaker after resolving it and before sending anything.
     */
    public DestinationCircuitBreakers circuitBreakers() {
        return circuitBreakers;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Steps 1–2: the destination as its source returned it (from cache when fresh).
     *
     * @throws DestinationNotFoundException when no source knows the name
     */
    public Destination destination(String name, DestinationOptions options) {
        return pipeline.find(name, options);
    }

    /**
     * Steps 1–4 for a destination of any type, found once: an HTTP destination as {@link #resolve(Destination,
     * DestinationOptions)} resolves it, a MAIL, LDAP or TCP destination as {@link #resolveSocket} does. A component
     * calls this once per exchange and hands the result to the transport for {@link Resolved#type()}.
     *
     * @throws DestinationConfigurationException for an RFC destination (btp-rfc's), as for the other methods
     */
    public Resolved resolveAny(String name, DestinationOptions options) {
        return pipeline.resolve(pipeline.find(name, options), options);
    }

    /** Steps 1–4 for an HTTP destination: what to send where, with which headers, through which proxy. */
    public ResolvedDestination resolve(String name, DestinationOptions options) {
        return pipeline.http(pipeline.find(name, options), options);
    }

    /**
     * Steps 3–4 for a destination a component derived itself, for example the HTTP endpoint btp-rfc derives from an
     * RFC destination's {@code jco.*} properties: it must have {@code Type=HTTP} and a {@code URL}, and is
     * authenticated and dispatched exactly as a destination found by name (so the Connectivity proxy, location ID
     * and every authentication type apply to it as well).
     */
    public ResolvedDestination resolve(Destination destination, DestinationOptions options) {
        return pipeline.http(destination, options);
    }

    /**
     * Steps 1, 2 and 4 for a MAIL, LDAP or TCP destination: the destination and the socket factory its connections
     * must use — the JDK's default for Internet, SAP's SOCKS5 (method 0x80) through the Cloud Connector for
     * OnPremise. Authentication to the system itself ({@code mail.user}, {@code ldap.user}, …) is the protocol's.
     *
     * @throws DestinationConfigurationException when the destination is of type HTTP or RFC, or OnPremise without a
     *                                           connectivity binding that has a SOCKS5 port
     */
    public SocketDestination resolveSocket(String name, DestinationOptions options) {
        return pipeline.sockets(pipeline.find(name, options), options);
    }

    /** Step 4 for a MAIL, LDAP or TCP destination already found, for example after checking its type. */
    public SocketDestination resolveSocket(Destination destination, DestinationOptions options) {
        return pipeline.sockets(destination, options);
    }

    /**
     * Checks the services the engine depends on, for readiness checks: the Destination Service binding's token, and
     * the Connectivity proxy (its token unless in trusted mode, and a TCP connection to its HTTP port). Tokens come
     * from the same cache requests use, so a check costs a token request only when none is cached. An empty list
     * means the engine uses no BTP service (destinations from configuration only).
     */
    public List<ServiceStatus> checkServices() {
        return serviceCheck.run();
    }

    /**
     * Walks the hops of destination {@code name} as a request would take them — binding, service token, destination,
     * authentication, connectivity token, proxy, Cloud Connector, backend — and reports each, with SAP's documented
     * cause and fix for the first that fails. Never throws for a failed hop. The destination is looked up past the
     * cache; the backend gets a HEAD (GET when it answers HEAD with 405) to its URL plus {@code path}.
     *
     * @param path    the path for the backend hop, relative to the destination's URL ("" or {@code null}: the URL)
     * @param backend the backend check for MAIL, LDAP and TCP destinations ({@link BackendCheck#NONE}: skipped)
     */
    public DiagnosisReport diagnose(String name, String path, DestinationOptions options, BackendCheck backend) {
        return diagnosis.run(name, path, options, backend);
    }

    /**
     * Like {@link #diagnose(String, String, DestinationOptions, BackendCheck)} for a destination that travels over HTTP
     * with a protocol of its own (btp-rfc's SOAP-RFC): the hops after the lookup are walked for
     * {@link HttpBackendCheck#httpDestination}, and {@code backend} sends the protocol's request for the Cloud Connector
     * and backend hops. Never throws for a failed hop.
     */
    public DiagnosisReport diagnose(String name, String path, DestinationOptions options, HttpBackendCheck backend) {
        return diagnosis.run(name, path, options, backend);
    }

    /**
     * The names of every destination the bound Destination Service lists at service-instance and subaccount level
     * (its admin API), for tools that check them all; empty without a Destination Service binding.
     *
     * @throws DestinationServiceException when the service refuses the listing or cannot be reached
     */
    public List<String> destinationNames() {
        return destinationService == null ? List.of() : destinationService.names();
    }

    /**
     * Tells the engine that the target answered a request for {@code resolved} with 401: its credentials were
     * rejected although the cache still holds them (a token revoked before its expiry, a password changed in the
     * cockpit). The next request then gets fresh ones: a destination of the Destination Service is looked up again
     * (with its authTokens), a client-side OAuth token is requested again. At most once per destination every
     * {@link #REJECTION_INTERVAL}, so a target that refuses everything cannot drive a request to the Destination Service
     * for each of its answers. The rejected request itself is not repeated (it may not be idempotent).
     *
     * @return whether cached credentials were dropped
     */
    public boolean credentialsRejected(ResolvedDestination resolved, DestinationOptions options) {
        return rejectedCredentials.rejected(resolved, options);
    }

    /**
     * Registers a listener told what the engine does (lookups and their cache result, token requests, rejected
     * credentials), for metrics and audit logs; see {@link ConnectivityListener}. A listener equal to one registered
     * already is not added twice.
     *
     * @return whether it was added
     */
    public boolean addListener(ConnectivityListener listener) {
        return listeners.add(listener);
    }

    /** @return whether it was registered */
    public boolean removeListener(ConnectivityListener listener) {
        return listeners.remove(listener);
    }

    /** Forgets the cached destination (all tenants), e.g. after it was changed in the cockpit. */
    public void invalidate(String name) {
        destinations.invalidate(name);
    }

    public ServiceBindings bindings() {
        return bindings;
    }

    @Override
    public void close() {
        destinations.close();
        tlsCache.close();
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "BtpConnectivity[sources=" + destinations.describe() + ", connectivity=" + pipeline.onPremiseConfigured() + "]";
    }

    /** Configures the engine. Every setting has a sensible default. */
    public static final class Builder {
        private ServiceBindings bindings;
        private final List<Destination> staticDestinations = new ArrayList<>();
        private String environmentDestinations = System.getenv(EnvironmentDestinationLoader.VARIABLE);
        private CachePolicy cachePolicy = CachePolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private Duration serviceTimeout = Duration.ofSeconds(6);
        private Duration tokenRefreshMargin = Duration.ofSeconds(30);
        private PrincipalPropagationMode propagationMode = PrincipalPropagationMode.CONNECTIVITY_AUTHENTICATION_HEADER;
        private List<java.security.cert.X509Certificate> serviceTrust = List.of();
        private ConnectivityCredentials connectivityProxy;
        private boolean trustedMultiTenantProxy;
        private String destinationServiceInstance;
        private String connectivityServiceInstance;
        private String transparentProxy;
        private UnaryOperator<String> environment = System::getenv;
        private Duration failoverRetryWindow = io.github.camelbtp.connectivity.http.RetryPolicy.DEFAULT_FAILOVER_WINDOW;

        /**
         * How long idempotent on-premise requests (GET, HEAD, OPTIONS, PUT, DELETE) are sent again, with exponential
         * backoff and jitter and never past the exchange's deadline, while the Connectivity proxy answers 503 "no
         * Cloud Connector" or connections through it break — a Cloud Connector failover from master to shadow
         * [configure-access-control-http-e7d4927]. Non-idempotent requests are never sent again. Default 5 s; zero
         * turns it off.
         */
        public Builder failoverRetryWindow(Duration window) {
            if (window == null || window.isNegative()) {
                throw new IllegalArgumentException("failoverRetryWindow must be zero or positive: " + window);
            }
            this.failoverRetryWindow = window;
            return this;
        }
        private CircuitBreakerSettings circuitBreaker;

        /**
         * The address of SAP's Transparent Proxy destination gateway on Kubernetes/Kyma, e.g.
         * {@code http://transparent-proxy.default.svc.cluster.local} — the service of a Destination custom resource
         * with {@code destinationRef.name: "*"} [destination-gateway-dynamic-lookup-of-destinations-6836e00]. Set, a
         * destination the application does not configure itself (static, {@code destinations} variable) is not looked
         * up: HTTP requests for it go to the gateway with {@code X-Destination-Name}, and the proxy finds,
         * authenticates and reaches the Cloud Connector. Unset, the variable {@value #TRANSPARENT_PROXY_VARIABLE} is
         * read; blank there too, the Destination Service binding is used as usual.
         */
        public Builder transparentProxy(String gatewayUrl) {
            this.transparentProxy = gatewayUrl;
            return this;
        }

        /** For tests: where environment variables ({@value #TRANSPARENT_PROXY_VARIABLE}) are read; default the process's. */
        public Builder environment(UnaryOperator<String> getenv) {
            this.environment = getenv;
            return this;
        }

        /**
         * The Destination Service instance to use when several are bound: its name (VCAP_SERVICES {@code name};
         * Kubernetes: the binding folder's name) [multiple-destination-service-instances-1b1c3b7]. Unset, exactly one
         * may be bound: with several, {@link #build()} fails listing their names. A name that is not bound fails too.
         */
        public Builder destinationServiceInstance(String name) {
            this.destinationServiceInstance = name;
            return this;
        }

        /**
         * The Connectivity Service instance to use when several are bound, by name, as
         * {@link #destinationServiceInstance(String)}. Not consulted with {@link #connectivityProxy(String, int, int)}.
         */
        public Builder connectivityServiceInstance(String name) {
            this.connectivityServiceInstance = name;
            return this;
        }

        /**
         * A Connectivity proxy in trusted mode, used instead of the connectivity binding: on Kyma
         * {@code connectivityProxy("connectivity-proxy.kyma-system.svc.cluster.local", 20003, 20004)} (the values of
         * the {@code kyma-system/connectivity-proxy-info} ConfigMap). Requests carry no {@code Proxy-Authorization};
         * the location ID and principal propagation headers as usual. MAIL, LDAP and TCP destinations use the SOCKS5
         * port without a connectivity token (trusted mode disables proxy authorization on SOCKS5 too
         * [configuration-guide-eaa8204]); there a destination with a {@code CloudConnectorLocationId} is refused,
         * since only SAP's token-carrying SOCKS5 authentication can send it.
         *
         * @param socks5Port {@code 0} for none
         */
        public Builder connectivityProxy(String host, int httpPort, int socks5Port) {
            this.connectivityProxy = ConnectivityCredentials.trusted(host, httpPort, socks5Port);
            return this;
        }

        /**
         * Kyma's Connectivity Proxy in multi-tenant trusted mode [operational-modes-148bbad]: proxy authorization is
         * off, but the proxy serves several tenants, so every request names its tenant with
         * {@code SAP-CP-Connectivity-Service-Token: <the tenant's connectivity token>} instead of
         * {@code Proxy-Authorization}. The tokens come from the connectivity binding's client (a service key of the
         * {@code connectivity_proxy} instance, with the cluster's proxy host and ports); principal propagation only as
         * {@code SAP-Connectivity-Authentication}. MAIL, LDAP and TCP keep SAP's SOCKS5 authentication, which carries
         * the tenant's token. Default {@code false}.
         */
        public Builder trustedMultiTenantProxy(boolean trustedMultiTenant) {
            this.trustedMultiTenantProxy = trustedMultiTenant;
            return this;
        }

        /**
         * CA certificates trusted, besides the JDK's, on the mutual-TLS token calls of X.509 service bindings
         * ({@code certurl}), for example a corporate TLS inspection CA.
         */
        public Builder serviceTrust(Collection<java.security.cert.X509Certificate> certificates) {
            this.serviceTrust = List.copyOf(certificates);
            return this;
        }

        /** How PrincipalPropagation destinations carry the user to the Connectivity proxy (default: SAP-Connectivity-Authentication). */
        public Builder principalPropagationMode(PrincipalPropagationMode mode) {
            this.propagationMode = mode;
            return this;
        }

        /** Service bindings to use; default {@link ServiceBindings#fromEnvironment()}. */
        public Builder serviceBindings(ServiceBindings bindings) {
            this.bindings = bindings;
            return this;
        }

        /** Destinations from configuration; asked first. */
        public Builder staticDestinations(Collection<Destination> destinations) {
            this.staticDestinations.addAll(destinations);
            return this;
        }

        /** The value of the {@code destinations} variable; default: the process environment's. {@code null} disables it. */
        public Builder environmentDestinations(String json) {
            this.environmentDestinations = json;
            return this;
        }

        public Builder cachePolicy(CachePolicy cachePolicy) {
            this.cachePolicy = cachePolicy;
            return this;
        }

        /** Connect and read timeout for calls to the Destination Service and the bindings' token services (default 6 s). */
        public Builder serviceTimeout(Duration serviceTimeout) {
            this.serviceTimeout = serviceTimeout;
            return this;
        }

        /** How long before expiry OAuth tokens are renewed (default 30 s). */
        public Builder tokenRefreshMargin(Duration margin) {
            this.tokenRefreshMargin = margin;
            return this;
        }

        /**
         * Turns the per-destination circuit breaker on ({@code null}, the default: off): one breaker per tenant and
         * destination name, judged by {@code settings}; see {@link DestinationCircuitBreakers}.
         */
        public Builder circuitBreaker(CircuitBreakerSettings settings) {
            this.circuitBreaker = settings;
            return this;
        }

        /** For tests: the clock caches and token lifetimes are measured with. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public BtpConnectivity build() {
            return new BtpConnectivity(this);
        }
    }
}
