package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.destination.Tenants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SAP sessions (the session cookie and the CSRF token bound to it) belong to one destination, one tenant and the one
 * identity the destination logs on as. The sandbox's sales backend behaves like an ABAP system: a request presenting
 * a session's cookie runs as the session's user, so a shared session would run one user's request as another.
 */
class SessionScopeTest extends BtpDestinationTestSupport {

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

    private static final String PROPAGATED = "SessionPropagatedERP";
    private static final String SHARED = "SessionSharedERP";
    private static final String ORDERS = DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder";
    private static final String LOGON_USER = "X-Sandbox-Logon-User";
    private static final String NEW_ORDER = "{\"SalesOrderType\":\"OR\",\"SoldToParty\":\"17100001\","
            + "\"TotalNetAmount\":\"10.00\",\"TransactionCurrency\":\"EUR\"}";

    private Tenants.Tenant acme;

    @BeforeEach
    void destinations() {
        Map<String, String> propagated = new LinkedHashMap<>();
        propagated.put("Name", PROPAGATED);
        propagated.put("Type", "HTTP");
        propagated.put("URL", "http://erp.internal:44300");
        propagated.put("ProxyType", "OnPremise");
        propagated.put("Authentication", "PrincipalPropagation");
        sandbox().destinations().putSubaccount(propagated);
        acme = sandbox().tenants().subscribe("acme");
        sandbox().destinations().putSubaccount(basic());
        acme.destinations().putSubaccount(basic());
    }

    /** The same ABAP user in two tenants' destinations of the same name: still two sessions. */
    private Map<String, String> basic() {
        return Map.of("Name", SHARED, "Type", "HTTP", "ProxyType", "Internet", "URL", sandbox().salesBackendUri().toString(),
                "Authentication", "BasicAuthentication", "User", DemoDestinations.SALES_USER,
                "Password", DemoDestinations.SALES_PASSWORD);
    }

    @AfterEach
    void removeDestinations() {
        sandbox().destinations().delete(PROPAGATED);
        sandbox().destinations().delete(SHARED);
        sandbox().tenants().unsubscribe("acme");
    }

    private Exchange post(String uri, Map<String, Object> headers) {
        Map<String, Object> all = new LinkedHashMap<>(headers);
        all.put(Exchange.HTTP_METHOD, "POST");
        all.put(Exchange.CONTENT_TYPE, "application/json");
        return call(uri, NEW_ORDER, all);
    }

    private Exchange postAs(String user) {
        return postWith(sandbox().userToken(user));
    }

    private Exchange postWith(String userToken) {
        return post("btp-destination:" + PROPAGATED + ORDERS, Map.of("Authorization", "Bearer " + userToken));
    }

    private Exchange postForTenant(String tenant) {
        return post("btp-destination:" + SHARED + ORDERS + "?tenantHeader=X-Tenant",
                tenant == null ? Map.of() : Map.of("X-Tenant", tenant));
    }

    /** The last POST the backend accepted, with the session cookie and CSRF token it carried. */
    private RecordedRequest lastAcceptedPost() {
        List<RecordedRequest> posts = sandbox().backendRequests()
                .matching(r -> r.method().equals("POST") && r.hasHeader("x-csrf-token"));
        assertThat(posts).isNotEmpty();
        return posts.get(posts.size() - 1);
    }

    @Test
    void secondUserOfAPropagationDestinationGetsNoCookieOrCsrfTokenOfTheFirst() {
        Exchange alice = postAs("alice");
        assertThat(alice.getException()).isNull();
        assertThat(alice.getMessage().getHeader(LOGON_USER, String.class)).isEqualTo("ALICE");
        RecordedRequest alicesPost = lastAcceptedPost();
        long fetches = sandbox().counters().csrfFetches();

        Exchange bob = postAs("bob");

        assertThat(bob.getException()).isNull();
        assertThat(bob.getMessage().getHeader(LOGON_USER, String.class)).isEqualTo("BOB");
        assertThat(sandbox().counters().csrfFetches()).as("bob fetched a token of his own").isEqualTo(fetches + 1);
        RecordedRequest bobsPost = lastAcceptedPost();
        assertThat(bobsPost.header("Cookie")).isNotEqualTo(alicesPost.header("Cookie"));
        assertThat(bobsPost.header("x-csrf-token")).isNotEqualTo(alicesPost.header("x-csrf-token"));
        List<RecordedRequest> bobsRequests = sandbox().backendRequests().all();
        bobsRequests = bobsRequests.subList(bobsRequests.indexOf(alicesPost) + 1, bobsRequests.size());
        assertThat(bobsRequests).isNotEmpty().allSatisfy(r -> {
            assertThat(r.headers("Cookie")).noneMatch(c -> c.equals(alicesPost.header("Cookie")));
            assertThat(r.headers("x-csrf-token")).doesNotContain(alicesPost.header("x-csrf-token"));
        });
    }

    /** The same user is the same token: the identity is keyed by a hash of the token, which cannot be forged. */
    @Test
    void sameUserKeepsItsSessionAndCsrfToken() {
        String alice = sandbox().userToken("alice");
        assertThat(postWith(alice).getException()).isNull();
        RecordedRequest first = lastAcceptedPost();
        long fetches = sandbox().counters().csrfFetches();

        Exchange again = postWith(alice);

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(LOGON_USER, String.class)).isEqualTo("ALICE");
        assertThat(sandbox().counters().csrfFetches()).isEqualTo(fetches);
        RecordedRequest second = lastAcceptedPost();
        assertThat(second).isNotSameAs(first);
        assertThat(second.header("x-csrf-token")).isEqualTo(first.header("x-csrf-token"));
        assertThat(second.header("Cookie")).isEqualTo(first.header("Cookie"));
    }

    @Test
    void tenantsNeverShareASessionOfADestinationWithTheSameNameAndUser() {
        assertThat(postForTenant(null).getException()).isNull();
        RecordedRequest providers = lastAcceptedPost();
        long fetches = sandbox().counters().csrfFetches();

        Exchange subscribers = postForTenant("acme");

        assertThat(subscribers.getException()).isNull();
        assertThat(sandbox().counters().csrfFetches()).as("the subscriber fetched a token of its own").isEqualTo(fetches + 1);
        RecordedRequest acmes = lastAcceptedPost();
        assertThat(acmes.header("Cookie")).isNotEqualTo(providers.header("Cookie"));
        assertThat(acmes.header("x-csrf-token")).isNotEqualTo(providers.header("x-csrf-token"));
    }

    @Test
    void alternatingUsersThroughTheProxyEachArriveAsThemselves() {
        String uri = "btp-destination:" + PROPAGATED + ORDERS + "?$top=1";
        for (String user : List.of("alice", "bob", "alice", "bob")) {
            Exchange exchange = call(uri, null, Map.of("Authorization", "Bearer " + sandbox().userToken(user)));

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(LOGON_USER, String.class)).isEqualTo(user.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
