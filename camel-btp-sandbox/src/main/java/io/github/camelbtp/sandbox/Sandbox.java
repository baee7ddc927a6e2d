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
import io.github.camelbtp.sandbox.connectivity.ConnectivityProxy;
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
import io.github.camelbtp.sandbox.token.IdentityAssertions;
import io.github.camelbtp.sandbox.token.OAuthClients;
import io.github.camelbtp.sandbox.token.SandboxUsers;
import io.github.camelbtp.sandbox.token.TokenAuthority;
import io.github.camelbtp.sandbox.token.XsuaaService;
import io.github.camelbtp.sandbox.wire.HttpEndpoint;
import io.github.camelbtp.sandbox.wire.HttpsBackend;
import io.github.camelbtp.sandbox.wire.Loopback;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, faithful copy of the SAP BTP side of connectivity, started in-process on free loopback ports:
 * an XSUAA-like token service, the Destination Service REST API, the Connectivity Service's HTTP proxy enforcing
 * Cloud Connector rules, and demo backends (an on-premise OData sales service and an Internet API).
 * {@link #vcapServices()} returns bindings in Cloud Foundry's {@code VCAP_SERVICES} shape, so a client reads the
 * sandbox exactly as it reads a real landscape.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start()) {
 *     sandbox.writeVcapServices(Path.of("target/vcap.json"));
 *     // ... run the code under test against the binding ...
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
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Configures a sandbox before it starts. Not thread-safe. */
    public static final class Builder {

        private Duration tokenLifetime = Duration.ofHours(12);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** How long issued access tokens are valid (default 12 hours, as XSUAA's default); at least 1 second. */
        public Builder tokenLifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.toSeconds() < 1) {
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

        /** Starts the sandbox with the demo landscape; close it when done. */
        public Sandbox build() {
            return new Sandbox(this);
        }
    }

    private final Counters counters = new Counters();
    private final Faults faults = new Faults();
    private final Destinations destinations = new Destinations();
    private final CloudConnector cloudConnector = new CloudConnector();
    private final SalesOrders salesOrders = new SalesOrders();
    private final RecordedRequests backendRequests = new RecordedRequests();
    private final RecordedRequests proxyRequests = new RecordedRequests();
    private final RecordedRequests serviceRequests = new RecordedRequests();
    private final OAuthClients oauthClients = new OAuthClients();
    private final SandboxUsers users = new SandboxUsers();
    private final Tenants tenants = new Tenants();
    private final XsuaaService tokenService;
    private final DestinationService destinationService;
    private final Certificates certificates = new Certificates();
    private final TokenAuthority authority;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final HttpEndpoint tokenEndpoint;
    private final HttpEndpoint destinationEndpoint;
    private final HttpEndpoint salesEndpoint;
    private final HttpEndpoint cloudApiEndpoint;
    private final HttpEndpoint abapEndpoint;
    private final AbapSystem abapSystem = new AbapSystem(DemoDestinations.ABAP_SYSTEM_ID, counters, backendRequests);
    private final ConnectivityProxy proxy;
    private Socks5Proxy socks5Proxy;
    private DemoMailServer mailServer;
    private DemoDirectory directory;
    private EchoService echoService;
    private final Bindings bindings;

    private Sandbox(Builder builder) {
        try {
            ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(Loopback.daemonThreads("sandbox-delays"));
            resources.add(delays::shutdownNow);
            tokenEndpoint = open(new HttpEndpoint("token-service", 4));
            destinationEndpoint = open(new HttpEndpoint("destination-service", 8));
            salesEndpoint = open(new HttpEndpoint("sales-backend", 4));
            cloudApiEndpoint = open(new HttpEndpoint("cloud-api", 4));
            abapEndpoint = open(new HttpEndpoint("abap-system", 4));

            TokenAuthority authority = new TokenAuthority(tokenEndpoint.uri(), SUBACCOUNT_ID, builder.tokenLifetime,
                    builder.clock);
            String destinationSecret = randomSecret();
            String connectivitySecret = randomSecret();
            String cloudApiSecret = randomSecret();
            oauthClients.register(DESTINATION_CLIENT_ID, destinationSecret);
            oauthClients.register(CONNECTIVITY_CLIENT_ID, connectivitySecret);
            oauthClients.register(CLOUD_API_CLIENT_ID, cloudApiSecret, List.of("uaa.resource", "products.read"));

            this.authority = authority;
            IdentityAssertions assertions = new IdentityAssertions(destinationEndpoint.uri().toString());
            tokenService = new XsuaaService(oauthClients, authority, counters, faults, users, assertions, tenants,
                    serviceRequests);
            tokenService.register(tokenEndpoint);
            destinationService = new DestinationService(destinations, authority, DESTINATION_CLIENT_ID, SUBACCOUNT_ID,
                    DESTINATION_INSTANCE_ID, counters, faults, delays, assertions, tenants, certificates, cloudConnector,
                    serviceRequests);
            destinationService.register(destinationEndpoint);
            destinationService.trustTokenService(tokenEndpoint.uri());
            new SalesOrderService(salesOrders, counters, backendRequests, SALES_USER, SALES_PASSWORD)
                    .register(salesEndpoint);
            new CloudApiService(authority, counters, backendRequests, assertions).register(cloudApiEndpoint);
            DemoLandscape.users(abapSystem).register(abapEndpoint);
            proxy = new ConnectivityProxy(authority, CONNECTIVITY_CLIENT_ID, SUBACCOUNT_ID, cloudConnector, tenants, counters,
                    proxyRequests);
            resources.add(proxy);
            socks5Proxy = new Socks5Proxy(authority, CONNECTIVITY_CLIENT_ID, SUBACCOUNT_ID, cloudConnector, tenants);
            resources.add(socks5Proxy);
            mailServer = new DemoMailServer();
            resources.add(mailServer);
            directory = new DemoDirectory();
            resources.add(directory);
            echoService = new EchoService();
            resources.add(echoService);

            tokenEndpoint.start();
            destinationEndpoint.start();
            salesEndpoint.start();
            cloudApiEndpoint.start();
            abapEndpoint.start();
            proxy.start();
            socks5Proxy.start();
            mailServer.start();
            directory.start();
            echoService.start();

            bindings = Bindings.of(tokenEndpoint.uri(), destinationEndpoint.uri(), proxyHost(), proxyHttpPort(),
                    socks5Proxy.port(), destinationSecret, connectivitySecret);
            DemoLandscape.install(cloudConnector, destinations, new DemoLandscape.Backends(salesEndpoint.port(),
                    cloudApiEndpoint.uri(), tokenEndpoint.uri(), abapEndpoint.port(), mailServer, directory, echoService,
                    cloudApiSecret));
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        LOG.info("Sandbox started: token service {}, destination service {}, connectivity proxy {}:{}, "
                + "sales backend {}, cloud API {}", tokenEndpoint.uri(), destinationEndpoint.uri(), proxyHost(),
                proxyHttpPort(), salesEndpoint.uri(), cloudApiEndpoint.uri());
    }

    private HttpEndpoint open(HttpEndpoint endpoint) {
        resources.add(endpoint);
        return endpoint;
    }

    /** Starts a sandbox with the demo landscape and default settings. */
    public static Sandbox start() {
        return builder().build();
    }

    /** A builder for a sandbox with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }


    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- bindings --------------------------------------------------------------------------------------------

    /**
     * The {@code VCAP_SERVICES} JSON of this sandbox: a {@code destination} and a {@code connectivity} binding
     * (plan {@code lite}) whose client secrets are random per start. Contains secrets: never log it.
     */
    public String vcapServices() {
        return bindings.vcapServices();
    }

    /**
     * A {@code VCAP_SERVICES} in which several sandboxes' instances of one service — {@code "destination"} or
     * {@code "connectivity"} — are bound side by side, each under the instance name it is mapped to, as Cloud Foundry
     * binds several instances of a service [multiple-destination-service-instances-1b1c3b7]. The other services'
     * bindings are the first sandbox's. Contains secrets: never log it.
     *
     * @param instances instance name → the sandbox whose binding of {@code service} it is, in binding order
     */
    public static String vcapServicesWithInstances(String service, Map<String, Sandbox> instances) {
        return Bindings.withInstances(service, instances);
    }

    /**
     * Writes {@link #vcapServices()} to {@code file} atomically (a temporary file in the same folder, then a move),
     * creating parent folders; readers never see a half-written file.
     */
    public void writeVcapServices(Path file) {
        bindings.writeVcapServices(file);
    }

    /**
     * Writes the bindings in the Kubernetes service-binding layout ({@code $SERVICE_BINDING_ROOT}): a folder per
     * binding ({@code destination}, {@code connectivity}) with a {@code type} file and one file per credential
     * key ({@code clientid}, {@code clientsecret}, {@code url}, {@code uri} / {@code token_service_url},
     * {@code onpremise_proxy_host}, {@code onpremise_proxy_http_port}, {@code onpremise_proxy_port}, …).
     *
     * @return {@code root}
     */
    public Path writeKubernetesBindings(Path root) {
        return bindings.writeKubernetesBindings(root);
    }

    // ---- addresses -------------------------------------------------------------------------------------------

    /** The Destination Service base URI (the destination binding's {@code uri}). */
    public URI destinationServiceUri() {
        return destinationEndpoint.uri();
    }

    /** The token service base URI (the bindings' {@code url}); tokens at {@code {url}/oauth/token}. */
    public URI tokenServiceUri() {
        return tokenEndpoint.uri();
    }

    /** The connectivity proxy host ({@code onpremise_proxy_host}), always {@code 127.0.0.1}. */
    public String proxyHost() {
        return "127.0.0.1";
    }

    /** The connectivity proxy's HTTP port ({@code onpremise_proxy_http_port}). */
    public int proxyHttpPort() {
        return proxy.port();
    }

    /** The Connectivity Service's SOCKS5 proxy ({@code onpremise_socks5_proxy_port}) for MAIL, LDAP and TCP. */
    public Socks5Proxy socks5Proxy() {
        return socks5Proxy;
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

    /** The real address of the on-premise sales backend (normally reached as {@code erp.internal:44300}). */
    public URI salesBackendUri() {
        return salesEndpoint.uri();
    }

    /** The Internet API ({@code /api/v1/products} needs a bearer token; {@code /public/…} does not). */
    public URI cloudApiUri() {
        return cloudApiEndpoint.uri();
    }

    /** The real address of the ABAP system (normally reached as {@code erp.internal:8000}). */
    public URI abapSystemUri() {
        return abapEndpoint.uri();
    }

    /** The subaccount id ({@link DemoDestinations#SUBACCOUNT_ID}). */
    public String subaccountId() {
        return SUBACCOUNT_ID;
    }

    // ---- state -----------------------------------------------------------------------------------------------

    /** The Destination Service's destinations (in-process admin). */
    public Destinations destinations() {
        return destinations;
    }

    /**
     * Puts the Connectivity proxy in trusted mode, as Kyma runs it for one subaccount: requests without
     * {@code Proxy-Authorization} are accepted as the subaccount's (a token, when sent, still decides the user of the
     * recommended principal propagation). The SOCKS5 proxy too: proxy authorization is off there as well
     * [configuration-guide-eaa8204], so it selects "no authentication" ({@code 0x00}) when offered and still takes
     * SAP's {@code 0x80}. {@link #reset()} turns it off again.
     */
    public Sandbox connectivityTrustedMode(boolean trusted) {
        proxy.trustedMode(trusted);
        socks5Proxy.trustedMode(trusted);
        return this;
    }

    /**
     * A fault: the Connectivity proxy logs every request of a client connection on as the first user propagated on
     * it, as a Cloud Connector side did for SAP's JavaScript SDK (cloud-sdk-js #6715) — a client that reuses one
     * keep-alive connection for several users then shows a user arriving as another. {@link #reset()} turns it off.
     */
    public Sandbox connectivityProxyBindsConnectionsToFirstUser(boolean bind) {
        proxy.bindConnectionsToFirstUser(bind);
        return this;
    }

    /** Client connections the Connectivity proxy (HTTP) accepted since the sandbox started. */
    public long connectivityProxyConnections() {
        return proxy.acceptedConnections();
    }

    /** The Cloud Connectors: mappings, allow-lists, connected flags, audit log. */
    public CloudConnector cloudConnector() {
        return cloudConnector;
    }

    /** The ABAP system behind {@link DemoDestinations#ERP_RFC}: its sales orders and open sessions. */
    public AbapSystem abapSystem() {
        return abapSystem;
    }

    /** Request counters. */
    public Counters counters() {
        return counters;
    }

    /**
     * Subscriber tenants: {@code tenants().subscribe("acme").destinations()} gives tenant {@code acme} its own
     * subaccount and destinations, read with its own token: from its token URL ({@code /tenants/acme/oauth/token} on
     * loopback) or from the provider's token URL with {@code x-zid: <its zone ID>}. The Destination Service picks the
     * subaccount by the token's zone only; {@code x-tenant} merely resolves {@code {tenant}} of Common token URLs.
     */
    public Tenants tenants() {
        return tenants;
    }

    /** The subaccount's certificate files, returned with destinations that name them (KeyStoreLocation, TrustStoreLocation). */
    public Certificates certificates() {
        return certificates;
    }

    /**
     * Starts an HTTPS backend serving with {@code serverContext}'s certificate, requiring a client certificate when
     * asked; closed with the sandbox.
     */
    public HttpsBackend httpsBackend(javax.net.ssl.SSLContext serverContext, boolean requireClientCertificate) {
        HttpsBackend backend = HttpsBackend.start(serverContext, requireClientCertificate);
        synchronized (resources) {
            resources.add(backend);
        }
        return backend;
    }

    /**
     * Starts the token service's X.509 variant — what a binding's {@code certurl} points to — on HTTPS with
     * {@code serverContext}'s certificate: a client authenticates with a TLS client certificate whose subject is
     * {@code CN=<client id>} and that {@code serverContext} trusts, sending {@code client_id} in the form
     * ({@code tls_client_auth}). Returns its base URI ({@code certurl}); closed with the sandbox.
     */
    public URI x509TokenService(javax.net.ssl.SSLContext serverContext) {
        HttpsBackend endpoint = new HttpsBackend(serverContext, false, true, tokenService.tokenHandler());
        synchronized (resources) {
            resources.add(endpoint);
        }
        destinationService.trustTokenService(endpoint.uri("localhost"));
        return endpoint.uri("localhost");
    }

    /** The identity provider's users (for the password grant). */
    public SandboxUsers users() {
        return users;
    }

    /**
     * A user's JWT as an application receives it from the approuter: an XSUAA-style token of the application client
     * {@link DemoDestinations#APP_CLIENT_ID} with {@code user_name}, {@code email} and {@code origin}. The input of
     * principal propagation and the user-dependent token flows ({@code X-user-token}).
     */
    public String userToken(String user) {
        return authority.issue(DemoDestinations.APP_CLIENT_ID, OAuthClients.DEFAULT_SCOPES, user, "authorization_code")
                .value();
    }

    /** A refresh token for {@code user}, redeemable once or more by client {@code clientId} ({@code X-refresh-token}). */
    public String refreshToken(String user, String clientId) {
        return users.newRefreshToken(user, clientId);
    }

    /**
     * A one-time authorization code for {@code user} and client {@code clientId} ({@code X-code}), bound to
     * {@code redirectUri} and, when {@code codeVerifier} is given, to its S256 code challenge (PKCE); both may be null.
     */
    public String authorizationCode(String user, String clientId, String redirectUri, String codeVerifier) {
        return users.newCode(user, clientId, redirectUri, codeVerifier == null ? null : SandboxUsers.s256(codeVerifier));
    }

    /** Fault injection. */
    public Faults faults() {
        return faults;
    }

    /** The sales service's orders (seed and created). */
    public SalesOrders salesOrders() {
        return salesOrders;
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

    /** The token service's OAuth clients. */
    public OAuthClients oauthClients() {
        return oauthClients;
    }

    /**
     * Sets counters, faults, recorded requests and the proxy's trusted mode back to their start state; destinations,
     * connectors, the audit log, OAuth clients and sales orders stay.
     */
    public void reset() {
        proxy.trustedMode(false);
        proxy.bindConnectionsToFirstUser(false);
        socks5Proxy.trustedMode(false);
        counters.reset();
        faults.reset();
        backendRequests.clear();
        proxyRequests.clear();
        serviceRequests.clear();
        socks5Proxy.reset();
        echoService.reset();
    }

    /** Stops every server and frees the ports. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.debug("closing a sandbox resource failed: {}", e.toString());
            }
        }
        LOG.debug("Sandbox stopped");
    }

    /** The addresses, never the secrets. */
    @Override
    public String toString() {
        return "Sandbox[tokenService=" + tokenServiceUri() + ", destinationService=" + destinationServiceUri()
                + ", proxy=" + proxyHost() + ":" + proxyHttpPort() + ", salesBackend=" + salesBackendUri()
                + ", cloudApi=" + cloudApiUri() + ", closed=" + closed.get() + "]";
    }
}
