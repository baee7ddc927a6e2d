package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.dispatch.PrincipalPropagationMode;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity propagation to the on-premise sales backend through the Connectivity proxy and the Cloud Connector: the
 * backend answers with the ABAP user the connector logged on as, so these tests prove the user arrived.
 */
class IdentityPropagationTest extends BtpDestinationTestSupport {

    private static final String SALES = "sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1";
    private static final String LOGON_USER = "X-Sandbox-Logon-User";
    private static final String CLIENT = "sb-technical-propagation!t7";
    private static final String SECRET = "technical-propagation-secret-51c0";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BtpDestinationComponent recommended = new BtpDestinationComponent();
        recommended.getEngineOptions().setVcapServices(sandbox().vcapServices());
        // bound differently from the context's btp-destination: an engine of its own, not the shared one
        recommended.getEngineOptions().setSharedEngine(false);
        recommended.getEngineOptions().setPrincipalPropagationMode(PrincipalPropagationMode.PROXY_AUTHORIZATION_TOKEN_EXCHANGE);
        context.addComponent("btp-recommended", recommended);
        return context;
    }

    @BeforeEach
    void destinations() {
        sandbox().oauthClients().register(CLIENT, SECRET);
        Map<String, String> pp = erp("PropagatedERP");
        pp.put("Authentication", "PrincipalPropagation");
        sandbox().destinations().putSubaccount(pp);
        Map<String, String> technical = erp("TechnicalERP");
        technical.put("Authentication", "OAuth2TechnicalUserPropagation");
        technical.put("clientId", CLIENT);
        technical.put("clientSecret", SECRET);
        technical.put("tokenServiceURL", sandbox().tokenServiceUri() + "/oauth/token");
        sandbox().destinations().putSubaccount(technical);
    }

    @AfterEach
    void removeDestinations() {
        sandbox().destinations().delete("PropagatedERP");
        sandbox().destinations().delete("TechnicalERP");
    }

    private Map<String, String> erp(String name) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "HTTP");
        d.put("URL", "http://erp.internal:44300");
        d.put("ProxyType", "OnPremise");
        return d;
    }

    private Exchange asUser(String uri, String user) {
        return call(uri, null, Map.of("Authorization", "Bearer " + sandbox().userToken(user)));
    }

    @Test
    void principalPropagationLogsTheIncomingUserOnAtTheBackend() {
        Exchange exchange = asUser("btp-destination:PropagatedERP/" + SALES, "alice");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(LOGON_USER, String.class)).isEqualTo("ALICE");
    }

    @Test
    void principalPropagationSendsTheUserJwtToTheProxyAndNoAuthorization() {
        String token = sandbox().userToken("bruno");

        Exchange exchange = call("btp-destination:PropagatedERP/" + SALES, null, Map.of("Authorization", "Bearer " + token));

        assertThat(exchange.getException()).isNull();
        RecordedRequest atProxy = sandbox().proxyRequests().last().orElseThrow();
        assertThat(atProxy.header("SAP-Connectivity-Authentication")).isEqualTo("Bearer " + token);
        assertThat(atProxy.hasHeader("Authorization")).isFalse();
        assertThat(sandbox().backendRequests().last().orElseThrow().hasHeader("Authorization")).isFalse();
    }

    @Test
    void principalPropagationWithoutUserFailsInsteadOfCallingAsTechnicalUser() {
        long proxied = sandbox().counters().proxiedCalls();

        Exchange exchange = get("btp-destination:PropagatedERP/" + SALES);

        assertThat(exchange.getException()).isInstanceOf(DestinationConfigurationException.class)
                .hasMessageContaining("PropagatedERP").hasMessageContaining("X-user-token");
        assertThat(sandbox().counters().proxiedCalls()).isEqualTo(proxied);
    }

    @Test
    void recommendedModeSendsTheExchangedUserTokenAsProxyAuthorization() {
        String token = sandbox().userToken("carla");

        Exchange exchange = call("btp-recommended:PropagatedERP/" + SALES, null, Map.of("Authorization", "Bearer " + token));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(LOGON_USER, String.class)).isEqualTo("CARLA");
        RecordedRequest atProxy = sandbox().proxyRequests().last().orElseThrow();
        assertThat(atProxy.hasHeader("SAP-Connectivity-Authentication")).isFalse();
        assertThat(atProxy.header("Proxy-Authorization")).startsWith("Bearer ").isNotEqualTo("Bearer " + token);
    }

    @Test
    void userTokenFromAnotherHeaderWhenConfigured() {
        Exchange exchange = call("btp-destination:PropagatedERP/" + SALES + "&userTokenHeader=X-User-Jwt", null,
                Map.of("X-User-Jwt", sandbox().userToken("dora")));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(LOGON_USER, String.class)).isEqualTo("DORA");
    }

    @Test
    void technicalUserPropagationLogsTheClientOnThroughTheTechnicalHeader() {
        Exchange exchange = get("btp-destination:TechnicalERP/" + SALES);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(LOGON_USER, String.class)).isEqualTo(CLIENT.toUpperCase(java.util.Locale.ROOT));
        assertThat(sandbox().proxyRequests().last().orElseThrow().header("SAP-Connectivity-Technical-Authentication"))
                .startsWith("Bearer ");
    }

    @Test
    void forgedUserTokenIsRefusedByTheProxy() {
        Exchange exchange = call("btp-destination:PropagatedERP/" + SALES, null,
                Map.of("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJ1c2VyX25hbWUiOiJldmUifQ.x"));

        assertThat(exchange.getException()).isNotNull();
        assertThat(exchange.getMessage().getHeader(LOGON_USER)).isNull();
    }
}
