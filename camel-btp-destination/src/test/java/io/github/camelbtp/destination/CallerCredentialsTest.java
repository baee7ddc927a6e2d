package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller's own credentials, as a platform-http consumer puts them on the message (its caller's Authorization of
 * any scheme, its Cookie with an SAP logon ticket), never reach a destination's target unless the endpoint asks with
 * forwardCallerCredentials=true; the destination decides what the target receives.
 */
class CallerCredentialsTest extends BtpDestinationTestSupport {

    private static final String OPEN = "CallerOpen";
    private static final String BASIC = "CallerBasicERP";
    private static final String OPEN_ERP = "CallerOpenERP";
    private static final String PING = "btp-destination:" + OPEN + "/public/ping";
    private static final String TICKET_COOKIE = "MYSAPSSO2=AjExMDAgAA1wb3J0YWw6VVNFUjE; JSESSIONID=caller-session-4711";

    @BeforeEach
    void destinations() {
        Map<String, String> open = new LinkedHashMap<>();
        open.put("Name", OPEN);
        open.put("Type", "HTTP");
        open.put("URL", sandbox().cloudApiUri().toString());
        open.put("ProxyType", "Internet");
        open.put("Authentication", "NoAuthentication");
        open.put("URL.headers.X-Api-Client", "camel");
        sandbox().destinations().putSubaccount(open);
        sandbox().destinations().putSubaccount(Map.of("Name", BASIC, "Type", "HTTP", "ProxyType", "Internet",
                "URL", sandbox().salesBackendUri().toString(), "Authentication", "BasicAuthentication",
                "User", DemoDestinations.SALES_USER, "Password", DemoDestinations.SALES_PASSWORD));
    }

    @AfterEach
    void removeDestinations() {
        sandbox().destinations().delete(OPEN);
        sandbox().destinations().delete(BASIC);
        sandbox().destinations().delete(OPEN_ERP);
    }

    private RecordedRequest atBackend() {
        return sandbox().backendRequests().last().orElseThrow();
    }

    @Test
    void incomingBasicAuthorizationDoesNotReachANoAuthenticationTarget() {
        Exchange exchange = call(PING, null, Map.of("Authorization", "Basic Y2FsbGVyOnNlY3JldA=="));

        assertThat(exchange.getException()).isNull();
        assertThat(atBackend().hasHeader("Authorization")).isFalse();
        assertThat(atBackend().header("X-Api-Client")).as("the destination's own headers still go").isEqualTo("camel");
    }

    @Test
    void incomingNegotiateAuthorizationDoesNotReachTheTarget() {
        Exchange exchange = call(PING, null, Map.of("Authorization", "Negotiate YIIGhgYJKoZIhvcSAQICAQBuggZ1"));

        assertThat(exchange.getException()).isNull();
        assertThat(atBackend().hasHeader("Authorization")).isFalse();
    }

    @Test
    void incomingCookieWithAnSapLogonTicketDoesNotReachTheTarget() {
        Exchange exchange = call(PING, null, Map.of("Cookie", TICKET_COOKIE));

        assertThat(exchange.getException()).isNull();
        assertThat(atBackend().hasHeader("Cookie")).isFalse();
    }

    @Test
    void callerCredentialsArePutBackOnTheMessageAfterTheCall() {
        Exchange exchange = call(PING, null, Map.of("Authorization", "Basic Y2FsbGVyOnNlY3JldA==", "Cookie", TICKET_COOKIE));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getIn().getHeader("Authorization")).isEqualTo("Basic Y2FsbGVyOnNlY3JldA==");
        assertThat(exchange.getIn().getHeader("Cookie")).isEqualTo(TICKET_COOKIE);
    }

    @Test
    void forwardCallerCredentialsSendsAuthorizationAndCookieOn() {
        Exchange exchange = call(PING + "?forwardCallerCredentials=true", null,
                Map.of("Authorization", "Negotiate YIIGhgYJKoZIhvcSAQICAQBuggZ1", "Cookie", TICKET_COOKIE));

        assertThat(exchange.getException()).isNull();
        assertThat(atBackend().header("Authorization")).isEqualTo("Negotiate YIIGhgYJKoZIhvcSAQICAQBuggZ1");
        assertThat(atBackend().header("Cookie")).contains("MYSAPSSO2=AjExMDAgAA1wb3J0YWw6VVNFUjE");
    }

    @Test
    void forwardCallerCredentialsSendsAnIncomingBearerOnToo() {
        String token = sandbox().userToken("gil");

        Exchange exchange = call(PING + "?forwardCallerCredentials=true", null, Map.of("Authorization", "Bearer " + token));

        assertThat(exchange.getException()).isNull();
        assertThat(atBackend().header("Authorization")).isEqualTo("Bearer " + token);
    }

    /** Two callers whose own credentials go to the target are two identities: one's SAP session never serves the other. */
    @Test
    void forwardedCredentialsOfAnotherCallerNeverGetTheFirstCallersSession() {
        sandbox().destinations().putSubaccount(Map.of("Name", OPEN_ERP, "Type", "HTTP", "ProxyType", "Internet",
                "URL", sandbox().salesBackendUri().toString(), "Authentication", "NoAuthentication"));
        String orders = "btp-destination:" + OPEN_ERP + DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?forwardCallerCredentials=true";
        String salesUser = "Basic " + java.util.Base64.getEncoder().encodeToString((DemoDestinations.SALES_USER + ":"
                + DemoDestinations.SALES_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> post = Map.of(Exchange.HTTP_METHOD, "POST", Exchange.CONTENT_TYPE, "application/json");
        String order = "{\"SalesOrderType\":\"OR\",\"SoldToParty\":\"17100001\",\"TotalNetAmount\":\"1.00\","
                + "\"TransactionCurrency\":\"EUR\"}";
        Map<String, Object> asSalesUser = new LinkedHashMap<>(post);
        asSalesUser.put("Authorization", salesUser);
        assertThat(call(orders, order, asSalesUser).getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class))
                .isEqualTo(201);
        Map<String, Object> asIntruder = new LinkedHashMap<>(post);
        asIntruder.put("Authorization", "Basic aW50cnVkZXI6Z3Vlc3M=");

        Exchange intruder = call(orders, order, asIntruder);

        assertThat(intruder.getException()).isInstanceOf(TargetRejectedCredentialsException.class);
        assertThat(atBackend().hasHeader("Cookie")).as("no session cookie of the first caller").isFalse();
    }

    @Test
    void theDestinationsOwnAuthorizationStillReplacesTheCallersWhenForwarding() {
        Exchange exchange = call("btp-destination:" + BASIC + DemoDestinations.SALES_SERVICE_PATH
                + "/A_SalesOrder?$top=1&forwardCallerCredentials=true", null, Map.of("Authorization", "Basic Y2FsbGVyOnNlY3JldA=="));

        assertThat(exchange.getException()).isNull();
        assertThat(atBackend().header("Authorization")).startsWith("Basic ").isNotEqualTo("Basic Y2FsbGVyOnNlY3JldA==");
    }
}
