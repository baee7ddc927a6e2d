package io.github.camelbtp.connectivity.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.destination.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code tokenServiceURL.ProxyType=OnPremise}: a client-side flow whose token service is behind the Cloud Connector
 * sends its token request through the Connectivity proxy, with the connectivity token and the destination's location
 * ID, to the token service's virtual host [oauth-client-credentials-authentication-4e1d742]. The sandbox's Cloud
 * Connector maps {@code idp.internal:8080} to its token service.
 */
class OnPremiseTokenServiceSandboxTest {

    /** Subscribers' token URLs are host names, https://<subdomain>.<uaadomain>, as on BTP. */
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension(Sandbox.builder().tokenServiceHostNames());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "sb-onprem-idp-client!t13";
    private static final String SECRET = "onprem-idp-secret-7a41";
    private static final String IDP = "idp.internal";
    private static final int IDP_PORT = 8080;

    private final Engines engines = new Engines();
    private Sandbox sandbox;

    @BeforeEach
    void setUp(Sandbox sandbox) {
        this.sandbox = sandbox;
        sandbox.oauthClients().register(CLIENT, SECRET);
        sandbox.cloudConnector().connector("")
                .map(IDP, IDP_PORT, sandbox.tokenServiceUri().getHost(), sandbox.tokenServiceUri().getPort())
                .allowPath(IDP, IDP_PORT, "/oauth/token", false);
    }

    @AfterEach
    void tearDown() {
        sandbox.cloudConnector().connector("").unmap(IDP, IDP_PORT);
        engines.close();
    }

    private static Destination destination(String... extra) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Authentication", "OAuth2ClientCredentials");
        p.put("tokenServiceURL", "http://" + IDP + ":" + IDP_PORT + "/oauth/token");
        p.put("tokenServiceURL.ProxyType", "OnPremise");
        p.put("clientId", CLIENT);
        p.put("clientSecret", SECRET);
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return Destination.of("CloudWithOnPremiseIdp", p, StaticDestinationLoader.SOURCE);
    }

    private BtpConnectivity engine(Destination destination) {
        return engines.bound(sandbox, b -> b.staticDestinations(List.of(destination)));
    }

    @Test
    void tokenRequestTravelsThroughTheConnectivityProxyToTheVirtualHost() throws Exception {
        long proxiedBefore = sandbox.counters().proxiedCalls();
        BtpConnectivity engine = engine(destination("URL", sandbox.cloudApiUri().toString()));

        Http.Answer me = Http.send(engine.resolve("CloudWithOnPremiseIdp", DestinationOptions.NONE), "GET", "/api/v1/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        JsonNode who = JSON.readTree(me.body());
        assertThat(who.path("client").asText()).isEqualTo(CLIENT);
        // the token request went through the proxy; the Internet call to the API did not
        assertThat(sandbox.counters().proxiedCalls() - proxiedBefore).isEqualTo(1);
    }

    @Test
    void subscribersTokenServiceIsReachedThroughTheSubscribersCloudConnector() {
        // only acme's Cloud Connector maps the IdP: the provider's connectivity token would reach the provider's, which
        // does not (a subscriber's on-premise IdP is in the subscriber's network)
        sandbox.cloudConnector().connector("").unmap(IDP, IDP_PORT);
        sandbox.cloudConnector().clearAuditLog();
        Tenants.Tenant acme = sandbox.tenants().subscribe("acme");
        try {
            acme.cloudConnector().connector("")
                    .map(IDP, IDP_PORT, sandbox.tokenServiceUri().getHost(), sandbox.tokenServiceUri().getPort())
                    .allowPath(IDP, IDP_PORT, "/oauth/token", false);
            BtpConnectivity engine = engine(destination("URL", sandbox.cloudApiUri().toString()));

            Http.Answer me = Http.send(engine.resolve("CloudWithOnPremiseIdp", DestinationOptions.forTenant("acme")),
                    "GET", "/api/v1/me");

            assertThat(me.status()).as(me.body()).isEqualTo(200);
            assertThat(sandbox.cloudConnector().auditLog()).noneSatisfy(e -> assertThat(e.virtualHost()).isEqualTo(IDP));
            // the provider's token for the same destination is asked through the provider's connectors, which now
            // refuse the IdP: the two tenants never share the token either
            assertThat(catchThrowableOfType(CloudConnectorException.class,
                    () -> engine.resolve("CloudWithOnPremiseIdp", DestinationOptions.NONE))).isNotNull();
        } finally {
            sandbox.tenants().unsubscribe("acme");
        }
    }

    @Test
    void unknownLocationIsTheCloudConnectorsAnswerNamingTheDestination() {
        BtpConnectivity engine = engine(destination("URL", sandbox.cloudApiUri().toString(),
                "CloudConnectorLocationId", "NoSuchPlant"));

        CloudConnectorException e = catchThrowableOfType(CloudConnectorException.class,
                () -> engine.resolve("CloudWithOnPremiseIdp", DestinationOptions.NONE));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).contains("CloudWithOnPremiseIdp").contains("NoSuchPlant");
    }

    @Test
    void pathTheCloudConnectorDoesNotAllowIsDenied() {
        BtpConnectivity engine = engine(destination("URL", sandbox.cloudApiUri().toString(),
                "tokenServiceURL", "http://" + IDP + ":" + IDP_PORT + "/oauth/token/other"));

        CloudConnectorException e = catchThrowableOfType(CloudConnectorException.class,
                () -> engine.resolve("CloudWithOnPremiseIdp", DestinationOptions.NONE));

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).contains("Access denied");
    }

    @Test
    void httpsTokenServiceUrlIsRefusedBeforeAnythingIsSent() {
        BtpConnectivity engine = engine(destination("URL", sandbox.cloudApiUri().toString(),
                "tokenServiceURL", "https://" + IDP + ":443/oauth/token"));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("CloudWithOnPremiseIdp", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("tokenServiceURL");
        assertThat(e.getMessage()).contains("http://");
    }

    @Test
    void withoutConnectivityBindingTheProxyTypeIsNamed() {
        BtpConnectivity engine = engines.add(BtpConnectivity.builder().serviceBindings(ServiceBindings.none())
                .environmentDestinations(null)
                .staticDestinations(List.of(destination("URL", sandbox.cloudApiUri().toString()))).build());

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("CloudWithOnPremiseIdp", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("tokenServiceURL.ProxyType");
        assertThat(e.getMessage()).contains("connectivity");
    }

    @Test
    void unknownProxyTypeIsAConfigurationError() {
        // checked when the engine starts (issue 8, item 15), no longer at the first request
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine(destination("URL", sandbox.cloudApiUri().toString(), "tokenServiceURL.ProxyType", "Intranet")));

        assertThat(e.property()).isEqualTo("tokenServiceURL.ProxyType");
    }

    /** The same destination in the Destination Service: the service fetches the token through the Cloud Connector. */
    private void defineInTheService(String name, String tokenPath) {
        Map<String, String> d = new LinkedHashMap<>(destination().properties());
        d.put("Name", name);
        d.put("Type", "HTTP");
        d.put("URL", sandbox.cloudApiUri().toString());
        d.put("tokenServiceURL", "http://" + IDP + ":" + IDP_PORT + tokenPath);
        sandbox.destinations().putSubaccount(d);
    }

    @Test
    void destinationServiceRunsTheFlowThroughTheCloudConnectorToo() throws Exception {
        defineInTheService("ServiceSideOnPremiseIdp", "/oauth/token");
        try {
            Http.Answer me = Http.send(engines.bound(sandbox).resolve("ServiceSideOnPremiseIdp", DestinationOptions.NONE),
                    "GET", "/api/v1/me");

            assertThat(JSON.readTree(me.body()).path("client").asText()).isEqualTo(CLIENT);
        } finally {
            sandbox.destinations().delete("ServiceSideOnPremiseIdp");
        }
    }

    @Test
    void destinationServiceReportsTheCloudConnectorsDenialAsAFailedToken() {
        defineInTheService("ServiceSideDenied", "/not/allowed");
        try {
            io.github.camelbtp.connectivity.TokenException e = catchThrowableOfType(
                    io.github.camelbtp.connectivity.TokenException.class,
                    () -> engines.bound(sandbox).resolve("ServiceSideDenied", DestinationOptions.NONE));

            assertThat(e.getMessage()).contains("ServiceSideDenied").contains("Access denied to system " + IDP);
        } finally {
            sandbox.destinations().delete("ServiceSideDenied");
        }
    }
}
