package io.github.camelbtp.sandbox;

import static io.github.camelbtp.sandbox.demo.DemoDestinations.CLOUD_API_CLIENT_ID;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.CONNECTIVITY_CLIENT_ID;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.DESTINATION_CLIENT_ID;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.DESTINATION_INSTANCE_ID;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_PASSWORD;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_USER;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SUBACCOUNT_ID;

import io.github.camelbtp.sandbox.cloud.CloudApiService;
import io.github.camelbtp.sandbox.connectivity.CloudConnector;
import io.github.camelbtp.sandbox.connectivity.ConnectivityService;
import io.github.camelbtp.sandbox.connectivity.Socks5Proxy;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.demo.DemoLandscape;
import io.github.camelbtp.sandbox.destination.Certificates;
import io.github.camelbtp.sandbox.destination.DestinationService;
import io.github.camelbtp.sandbox.destination.Destinations;
import io.github.camelbtp.sandbox.destination.Tenants;
import io.github.camelbtp.sandbox.observe.Counters;
import io.github.camelbtp.sandbox.observe.Faults;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.observe.RecordedRequests;
import io.github.camelbtp.sandbox.onpremise.DemoDirectory;
import io.github.camelbtp.sandbox.onpremise.DemoMailServer;
import io.github.camelbtp.sandbox.onpremise.EchoService;
import io.github.camelbtp.sandbox.onpremise.abap.AbapSystem;
import io.github.camelbtp.sandbox.onpremise.sales.SalesOrderService;
import io.github.camelbtp.sandbox.onpremise.sales.SalesOrders;
import io.github.camelbtp.sandbox.token.OAuthClients;
import io.github.camelbtp.sandbox.token.SandboxUsers;
import io.github.camelbtp.sandbox.token.TokenAuthority;
import io.github.camelbtp.sandbox.token.TokenServiceHostNames;
import io.github.camelbtp.sandbox.token.Xsuaa;
import io.github.camelbtp.sandbox.transparentproxy.TransparentProxy;
import io.github.camelbtp.sandbox.wire.HttpsBackend;
import io.github.camelbtp.sandbox.wire.Loopback;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, faithful copy of the SAP BTP side of connectivity, started in-process on free loopback ports: an XSUAA-like
 * token service, the Destination Service REST API, the Connectivity Service's proxies enforcing Cloud Connector rules,
 * SAP's Transparent Proxy, and demo backends. {@link #vcapServices()} returns bindings in Cloud Foundry's
 * {@code VCAP_SERVICES} shape, so a client reads the sandbox exactly as it reads a real landscape:
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start()) {
 *     sandbox.writeVcapServices(Path.of("target/vcap.json"));  // then run the code under test against the binding
 *     assertThat(sandbox.counters().proxiedCalls()).isEqualTo(1);
 * }
 * }</pre>
 *
 * Every public method is thread-safe. Nothing the sandbox logs or prints contains a secret.
 *
 * @see DemoDestinations the demo landscape
 * @see SandboxExtension the JUnit 5 extension
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    /** Configures a sandbox before it starts. Not thread-safe. */
    public static final class Builder {

        private Duration tokenLifetime = Duration.ofHours(12);
        private Clock clock = Clock.systemUTC();
        private boolean hostNames;
        private Path hostsFile = Optional.ofNullable(System.getProperty("jdk.net.hosts.file")).map(Path::of).orElse(null);

        private Builder() {
        }

        /** How long issued access tokens are valid (default 12 hours, as XSUAA's default); at least 1 second. */
        public Builder tokenLifetime(Duration lifetime) {
            if (Objects.requireNonNull(lifetime, "lifetime").toSeconds() < 1) {
                throw new IllegalArgumentException("token lifetime must be at least 1 second");
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * The clock the token authority issues and checks tokens by (default {@link Clock#systemUTC()}): a test passes
         * a clock it can move to see a token expire without waiting for it.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Serves the token service as on BTP too: {@code https://<subdomain>.<uaadomain>:<port>/oauth/token} for the
         * provider and every subscribed tenant, chosen by host name, over TLS with a certificate generated at start
         * ({@link #tokenServiceHostNames()}), in the RFC 2606 domain {@value TokenServiceHostNames#DEFAULT_DOMAIN}.
         * The bindings then read as XSUAA writes them: {@code url} {@code https://sandbox.<uaadomain>:<port>} and
         * {@code uaadomain}, so clients — the engine, SAP's SDKs — build a subscriber's token URL from them.
         * <p>
         * The names must resolve to loopback: a JVM started with {@code -Djdk.net.hosts.file=FILE} gets them written
         * into {@code FILE} as tenants subscribe (the JDK reads that file on every lookup); for other processes see
         * {@link #hostsFile(Path)}. Clients trust {@link Sandbox#tokenServiceCertificate()} explicitly. Off by default:
         * the quickstart runs inside Maven's JVM, where no hosts file can be set.
         */
        public Builder tokenServiceHostNames() {
            this.hostNames = true;
            return this;
        }

        /**
         * With {@link #tokenServiceHostNames()}: the file the token service's names are written to, as a hosts file
         * (default: the JVM's {@code jdk.net.hosts.file} system property, if set).
         */
        public Builder hostsFile(Path file) {
            this.hostsFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Starts the sandbox with the demo landscape; close it when done. */
        public Sandbox build() {
            return new Sandbox(this);
        }
    }

    private final Counters counters = new Counters();
    private final Faults faults = new Faults();
    private final RecordedRequests backendRequests = new RecordedRequests();
    private final RecordedRequests proxyRequests = new RecordedRequests();
    private final RecordedRequests serviceRequests = new RecordedRequests();
    private final Destinations destinations = new Destinations();
    private final Tenants tenants = new Tenants();
    private final Certificates certificates = new Certificates();
    private final CloudConnector cloudConnector = new CloudConnector();
    private final SalesOrders salesOrders = new SalesOrders();
    private final AbapSystem abapSystem = new AbapSystem(DemoDestinations.ABAP_SYSTEM_ID, counters, backendRequests);
    private final Resources resources = new Resources();
    private final Endpoints endpoints;
    private final Xsuaa xsuaa;
    private final DestinationService destinationService;
    private final ConnectivityService connectivity;
    private final DemoMailServer mailServer;
    private final DemoDirectory directory;
    private final EchoService echoService;
    private final TransparentProxy transparentProxy;
    private final Bindings bindings;
    /** The token service under host names over TLS, or null ({@link Builder#tokenServiceHostNames()}). */
    private final TokenServiceHostNames hostNames;

    /** The composition root: every server on a free loopback port, wired to the shared state, then the demo landscape. */
    private Sandbox(Builder builder) {
        try {
            ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(Loopback.daemonThreads("sandbox-delays"));
            resources.own(delays::shutdownNow);
            endpoints = Endpoints.open(resources);

            xsuaa = new Xsuaa(endpoints.token(), SUBACCOUNT_ID, builder.tokenLifetime, builder.clock,
                    endpoints.destination().uri().toString(), counters, faults, tenants, serviceRequests);
            String destinationSecret = xsuaa.newClient(DESTINATION_CLIENT_ID, OAuthClients.DEFAULT_SCOPES);
            String connectivitySecret = xsuaa.newClient(CONNECTIVITY_CLIENT_ID, OAuthClients.DEFAULT_SCOPES);
            String cloudApiSecret = xsuaa.newClient(CLOUD_API_CLIENT_ID, List.of("uaa.resource", "products.read"));
            TokenAuthority authority = xsuaa.authority();
            destinationService = new DestinationService(destinations, authority, DESTINATION_CLIENT_ID, SUBACCOUNT_ID,
                    DESTINATION_INSTANCE_ID, counters, faults, delays, xsuaa.assertions(), tenants, certificates,
                    cloudConnector, serviceRequests);
            destinationService.register(endpoints.destination());
            destinationService.trustTokenService(endpoints.token().uri());
            new SalesOrderService(salesOrders, counters, backendRequests, faults, SALES_USER, SALES_PASSWORD)
                    .register(endpoints.sales());
            new CloudApiService(authority, counters, backendRequests, faults, xsuaa.assertions()).register(endpoints.cloudApi());
            DemoLandscape.users(abapSystem).register(endpoints.abap());
            connectivity = own(new ConnectivityService(authority, CONNECTIVITY_CLIENT_ID, SUBACCOUNT_ID, cloudConnector,
                    tenants, counters, proxyRequests));
            connectivity.faults(faults);
            mailServer = own(new DemoMailServer());
            directory = own(new DemoDirectory());
            echoService = own(new EchoService());

            endpoints.start();
            connectivity.start();
            mailServer.start();
            directory.start();
            echoService.start();
            transparentProxy = own(new TransparentProxy(destinationService, tenants, authority, CONNECTIVITY_CLIENT_ID,
                    new java.net.InetSocketAddress(proxyHost(), proxyHttpPort()), serviceRequests));

            hostNames = builder.hostNames ? own(xsuaa.serveHostNames(TokenServiceHostNames.DEFAULT_DOMAIN, tenants,
                    builder.hostsFile)) : null;
            bindings = Bindings.of(new Bindings.TokenService(hostNames == null ? endpoints.token().uri()
                    : hostNames.providerUri(), hostNames == null ? null : hostNames.uaaDomain(),
                    authority.verificationKeyPem()), endpoints.destination().uri(), proxyHost(), proxyHttpPort(),
                    connectivity.socks5Proxy().port(), destinationSecret, connectivitySecret);
            DemoLandscape.install(cloudConnector, destinations, new DemoLandscape.Backends(endpoints.sales().port(),
                    endpoints.cloudApi().uri(), endpoints.token().uri(), endpoints.abap().port(), mailServer, directory, echoService,
                    cloudApiSecret));
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        LOG.info("Sandbox started: token service {}, destination service {}, connectivity proxy {}:{}, "
                + "sales backend {}, cloud API {}", endpoints.token().uri(), endpoints.destination().uri(), proxyHost(),
                proxyHttpPort(), endpoints.sales().uri(), endpoints.cloudApi().uri());
    }

    private <T extends AutoCloseable> T own(T resource) {
        return resources.own(resource);
    }

    /** Starts a sandbox with the demo landscape and default settings. */
    public static Sandbox start() {
        return builder().build();
    }

    /** A builder for a sandbox with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- bindings and addresses ----------------------------------------------------------------------------

    /** {@code VCAP_SERVICES}: a {@code destination} and a {@code connectivity} binding. Contains secrets: never log it. */
    public String vcapServices() {
        return bindings.vcapServices();
    }

    /**
     * A {@code VCAP_SERVICES} binding several sandboxes' instances of {@code service} side by side, by instance name
     * [multiple-destination-service-instances-1b1c3b7]; the other services are the first sandbox's. Contains secrets.
     */
    public static String vcapServicesWithInstances(String service, Map<String, Sandbox> instances) {
        return Bindings.withInstances(service, instances);
    }

    /** Writes {@link #vcapServices()} to {@code file} atomically, readable by its owner only. */
    public void writeVcapServices(Path file) {
        bindings.writeVcapServices(file);
    }

    /**
     * Writes the bindings in the Kubernetes service-binding layout ({@code $SERVICE_BINDING_ROOT}): a folder per
     * binding with a {@code type} file and one file per credential key. Returns {@code root}.
     */
    public Path writeKubernetesBindings(Path root) {
        return bindings.writeKubernetesBindings(root);
    }

    /** The Destination Service base URI (the destination binding's {@code uri}). */
    public URI destinationServiceUri() {
        return endpoints.destination().uri();
    }

    /**
     * The token service's loopback base URI; tokens at {@code {uri}/oauth/token}. The bindings' {@code url} unless the
     * sandbox serves {@link #tokenServiceHostNames()}.
     */
    public URI tokenServiceUri() {
        return endpoints.token().uri();
    }

    /**
     * The token service under host names over TLS ({@link Builder#tokenServiceHostNames()}): its URIs per tenant, its
     * {@code uaadomain} and certificate.
     *
     * @throws IllegalStateException when the sandbox was built without it
     */
    public TokenServiceHostNames tokenServiceHostNames() {
        if (hostNames == null) {
            throw new IllegalStateException("this sandbox serves its token service on loopback only: build it with"
                    + " Sandbox.builder().tokenServiceHostNames()");
        }
        return hostNames;
    }

    /** The certificate of {@link #tokenServiceHostNames()}, for a client's trust (the engine's {@code serviceTrust}). */
    public java.security.cert.X509Certificate tokenServiceCertificate() {
        return tokenServiceHostNames().certificate();
    }

    /** The connectivity proxy host ({@code onpremise_proxy_host}), always {@code 127.0.0.1}. */
    public String proxyHost() {
        return connectivity.proxyHost();
    }

    /** The connectivity proxy's HTTP port ({@code onpremise_proxy_http_port}). */
    public int proxyHttpPort() {
        return connectivity.httpProxyPort();
    }

    /** The real address of the on-premise sales backend (normally reached as {@code erp.internal:44300}). */
    public URI salesBackendUri() {
        return endpoints.sales().uri();
    }

    /** The Internet API ({@code /api/v1/products} needs a bearer token; {@code /public/…} does not). */
    public URI cloudApiUri() {
        return endpoints.cloudApi().uri();
    }

    /** The real address of the ABAP system (normally reached as {@code erp.internal:8000}). */
    public URI abapSystemUri() {
        return endpoints.abap().uri();
    }

    // ---- the BTP services, by role, and identities (the token service) ------------------------------------

    /** The token service: its OAuth clients, users and the tokens, codes and assertions it issues. */
    public Xsuaa xsuaa() {
        return xsuaa;
    }

    /** The Destination Service's destinations (in-process admin). */
    public Destinations destinations() {
        return destinations;
    }

    /** Subscriber tenants: {@code tenants().subscribe("acme")} gives tenant {@code acme} its own subaccount. */
    public Tenants tenants() {
        return tenants;
    }

    /** The subaccount's certificate files, returned with destinations that name them (KeyStoreLocation, TrustStoreLocation). */
    public Certificates certificates() {
        return certificates;
    }

    /** The Connectivity Service: its HTTP and SOCKS5 proxies, trusted mode and faults, and the Cloud Connectors. */
    public ConnectivityService connectivity() {
        return connectivity;
    }

    /** SAP's Transparent Proxy as destination gateway (Kyma): requests with X-Destination-Name to {@code uri()}. */
    public TransparentProxy transparentProxy() {
        return transparentProxy;
    }

    /** The Cloud Connectors: mappings, allow-lists, connected flags, audit log. */
    public CloudConnector cloudConnector() {
        return cloudConnector;
    }

    /** The Connectivity Service's SOCKS5 proxy ({@code onpremise_socks5_proxy_port}) for MAIL, LDAP and TCP. */
    public Socks5Proxy socks5Proxy() {
        return connectivity.socks5Proxy();
    }

    /** {@link ConnectivityService#trustedMode(boolean)}, Kyma's proxies; {@link #reset()} turns it off again. */
    public Sandbox connectivityTrustedMode(boolean trusted) {
        connectivity.trustedMode(trusted);
        return this;
    }

    /** The fault {@link ConnectivityService#bindConnectionsToFirstUser(boolean)}; {@link #reset()} turns it off. */
    public Sandbox connectivityProxyBindsConnectionsToFirstUser(boolean bind) {
        connectivity.bindConnectionsToFirstUser(bind);
        return this;
    }

    /** Client connections the Connectivity proxy (HTTP) accepted since the sandbox started. */
    public long connectivityProxyConnections() {
        return connectivity.acceptedConnections();
    }

    /** The identity provider's users (for the password grant). */
    public SandboxUsers users() {
        return xsuaa.users();
    }

    /** The token service's OAuth clients. */
    public OAuthClients oauthClients() {
        return xsuaa.oauthClients();
    }

    /**
     * A user's JWT as an application receives it from the approuter ({@link Xsuaa#userToken}) of the application
     * client {@link DemoDestinations#APP_CLIENT_ID}: the input of principal propagation and {@code X-user-token}.
     */
    public String userToken(String user) {
        return xsuaa.userToken(DemoDestinations.APP_CLIENT_ID, user);
    }

    /** A refresh token for {@code user}, redeemable once or more by client {@code clientId} ({@code X-refresh-token}). */
    public String refreshToken(String user, String clientId) {
        return xsuaa.refreshToken(user, clientId);
    }

    /** A one-time authorization code ({@code X-code}): see {@link Xsuaa#authorizationCode}. */
    public String authorizationCode(String user, String clientId, String redirectUri, String codeVerifier) {
        return xsuaa.authorizationCode(user, clientId, redirectUri, codeVerifier);
    }

    /**
     * Starts the token service's X.509 variant ({@code certurl}) on HTTPS with {@code serverContext}'s certificate: a
     * client authenticates with a trusted certificate of subject {@code CN=<client id>} ({@code tls_client_auth}).
     */
    public URI x509TokenService(javax.net.ssl.SSLContext serverContext) {
        HttpsBackend endpoint = own(new HttpsBackend(serverContext, false, true, xsuaa.tokenHandler()));
        destinationService.trustTokenService(endpoint.uri("localhost"));
        return endpoint.uri("localhost");
    }

    // ---- the backends ------------------------------------------------------------------------------------------

    /** The sales service's orders (seed and created). */
    public SalesOrders salesOrders() {
        return salesOrders;
    }

    /** The ABAP system behind {@link DemoDestinations#ERP_RFC}: its sales orders and open sessions. */
    public AbapSystem abapSystem() {
        return abapSystem;
    }

    /** The demo on-premise mail server (SMTP, IMAP, POP3) behind {@code mail.internal}. */
    public DemoMailServer mailServer() {
        return mailServer;
    }

    /** The demo on-premise LDAP directory behind {@code ldap.internal:389}. */
    public DemoDirectory directory() {
        return directory;
    }

    /** The demo legacy TCP echo service behind {@code legacy.internal:9000}. */
    public EchoService echoService() {
        return echoService;
    }

    /**
     * Starts an HTTPS backend serving with {@code serverContext}'s certificate, requiring a client certificate when
     * asked; closed with the sandbox.
     */
    public HttpsBackend httpsBackend(javax.net.ssl.SSLContext serverContext, boolean requireClientCertificate) {
        return own(HttpsBackend.start(serverContext, requireClientCertificate));
    }

    // ---- what happened, and faults ---------------------------------------------------------------------------

    /** Request counters. */
    public Counters counters() {
        return counters;
    }

    /** Fault injection. */
    public Faults faults() {
        return faults;
    }

    /** The last requests that arrived at the demo backends (servers {@code "sales"} and {@code "cloud-api"}). */
    public RecordedRequests backendRequests() {
        return backendRequests;
    }

    /**
     * The last requests that arrived at the connectivity proxy, before any check — to prove what a client sent
     * to the proxy (location ID, propagation headers), which the proxy does not forward.
     */
    public RecordedRequests proxyRequests() {
        return proxyRequests;
    }

    /**
     * The last requests that arrived at the BTP services: the token service (server {@code "token"}) and the
     * Destination Service (server {@code "destination"}) — to prove what a client sent them ({@code x-zid},
     * {@code x-tenant} …). Credential headers are kept but never shown by {@link RecordedRequest#toString()}.
     */
    public RecordedRequests serviceRequests() {
        return serviceRequests;
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------

    /**
     * Sets counters, faults, recorded requests and the proxy's trusted mode back to their start state; destinations,
     * connectors, the audit log, OAuth clients and sales orders stay.
     */
    public void reset() {
        connectivity.reset();
        counters.reset();
        faults.reset();
        backendRequests.clear();
        proxyRequests.clear();
        serviceRequests.clear();
        echoService.reset();
    }

    /** Stops every server and frees the ports. Idempotent. */
    @Override
    public void close() {
        resources.close();
        LOG.debug("Sandbox stopped");
    }

    /** The addresses, never the secrets. */
    @Override
    public String toString() {
        return "Sandbox[tokenService=" + tokenServiceUri() + ", destinationService=" + destinationServiceUri()
                + ", proxy=" + proxyHost() + ":" + proxyHttpPort() + ", salesBackend=" + salesBackendUri()
                + ", cloudApi=" + cloudApiUri() + ", closed=" + resources.isClosed() + "]";
    }
}
