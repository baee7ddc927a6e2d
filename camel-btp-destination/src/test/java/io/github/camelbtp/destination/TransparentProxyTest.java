package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.TransparentProxyException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.destination.Tenants;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.transparentproxy.TransparentProxy;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SAP's Transparent Proxy on Kyma [destination-gateway-dynamic-lookup-of-destinations-6836e00]: with the gateway's
 * address set, a destination is reached by name through the sandbox's gateway, which finds, authenticates and takes
 * the Connectivity hop — the engine itself makes no Destination Service or token call.
 */
class TransparentProxyTest extends BtpDestinationTestSupport {

    private static final String SALES = "sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";

    @Override
    protected void configure(BtpDestinationComponent component) {
        super.configure(component);
        component.getEngineOptions().setTransparentProxy(sandbox().transparentProxy().uri().toString());
    }

    @BeforeEach
    void landscape() {
        sandbox().destinations().putFragment(Map.of("FragmentName", "tp-tagged", "URL.headers.X-Fragment", "applied"));
        Map<String, String> user = new LinkedHashMap<>();
        user.put("Name", "TpUserApi");
        user.put("Type", "HTTP");
        user.put("URL", sandbox().cloudApiUri().toString());
        user.put("ProxyType", "Internet");
        user.put("Authentication", "OAuth2JWTBearer");
        user.put("tokenServiceURL", sandbox().tokenServiceUri() + "/oauth/token");
        user.put("clientId", "sb-tp-user!t7");
        user.put("clientSecret", "tp-user-secret-7a1c");
        sandbox().oauthClients().register("sb-tp-user!t7", "tp-user-secret-7a1c");
        sandbox().destinations().putSubaccount(user);
        sandbox().destinations().putSubaccount(Map.of("Name", "TpPropagatedERP", "Type", "HTTP", "URL",
                "http://erp.internal:44300", "ProxyType", "OnPremise", "Authentication", "PrincipalPropagation"));
    }

    @AfterEach
    void cleanUp() {
        sandbox().destinations().deleteFragment("tp-tagged");
        sandbox().destinations().delete("TpUserApi");
        sandbox().destinations().delete("TpPropagatedERP");
        sandbox().tenants().unsubscribe("tpacme");
    }

    /** What the engine's binding clients asked of the BTP services: nothing, when the gateway does the work. */
    private void assertNoLookupOrTokenOfTheEngine() {
        assertThat(sandbox().counters().destinationLookups()).isZero();
        assertThat(sandbox().counters().tokenGrants(DemoDestinations.DESTINATION_CLIENT_ID)).isZero();
        assertThat(sandbox().counters().tokenGrants(DemoDestinations.CONNECTIVITY_CLIENT_ID)).isZero();
    }

    private RecordedRequest lastGatewayRequest() {
        return sandbox().serviceRequests().matching(r -> r.server().equals(TransparentProxy.SERVER)).stream()
                .reduce((first, second) -> second).orElseThrow();
    }

    @Test
    void internetDestinationIsReachedByNameThroughTheGatewayWithoutLookupOrToken() {
        Exchange exchange = get("btp-destination:" + DemoDestinations.CLOUD_SALES_API + "/api/v1/products");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        RecordedRequest sent = lastGatewayRequest();
        assertThat(sent.header("X-Destination-Name")).isEqualTo(DemoDestinations.CLOUD_SALES_API);
        assertThat(sent.path()).isEqualTo("/api/v1/products");
        assertThat(sent.hasHeader("X-Tenant-Subdomain") || sent.hasHeader("X-Tenant-Id")).isFalse();
        assertNoLookupOrTokenOfTheEngine();
    }

    @Test
    void onPremiseDestinationIsReachedByNameThroughTheGatewayAndTheConnectivityProxy() {
        long proxied = sandbox().counters().proxiedCalls();

        Exchange exchange = get("btp-destination:" + DemoDestinations.ON_PREMISE_ERP + "/" + SALES + "?$top=1");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).contains("SalesOrder");
        assertThat(sandbox().counters().proxiedCalls()).isGreaterThan(proxied);
        assertThat(lastGatewayRequest().rawQuery()).contains("top=1");
        assertNoLookupOrTokenOfTheEngine();
    }

    private Tenants.Tenant subscriberWithItsOwnCatalog() {
        Tenants.Tenant tenant = sandbox().tenants().subscribe("tpacme");
        tenant.destinations().putSubaccount(Map.of("Name", "TpAcmeCatalog", "Type", "HTTP", "URL",
                sandbox().cloudApiUri() + "/public", "ProxyType", "Internet", "Authentication", "NoAuthentication"));
        return tenant;
    }

    @Test
    void subscriberTenantBySubdomainIsSentAsXTenantSubdomain() {
        subscriberWithItsOwnCatalog();

        Exchange exchange = call("btp-destination:TpAcmeCatalog/ping?tenantHeader=X-Tenant", null, Map.of("X-Tenant", "tpacme"));

        assertThat(exchange.getException()).isNull();
        RecordedRequest sent = lastGatewayRequest();
        assertThat(sent.header("X-Tenant-Subdomain")).isEqualTo("tpacme");
        assertThat(sent.hasHeader("X-Tenant-Id")).isFalse();
        assertNoLookupOrTokenOfTheEngine();
    }

    @Test
    void subscriberTenantByIdIsSentAsXTenantId() {
        Tenants.Tenant tenant = subscriberWithItsOwnCatalog();

        Exchange exchange = call("btp-destination:TpAcmeCatalog/ping?tenantHeader=X-Tenant", null, Map.of("X-Tenant", tenant.zoneId()));

        assertThat(exchange.getException()).isNull();
        RecordedRequest sent = lastGatewayRequest();
        assertThat(sent.header("X-Tenant-Id")).isEqualTo(tenant.zoneId());
        assertThat(sent.hasHeader("X-Tenant-Subdomain")).isFalse();
    }

    @Test
    void fragmentIsSentAsXFragmentNameAndMergedByTheGateway() {
        Exchange exchange = get("btp-destination:" + DemoDestinations.PUBLIC_CATALOG + "/ping?fragmentName=tp-tagged");

        assertThat(exchange.getException()).isNull();
        assertThat(lastGatewayRequest().header("X-Fragment-Name")).isEqualTo("tp-tagged");
        assertThat(sandbox().backendRequests().last().orElseThrow().header("X-Fragment")).isEqualTo("applied");
    }

    @Test
    void userFlowSendsTheUsersTokenInAuthorizationToTheGateway() {
        String token = sandbox().userToken("tina");

        Exchange exchange = call("btp-destination:TpUserApi/api/v1/me", null, Map.of("Authorization", "Bearer " + token));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).contains("tina");
        assertThat(lastGatewayRequest().header("Authorization")).isEqualTo("Bearer " + token);
        assertNoLookupOrTokenOfTheEngine();
    }

    @Test
    void destinationMissingInTheTenantBecomesTransparentProxyExceptionNamingItAndTheOrigin() {
        Exchange exchange = get("btp-destination:NoSuchTpDestination/x");

        assertThat(exchange.getException()).isInstanceOfSatisfying(TransparentProxyException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.origin()).isEqualTo("Destination Service");
            assertThat(e.requestId()).isNotBlank();
            assertThat(e.internalCode()).isNotBlank();
            assertThat(e.destinationName()).isEqualTo("NoSuchTpDestination");
            assertThat(e.getMessage()).contains("NoSuchTpDestination", "Destination Service", e.requestId(),
                    "not be found in tenant", "create it");
        });
    }

    @Test
    void unknownTenantBecomesTransparentProxyExceptionWithTheTenantAdvice() {
        Exchange exchange = call("btp-destination:" + DemoDestinations.PUBLIC_CATALOG + "/ping?tenantHeader=X-Tenant",
                null, Map.of("X-Tenant", "not-subscribed"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(TransparentProxyException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.getMessage()).contains("not-subscribed", "subscribed to the application");
        });
    }

    @Test
    void invalidHeaderAnswerBecomesTransparentProxyExceptionWithTheHeaderAdvice() {
        // the route adds X-Tenant-Id next to the engine's X-Tenant-Subdomain: the gateway takes exactly one
        subscriberWithItsOwnCatalog();

        Exchange exchange = call("btp-destination:TpAcmeCatalog/ping?tenantHeader=X-Tenant", null,
                Map.of("X-Tenant", "tpacme", "X-Tenant-Id", "4f1d0c2e-0000-4000-8000-000000000001"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(TransparentProxyException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.origin()).isEqualTo("Transparent Proxy");
            assertThat(e.getMessage()).contains("TpAcmeCatalog", "X-Tenant-Id / X-Tenant-Subdomain");
        });
    }

    @Test
    void backendNotFoundStaysHttpOperationFailedException() {
        Exchange exchange = get("btp-destination:" + DemoDestinations.PUBLIC_CATALOG + "/no-such-resource");

        assertThat(exchange.getException()).isInstanceOfSatisfying(HttpOperationFailedException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void mailDestinationByNameIsRefusedWithTheKubernetesServiceAdvice() {
        Exchange exchange = call("btp-destination:" + DemoDestinations.CORPORATE_MAIL, "hello", Map.of());

        assertThat(exchange.getException()).isNotNull();
        // the gateway reports the destination's type; never a silent HTTP post of a mail
        assertThat(exchange.getException()).isInstanceOf(TransparentProxyException.class)
                .hasMessageContaining(DemoDestinations.CORPORATE_MAIL);
    }

    private Exchange postAs(String user) {
        return call("btp-destination:TpPropagatedERP/" + SALES, "{\"SalesOrderType\":\"OR\",\"SoldToParty\":\"17100001\","
                + "\"TotalNetAmount\":\"10.00\",\"TransactionCurrency\":\"EUR\"}", Map.of(Exchange.HTTP_METHOD, "POST",
                Exchange.CONTENT_TYPE, "application/json", "Authorization", "Bearer " + sandbox().userToken(user)));
    }

    private RecordedRequest lastAcceptedPost() {
        return sandbox().backendRequests().matching(r -> r.method().equals("POST") && r.hasHeader("x-csrf-token"))
                .stream().reduce((first, second) -> second).orElseThrow();
    }

    @Test
    void secondUserThroughTheGatewayGetsNoCookieOrCsrfTokenOfTheFirst() {
        // the engine cannot see that the proxy logs each user on: the users' sessions must stay apart anyway
        Exchange alice = postAs("alice");
        assertThat(alice.getException()).isNull();
        assertThat(alice.getMessage().getHeader("X-Sandbox-Logon-User", String.class)).isEqualTo("ALICE");
        RecordedRequest alicesPost = lastAcceptedPost();
        long fetches = sandbox().counters().csrfFetches();

        Exchange bob = postAs("bob");

        assertThat(bob.getException()).isNull();
        assertThat(bob.getMessage().getHeader("X-Sandbox-Logon-User", String.class)).isEqualTo("BOB");
        assertThat(sandbox().counters().csrfFetches()).as("bob fetched a token of his own").isEqualTo(fetches + 1);
        RecordedRequest bobsPost = lastAcceptedPost();
        assertThat(bobsPost.header("Cookie")).isNotEqualTo(alicesPost.header("Cookie"));
        assertThat(bobsPost.header("x-csrf-token")).isNotEqualTo(alicesPost.header("x-csrf-token"));
    }
}
