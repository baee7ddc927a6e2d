package io.github.camelbtp.sandbox.connectivity;

import static io.github.camelbtp.sandbox.SandboxClient.salesBasic;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_SERVICE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.destination.Tenants;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connectivity token decides the subaccount, hence the Cloud Connector [consuming-the-connectivity-service-313b215]:
 * the proxy serves a subscriber's token with the subscriber's own Cloud Connectors, the provider's with the provider's.
 */
@ExtendWith(SandboxExtension.class)
class SubscriberCloudConnectorsTest {

    private static final String ACME_HOST = "acme-erp.internal";
    private static final String ACME_ORDERS = "http://" + ACME_HOST + ":44300" + SALES_SERVICE_PATH + "/A_SalesOrder";

    private Tenants.Tenant acme;
    private HttpClient viaProxy;

    @BeforeEach
    void acmeMapsItsOwnSystem(Sandbox sandbox) {
        acme = sandbox.tenants().subscribe("acme");
        acme.cloudConnector().connector("")
                .map(ACME_HOST, 44300, "127.0.0.1", sandbox.salesBackendUri().getPort())
                .allowPath(ACME_HOST, 44300, SALES_SERVICE_PATH, true);
        viaProxy = SandboxClient.viaProxy(sandbox);
    }

    @AfterEach
    void unsubscribe(Sandbox sandbox) {
        sandbox.tenants().unsubscribe("acme");
    }

    /** The connectivity binding's token for a subscriber: at the provider's token URL with {@code x-zid}. */
    private static String acmeConnectivityToken(Sandbox sandbox, String zoneId) {
        JsonNode credentials = SandboxClient.credentials(sandbox, "connectivity");
        String basic = SandboxClient.basic(
                URLEncoder.encode(credentials.get("clientid").asText(), StandardCharsets.UTF_8),
                URLEncoder.encode(credentials.get("clientsecret").asText(), StandardCharsets.UTF_8));
        HttpResponse<String> response = SandboxClient.send(HttpRequest.newBuilder(
                        URI.create(sandbox.tokenServiceUri() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic)
                .header("x-zid", zoneId)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertThat(response.statusCode()).isEqualTo(200);
        return SandboxClient.json(response.body()).get("access_token").asText();
    }

    private HttpResponse<String> get(String url, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Proxy-Authorization", "Bearer " + token).header("Authorization", salesBasic());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return SandboxClient.send(viaProxy, request.build());
    }

    @Test
    void subscribersTokenReachesTheSubscribersCloudConnector(Sandbox sandbox) {
        HttpResponse<String> response = get(ACME_ORDERS + "?$top=1", acmeConnectivityToken(sandbox, acme.zoneId()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sandbox.counters().proxiedCalls()).isEqualTo(1);
    }

    @Test
    void providersTokenUsesTheProvidersCloudConnectorWhichDoesNotMapTheSubscribersSystem(Sandbox sandbox) {
        HttpResponse<String> response = get(ACME_ORDERS, SandboxClient.connectivityToken(sandbox));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(sandbox.cloudConnector().auditLog()).anySatisfy(e -> assertThat(e.virtualHost()).isEqualTo(ACME_HOST));
        assertThat(acme.cloudConnector().auditLog()).isEmpty();
    }

    @Test
    void subscribersTokenNeverUsesTheProvidersCloudConnectors(Sandbox sandbox) {
        String token = acmeConnectivityToken(sandbox, acme.zoneId());

        // the provider's connectors map erp.internal and have location Plant01; acme's have neither
        HttpResponse<String> providersSystem = get("http://erp.internal:44300" + SALES_SERVICE_PATH, token);
        HttpResponse<String> providersLocation = get(ACME_ORDERS, token, "SAP-Connectivity-SCC-Location_ID", "Plant01");

        assertThat(providersSystem.statusCode()).isEqualTo(403);
        assertThat(acme.cloudConnector().auditLog()).anySatisfy(e -> assertThat(e.virtualHost()).isEqualTo("erp.internal"));
        assertThat(providersLocation.statusCode()).isEqualTo(503);
        assertThat(sandbox.counters().proxiedCalls()).isZero();
    }

    @Test
    void tokenOfAnUnsubscribedTenantIs503(Sandbox sandbox) {
        String token = acmeConnectivityToken(sandbox, acme.zoneId());
        sandbox.tenants().unsubscribe("acme");

        assertThat(get(ACME_ORDERS, token).statusCode()).isEqualTo(503);
    }

    /**
     * Kyma's multi-tenant trusted mode [operational-modes-148bbad, using-the-connectivity-proxy-f3c1ef4]: no proxy
     * authorization, the tenant named by {@code SAP-CP-Connectivity-Service-Token} (the JWT itself), whose zone picks
     * the Cloud Connectors; without it the shared proxy cannot tell the tenant (400, a choice SAP leaves open).
     */
    @Test
    void multiTenantTrustedModeTakesTheTenantFromTheServiceTokenHeader(Sandbox sandbox) {
        sandbox.connectivity().trustedMultiTenantMode(true);
        String acmeToken = acmeConnectivityToken(sandbox, acme.zoneId());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ACME_ORDERS + "?$top=1"))
                .header("Authorization", salesBasic());

        HttpResponse<String> named = SandboxClient.send(viaProxy, request.copy()
                .header(ConnectivityProxy.SERVICE_TOKEN_HEADER, acmeToken).build());
        HttpResponse<String> unnamed = SandboxClient.send(viaProxy, request.copy().build());
        HttpResponse<String> proxyAuthorizationOnly = SandboxClient.send(viaProxy, request.copy()
                .header("Proxy-Authorization", "Bearer " + acmeToken).build());

        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains(ConnectivityProxy.SERVICE_TOKEN_HEADER);
        assertThat(proxyAuthorizationOnly.statusCode()).isEqualTo(400);
        sandbox.connectivity().trustedMultiTenantMode(false);
        assertThat(get(ACME_ORDERS + "?$top=1", acmeToken).statusCode()).isEqualTo(200);
    }
}
