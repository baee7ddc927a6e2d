package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.destination.Tenants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connectivity token decides the subaccount, hence the Cloud Connector [consuming-the-connectivity-service-313b215]:
 * a subscriber's on-premise traffic carries the subscriber's connectivity token and reaches the subscriber's own Cloud
 * Connector. The virtual hosts used here are mapped only in subscriber acme's Cloud Connector, so the provider's token
 * can never reach them.
 */
class SubscriberCloudConnectorTest extends BtpDestinationTestSupport {

    /** Subscribers' token URLs are host names, https://<subdomain>.<uaadomain>, as on BTP. */
    @RegisterExtension
    static final SandboxExtension HOST_NAMES = new SandboxExtension(Sandbox.builder().tokenServiceHostNames());

    @Override
    protected Sandbox sandbox() {
        return HOST_NAMES.sandbox();
    }

    @Override
    protected void configure(BtpDestinationComponent component) {
        bindTrustingTokenServiceHostNames(component);
    }

    private static final String SALES = "sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";
    private static final String ACME_ERP = "acme-erp.internal";
    private static final int ACME_ERP_PORT = 44301;
    private static final String ACME_LEGACY = "acme-legacy.internal";
    private static final int ACME_LEGACY_PORT = 9001;

    private Tenants.Tenant acme;

    @BeforeEach
    void acmeWithItsOwnCloudConnector() {
        acme = sandbox().tenants().subscribe("acme");
        acme.cloudConnector().connector("")
                .map(ACME_ERP, ACME_ERP_PORT, "127.0.0.1", sandbox().salesBackendUri().getPort())
                .allowPath(ACME_ERP, ACME_ERP_PORT, DemoDestinations.SALES_SERVICE_PATH, true)
                .map(ACME_LEGACY, ACME_LEGACY_PORT, "127.0.0.1", sandbox().echoService().port());
        Map<String, String> erp = new LinkedHashMap<>();
        erp.put("Name", "AcmeERP");
        erp.put("Type", "HTTP");
        erp.put("URL", "http://" + ACME_ERP + ":" + ACME_ERP_PORT);
        erp.put("ProxyType", "OnPremise");
        erp.put("Authentication", "BasicAuthentication");
        erp.put("User", DemoDestinations.SALES_USER);
        erp.put("Password", DemoDestinations.SALES_PASSWORD);
        acme.destinations().putSubaccount(erp);
        // the provider has a destination of the same host: its traffic must go to the provider's Cloud Connector
        Map<String, String> providers = new LinkedHashMap<>(erp);
        providers.put("Name", "ProviderToAcmeERP");
        sandbox().destinations().putSubaccount(providers);
        acme.destinations().putSubaccount(Map.of("Name", "AcmeLegacy", "Type", "TCP", "ProxyType", "OnPremise",
                "Address", ACME_LEGACY + ":" + ACME_LEGACY_PORT));
    }

    @AfterEach
    void cleanUp() {
        sandbox().destinations().delete("ProviderToAcmeERP");
        sandbox().tenants().unsubscribe("acme");
    }

    private Exchange callAs(String uri, Object body, String tenant) {
        return call(uri, body, Map.of("X-Tenant", tenant));
    }

    /** The token requests of the connectivity binding's client. */
    private List<RecordedRequest> connectivityTokenRequests() {
        return sandbox().serviceRequests().all().stream()
                .filter(r -> r.server().equals("token"))
                .filter(r -> clientOf(r).equals(DemoDestinations.CONNECTIVITY_CLIENT_ID))
                .toList();
    }

    private static String clientOf(RecordedRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return "";
        }
        String user = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        // the client ID is form-encoded in the Basic header (RFC 6749 2.3.1)
        return URLDecoder.decode(user.substring(0, Math.max(0, user.indexOf(':'))), StandardCharsets.UTF_8);
    }

    @Test
    void subscribersOnPremiseRequestReachesTheSubscribersCloudConnector() {
        Exchange exchange = callAs("btp-destination:AcmeERP/" + SALES + "?$top=1&$format=json&tenantHeader=X-Tenant",
                null, "acme");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(200);
        assertThat(sandbox().backendRequests().last().orElseThrow().path()).isEqualTo("/" + SALES);
        // the connectivity token came from the subscriber's token URL, never the provider's
        assertThat(connectivityTokenRequests()).as("%s", sandbox().serviceRequests()).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.header("Host")).isEqualTo(sandbox().tokenServiceHostNames().uri("acme").getAuthority());
                    assertThat(r.path()).isEqualTo("/oauth/token");
                });
    }

    @Test
    void subscribersTenantIdAsksForTheConnectivityTokenWithXZid() {
        Exchange exchange = callAs("btp-destination:AcmeERP/" + SALES + "?$top=1&$format=json&tenantHeader=X-Tenant",
                null, acme.zoneId());

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(200);
        assertThat(connectivityTokenRequests()).as("%s", sandbox().serviceRequests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/oauth/token");
            assertThat(r.header("x-zid")).isEqualTo(acme.zoneId());
        });
    }

    @Test
    void providersRequestStillUsesTheProvidersCloudConnector() {
        Exchange demo = get("btp-destination:OnPremiseERP/" + SALES + "?$top=1&$format=json");
        Exchange toAcmeHost = get("btp-destination:ProviderToAcmeERP/" + SALES + "?$top=1");

        assertThat(demo.getException()).isNull();
        // the provider's token: its Cloud Connector does not map acme's virtual host
        assertThat(toAcmeHost.getException()).isInstanceOf(CloudConnectorException.class);
        assertThat(((CloudConnectorException) toAcmeHost.getException()).status()).isEqualTo(403);
        assertThat(connectivityTokenRequests()).as("%s", sandbox().serviceRequests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/oauth/token");
            assertThat(r.hasHeader("x-zid")).isFalse();
        });
    }

    @Test
    void subscribersSocks5ConnectionReachesTheSubscribersCloudConnector() {
        Exchange exchange = callAs("btp-destination:AcmeLegacy?tenantHeader=X-Tenant", "STATUS 4711", "acme");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo("STATUS 4711");
        assertThat(sandbox().socks5Proxy().tunnels()).isEqualTo(1);
        assertThat(connectivityTokenRequests()).as("%s", sandbox().serviceRequests()).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.header("Host")).isEqualTo(sandbox().tokenServiceHostNames().uri("acme").getAuthority());
                    assertThat(r.path()).isEqualTo("/oauth/token");
                });
    }
}
