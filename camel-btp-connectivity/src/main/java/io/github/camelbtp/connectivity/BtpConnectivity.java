package io.github.camelbtp.connectivity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.camelbtp.connectivity.auth.Authentication;
import io.github.camelbtp.connectivity.auth.Authenticator;
import io.github.camelbtp.connectivity.auth.TokenService;
import io.github.camelbtp.connectivity.binding.ConnectivityCredentials;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.cache.CachePolicy;
import io.github.camelbtp.connectivity.cache.CachingDestinationLoader;
import io.github.camelbtp.connectivity.destination.ChainedDestinationLoader;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationLoader;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.destination.DestinationServiceLoader;
import io.github.camelbtp.connectivity.destination.EnvironmentDestinationLoader;
import io.github.camelbtp.connectivity.destination.EnumeratedProperty;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.dispatch.DirectDispatch;
import io.github.camelbtp.connectivity.dispatch.DispatchPlan;
import io.github.camelbtp.connectivity.dispatch.OnPremiseHttpDispatch;
import io.github.camelbtp.connectivity.dispatch.OnPremiseSocksDispatch;
import io.github.camelbtp.connectivity.dispatch.PrincipalPropagationMode;
import io.github.camelbtp.connectivity.dispatch.ProxyAddress;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.http.ServiceClient;
import io.github.camelbtp.connectivity.tls.TlsMaterial;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The engine's entry point. A request for destination NAME goes through four steps:
 * <b>Find</b> (static configuration, then the {@code destinations} environment variable, then the Destination
 * Service), <b>Cache</b> ({@link CachingDestinationLoader}), <b>Authenticate</b> ({@link Authenticator}) and
 * <b>Dispatch</b> (direct, or through the Connectivity proxy to the Cloud Connector).
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

    private final ServiceBindings bindings;
    private final ServiceClient http;
    private final CachingDestinationLoader destinations;
    private final Authenticator authenticator;
    private final DirectDispatch direct = new DirectDispatch();
    private final OnPremiseHttpDispatch onPremise;
    private final OnPremiseSocksDispatch onPremiseSocks;
    private final TokenService tokens;
    private final Duration serviceTimeout;
    /** The Destination Service loader, {@code null} without a destination binding. */
    private final DestinationServiceLoader destinationService;
    /** Whether any source (static, environment variable, Destination Service) is configured. */
    private final boolean hasSources;
    /** Destinations whose credentials a target rejected lately: see {@link #credentialsRejected}. */
    private final Cache<String, Boolean> recentRejections;

    /** How often per destination a 401 of its target drops cached credentials. */
    public static final Duration REJECTION_INTERVAL = Duration.ofSeconds(10);

    private BtpConnectivity(Builder b) {
        this.bindings = b.bindings != null ? b.bindings : ServiceBindings.fromEnvironment();
        this.http = new ServiceClient(b.serviceTimeout, b.serviceTimeout, b.serviceTrust);
        this.tokens = new TokenService(http, b.clock, b.tokenRefreshMargin);
        this.serviceTimeout = b.serviceTimeout;
        Clock clock = b.clock;
        this.recentRejections = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REJECTION_INTERVAL)
                .ticker(() -> clock.millis() * 1_000_000L).build();
        List<DestinationLoader> loaders = new ArrayList<>();
        if (!b.staticDestinations.isEmpty()) {
            loaders.add(new StaticDestinationLoader(b.staticDestinations));
        }
        if (b.environmentDestinations != null) {
            loaders.add(new EnvironmentDestinationLoader(b.environmentDestinations));
        }
        this.destinationService = bindings.destinationService(b.destinationServiceInstance).map(credentials ->
                new DestinationServiceLoader(credentials, tokens, http, b.clock, b.serviceTimeout)).orElse(null);
        if (destinationService != null) {
            loaders.add(destinationService);
        }
        this.destinations = new CachingDestinationLoader(new ChainedDestinationLoader(loaders), b.cachePolicy, b.clock);
        this.hasSources = !loaders.isEmpty();
        if (!hasSources) {
            LOG.warn("camel-btp has no destination source ({}): every destination lookup will fail. To get destinations,"
                    + " {}.", bindings.origin(), DestinationNotFoundException.SOURCES);
        }
        this.authenticator = new Authenticator(tokens);
        Optional<ConnectivityCredentials> connectivity = b.connectivityProxy != null ? Optional.of(b.connectivityProxy)
                : bindings.connectivity(b.connectivityServiceInstance);
        this.onPremise = connectivity.map(c -> new OnPremiseHttpDispatch(c, tokens, b.serviceTimeout)
                .propagationMode(b.propagationMode)).orElse(null);
        if (onPremise != null) {
            tokens.onPremiseRoute(onPremise::proxyHop);
        }
        this.onPremiseSocks = connectivity.map(c -> new OnPremiseSocksDispatch(c, tokens, b.serviceTimeout,
                DEFAULT_CONNECT_TIMEOUT)).orElse(null);
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
        if (!hasSources) {
            throw DestinationNotFoundException.noSource(name);
        }
        return destinations.load(name, options)
                .orElseThrow(() -> new DestinationNotFoundException(name, destinations.describe()));
    }

    /** Steps 1–4 for an HTTP destination: what to send where, with which headers, through which proxy. */
    public ResolvedDestination resolve(String name, DestinationOptions options) {
        return resolve(destination(name, options), options);
    }

    /**
     * Steps 1–4 for a destination of any type, found once: an HTTP destination as {@link #resolve(Destination,
     * DestinationOptions)} resolves it, a MAIL, LDAP or TCP destination as {@link #resolveSocket} does. A component
     * calls this once per exchange and hands the result to the transport for {@link Resolved#type()}.
     *
     * @throws DestinationConfigurationException for an RFC destination (btp-rfc's), as for the other methods
     */
    public Resolved resolveAny(String name, DestinationOptions options) {
        Destination destination = destination(name, options);
        return destination.type().onSockets() ? resolveSocket(destination, options) : resolve(destination, options);
    }

    /**
     * Steps 3–4 for a destination a component derived itself, for example the HTTP endpoint btp-rfc derives from an
     * RFC destination's {@code jco.*} properties: it must have {@code Type=HTTP} and a {@code URL}, and is
     * authenticated and dispatched exactly as a destination found by name (so the Connectivity proxy, location ID
     * and every authentication type apply to it as well).
     */
    public ResolvedDestination resolve(Destination destination, DestinationOptions options) {
        String name = destination.name();
        if (destination.type() != io.github.camelbtp.connectivity.destination.DestinationType.HTTP) {
            throw new DestinationConfigurationException(name, DestinationProperty.TYPE, "is '" + destination.type()
                    + "', but an HTTP destination was expected here.");
        }
        URI url = url(destination);
        // how the bytes travel first: a destination that cannot be dispatched (https on OnPremise, no connectivity
        // binding) fails before a client-side token flow runs for nothing
        // what the authentication type needs (properties, the user's token) is checked before anything is sent
        authenticator.validate(destination, options);
        DispatchPlan plan = dispatch(destination, options);
        Authentication authentication = authenticator.authenticate(destination, options);
        List<HttpHeader> headers = new ArrayList<>(authentication.headers());
        headers.addAll(sapSystemHeaders(destination));
        destination.propertiesWithPrefix(DestinationProperty.URL_HEADERS_PREFIX).forEach((k, v) -> headers.add(new HttpHeader(k, v)));
        headers.addAll(plan.headers());
        return new ResolvedDestination(destination, url, headers,
                destination.propertiesWithPrefix(DestinationProperty.URL_QUERIES_PREFIX), plan.proxy(),
                Authenticator.seconds(destination, DestinationProperty.CONNECTION_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                Authenticator.seconds(destination, DestinationProperty.READ_TIMEOUT, DEFAULT_READ_TIMEOUT),
                authentication.challengeCredentials(), tls(destination, url));
    }

    /**
     * {@code sap-client} and {@code sap-language} of an HTTP destination to an SAP system, as request headers — what
     * SAP's SDKs do (facts §2): without them the request silently runs in the system's default client.
     * A {@code URL.headers.*} entry of the same name wins.
     */
    private static List<HttpHeader> sapSystemHeaders(Destination destination) {
        List<HttpHeader> headers = new ArrayList<>(2);
        java.util.Set<String> urlHeaders = new java.util.HashSet<>();
        destination.propertiesWithPrefix(DestinationProperty.URL_HEADERS_PREFIX).keySet()
                .forEach(k -> urlHeaders.add(k.toLowerCase(Locale.ROOT)));
        for (SapSystemHeader header : SapSystemHeader.values()) {
            destination.property(header.property).map(String::trim)
                    .filter(v -> !v.isEmpty() && !urlHeaders.contains(header.property)).ifPresent(value -> {
                        if (!header.shape.matcher(value).matches()) {
                            throw new DestinationConfigurationException(destination.name(), header.property, "is '"
                                    + DestinationProperty.forMessage(header.property, value) + "', but " + header.expected);
                        }
                        headers.add(new HttpHeader(header.property, value));
                    });
        }
        return headers;
    }

    /** The properties {@link #sapSystemHeaders} sends as headers of the same name, and the values each accepts. */
    private enum SapSystemHeader {
        CLIENT(DestinationProperty.SAP_CLIENT, "\\d{3}", "an ABAP client is three digits, for example 100."),
        LANGUAGE(DestinationProperty.SAP_LANGUAGE, "[A-Za-z0-9]{1,2}|[A-Za-z]{2,3}[-_][A-Za-z]{2}",
                "a logon language is an SAP language key or ISO code such as EN, DE or en-US.");

        final String property;
        final java.util.regex.Pattern shape;
        final String expected;

        SapSystemHeader(String property, String shape, String expected) {
            this.property = property;
            this.shape = java.util.regex.Pattern.compile(shape);
            this.expected = expected;
        }
    }

    /** The destination's TLS material; a client certificate only makes sense on an https URL [client-certificate-authentication-4e13a04]. */
    private static TlsMaterial tls(Destination destination, URI url) {
        if (destination.authentication() == io.github.camelbtp.connectivity.auth.AuthenticationType.ClientCertificateAuthentication && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.URL, "is '" + url
                    + "', but ClientCertificateAuthentication presents its certificate in the TLS handshake and needs an"
                    + " https:// URL.");
        }
        return TlsMaterial.of(destination);
    }

    private static URI url(Destination destination) {
        String value = destination.requireProperty(DestinationProperty.URL, "an HTTP destination needs the address to call");
        URI url;
        try {
            url = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.URL, "is not a valid URL: '"
                    + DestinationProperty.forMessage(DestinationProperty.URL, value) + "'.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.URL,
                    "must be an absolute http:// or https:// URL, was '" + DestinationProperty.forMessage(DestinationProperty.URL, value) + "'.");
        }
        if (url.getRawUserInfo() != null) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.URL,
                    "must not carry credentials; use User/Password with BasicAuthentication.");
        }
        return url;
    }

    private DispatchPlan dispatch(Destination destination, DestinationOptions options) {
        if (!destination.isOnPremise()) {
            return direct.plan(destination);
        }
        if (onPremise == null) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.PROXY_TYPE, "is OnPremise,"
                    + " but the application has no 'connectivity' service binding (" + bindings.origin() + "). Bind an"
                    + " instance of the Connectivity Service (plan lite) so requests can reach the Cloud Connector.");
        }
        return onPremise.plan(destination, options);
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
        return resolveSocket(destination(name, options), options);
    }

    private SocketDestination resolveSocket(Destination destination, DestinationOptions options) {
        String name = destination.name();
        io.github.camelbtp.connectivity.destination.DestinationType type = destination.type();
        if (!type.onSockets()) {
            throw new DestinationConfigurationException(name, DestinationProperty.TYPE, "is '" + type
                    + "', but a MAIL, LDAP or TCP destination was expected here.");
        }
        // LDAP destinations name their proxy type ldap.proxyType [ldap-destinations-8cb290f]; ProxyType is read too
        boolean onPremiseTarget = destination.isOnPremise() || type == io.github.camelbtp.connectivity.destination.DestinationType.LDAP
                && "OnPremise".equals(EnumeratedProperty.LDAP_PROXY_TYPE.of(destination));
        if (!onPremiseTarget) {
            return new SocketDestination(destination, javax.net.SocketFactory.getDefault(), false);
        }
        if (onPremiseSocks == null) {
            throw new DestinationConfigurationException(name, DestinationProperty.PROXY_TYPE, "is OnPremise,"
                    + " but the application has no 'connectivity' service binding (" + bindings.origin() + "). Bind an"
                    + " instance of the Connectivity Service (plan lite) so connections can reach the Cloud Connector.");
        }
        return new SocketDestination(destination, onPremiseSocks.socketFactory(destination, options.tenant()), true);
    }

    /**
     * Checks the services the engine depends on, for readiness checks: the Destination Service binding's token, and
     * the Connectivity proxy (its token unless in trusted mode, and a TCP connection to its HTTP port). Tokens come
     * from the same cache requests use, so a check costs a token request only when none is cached. An empty list
     * means the engine uses no BTP service (destinations from configuration only).
     */
    public List<ServiceStatus> checkServices() {
        List<ServiceStatus> result = new ArrayList<>(2);
        if (destinationService != null) {
            String service = "Destination Service";
            try {
                destinationService.checkToken();
                result.add(new ServiceStatus(service, true, "binding token obtained; " + destinationService.describe()));
            } catch (BtpConnectivityException e) {
                result.add(new ServiceStatus(service, false, e.getMessage()));
            }
        }
        if (onPremise != null) {
            String service = "Connectivity proxy";
            try {
                ProxyAddress proxy = onPremise.proxyHop(null, "").proxy();
                try (java.net.Socket socket = new java.net.Socket()) {
                    socket.connect(new java.net.InetSocketAddress(proxy.host(), proxy.port()),
                            (int) Math.min(serviceTimeout.toMillis(), Integer.MAX_VALUE));
                }
                result.add(new ServiceStatus(service, true, (onPremise.trusted() ? "trusted mode; " : "token obtained; ")
                        + "accepts connections at " + proxy));
            } catch (BtpConnectivityException e) {
                result.add(new ServiceStatus(service, false, e.getMessage()));
            } catch (IOException e) {
                result.add(new ServiceStatus(service, false, "cannot connect to the Connectivity proxy: " + e.getMessage()
                        + ". Check the connectivity binding's onpremise_proxy_host and onpremise_proxy_http_port."));
            }
        }
        return result;
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
        Destination destination = resolved.destination();
        boolean fromService = DestinationServiceLoader.SOURCE.equals(destination.source());
        if (!fromService && !clientSideOAuth(destination)) {
            return false;
        }
        if (recentRejections.asMap().putIfAbsent(destination.name(), Boolean.TRUE) != null) {
            return false;
        }
        if (fromService) {
            destinations.invalidate(destination.name());
        } else if (!authenticator.forgetClientSideToken(destination, options)) {
            return false;
        }
        LOG.info("The target of destination '{}' rejected its credentials (401); the cached {} are dropped so the next"
                + " request gets fresh ones", destination.name(), fromService ? "destination and tokens" : "token");
        return true;
    }

    private static boolean clientSideOAuth(Destination destination) {
        return destination.authentication().name().startsWith("OAuth2");
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
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "BtpConnectivity[sources=" + destinations.describe() + ", connectivity=" + (onPremise != null) + "]";
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
        private String destinationServiceInstance;
        private String connectivityServiceInstance;

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
