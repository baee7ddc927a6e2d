package io.github.camelbtp.connectivity.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.auth.ConnectivityProxy;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.destination.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Kyma's Connectivity Proxy in multi-tenant trusted mode [operational-modes-148bbad]: no proxy authorization, but
 * every request must name its tenant with {@code SAP-CP-Connectivity-Service-Token: <the tenant's connectivity
 * token>}, which picks the tenant's Cloud Connector; the user travels only as {@code SAP-Connectivity-Authentication}
 * [using-the-connectivity-proxy-f3c1ef4].
 */
class TrustedMultiTenantProxySandboxTest {

    /** Subscribers' token URLs are host names, https://<subdomain>.<uaadomain>, as on BTP. */
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension(Sandbox.builder().tokenServiceHostNames());

    private static final String ACME_HOST = "acme-erp.internal";
    private static final String ORDERS = DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1";

    private final Engines engines = new Engines();
    private Sandbox sandbox;
    private Tenants.Tenant acme;

    @BeforeEach
    void setUp(Sandbox sandbox) {
        this.sandbox = sandbox;
        sandbox.connectivity().trustedMultiTenantMode(true);
        acme = sandbox.tenants().subscribe("acme");
        acme.cloudConnector().connector("")
                .map(ACME_HOST, 44300, "127.0.0.1", sandbox.salesBackendUri().getPort())
                .allowPath(ACME_HOST, 44300, "/", true);
        acme.destinations().putSubaccount(Map.of("Name", "AcmeERP", "Type", "HTTP", "URL", "http://" + ACME_HOST + ":44300",
                "ProxyType", "OnPremise", "Authentication", "BasicAuthentication", "User", DemoDestinations.SALES_USER,
                "Password", DemoDestinations.SALES_PASSWORD));
    }

    @AfterEach
    void tearDown() {
        engines.close();
        sandbox.tenants().unsubscribe("acme");
        sandbox.connectivity().trustedMultiTenantMode(false);
    }

    private BtpConnectivity engine() {
        return engines.bound(sandbox, b -> b.trustedMultiTenantProxy(true));
    }

    private static Optional<String> header(ResolvedDestination resolved, String name) {
        return resolved.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HttpHeader::value).findFirst();
    }

    private static String zoneOf(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet().getStringClaim("zid");
    }

    @Test
    void subscribersRequestNamesItsTenantWithTheServiceTokenAndReachesItsOwnCloudConnector() throws Exception {
        ResolvedDestination acmeErp = engine().resolve("AcmeERP", DestinationOptions.forTenant("acme"));

        assertThat(header(acmeErp, "Proxy-Authorization")).isEmpty();
        String serviceToken = header(acmeErp, ConnectivityProxy.SERVICE_TOKEN_HEADER).orElseThrow();
        assertThat(serviceToken).doesNotStartWith("Bearer ");
        assertThat(zoneOf(serviceToken)).isEqualTo(acme.zoneId());
        // only acme's Cloud Connector maps acme-erp.internal: the provider's would have refused it (403, audited)
        assertThat(Http.send(acmeErp, "GET", ORDERS).status()).isEqualTo(200);
        assertThat(sandbox.cloudConnector().auditLog()).noneSatisfy(e -> assertThat(e.virtualHost()).isEqualTo(ACME_HOST));
    }

    @Test
    void providersRequestNamesTheProviderAndReachesTheProvidersCloudConnector() throws Exception {
        ResolvedDestination erp = engine().resolve(DemoDestinations.ON_PREMISE_ERP, DestinationOptions.NONE);

        assertThat(header(erp, "Proxy-Authorization")).isEmpty();
        assertThat(zoneOf(header(erp, ConnectivityProxy.SERVICE_TOKEN_HEADER).orElseThrow())).isNotEqualTo(acme.zoneId());
        assertThat(Http.send(erp, "GET", ORDERS).status()).isEqualTo(200);
        assertThat(acme.cloudConnector().auditLog()).isEmpty();
    }

    @Test
    void withoutTheModeTheSharedProxyCannotTellTheTenantAndRefuses() {
        // the default engine authenticates with Proxy-Authorization, which a trusted proxy does not read
        ResolvedDestination acmeErp = engines.bound(sandbox).resolve("AcmeERP", DestinationOptions.forTenant("acme"));

        assertThat(header(acmeErp, ConnectivityProxy.SERVICE_TOKEN_HEADER)).isEmpty();
        assertThat(Http.send(acmeErp, "GET", ORDERS).status()).isEqualTo(400);
    }

    @Test
    void tokenExchangePropagationIsRefusedBecauseTheUserTravelsOnlyAsConnectivityAuthentication() {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.trustedMultiTenantProxy(true)
                .principalPropagationMode(PrincipalPropagationMode.PROXY_AUTHORIZATION_TOKEN_EXCHANGE)
                .staticDestinations(List.of(Destination.of("PropagatingErp", Map.of("URL", "http://erp.internal:44300",
                        "ProxyType", "OnPremise", "Authentication", "PrincipalPropagation"), StaticDestinationLoader.SOURCE))));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("PropagatingErp", DestinationOptions.builder().userToken(sandbox.userToken("alice"))
                        .build()));

        assertThat(e.getMessage()).contains("PropagatingErp").contains("multi-tenant")
                .contains("SAP-Connectivity-Authentication");
    }

    @Test
    void propagatedUserTravelsAsConnectivityAuthenticationNextToTheServiceToken() {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.trustedMultiTenantProxy(true)
                .staticDestinations(List.of(Destination.of("PropagatingErp", Map.of("URL", "http://erp.internal:44300",
                        "ProxyType", "OnPremise", "Authentication", "PrincipalPropagation"), StaticDestinationLoader.SOURCE))));
        String user = sandbox.userToken("alice");

        ResolvedDestination erp = engine.resolve("PropagatingErp", DestinationOptions.builder().userToken(user).build());

        assertThat(header(erp, OnPremiseHttpDispatch.USER_AUTHENTICATION_HEADER)).contains("Bearer " + user);
        assertThat(header(erp, ConnectivityProxy.SERVICE_TOKEN_HEADER)).isPresent();
        assertThat(header(erp, "Proxy-Authorization")).isEmpty();
    }

    @Test
    void modeWithoutAConnectivityClientFailsAtStartNamingTheOption() throws Exception {
        String destinationOnly = "{\"destination\":" + new ObjectMapper().readTree(sandbox.vcapServices())
                .path("destination") + "}";

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engines.add(BtpConnectivity.builder().environmentDestinations(null)
                        .serviceBindings(ServiceBindings.fromVcapServices(destinationOnly))
                        .connectivityProxy(sandbox.proxyHost(), sandbox.proxyHttpPort(), 0)
                        .trustedMultiTenantProxy(true).build()));

        assertThat(e.getMessage()).contains("trustedMultiTenantProxy").contains("client");
    }
}
