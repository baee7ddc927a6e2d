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
 * One resolution per exchange, for every type btp-destination carries: the producer looks the destination up once,
 * with the request's tenant and user, and hands the result to the transport for its type. With the destination cache
 * off (TTL 0, no stale entries) every lookup of the engine is a find request at the sandbox's Destination Service, so
 * the find requests an exchange causes are the lookups it makes. Each destination lives in the subscriber's
 * subaccount only, so an answer at all proves the subscriber's tenant reached the lookup; the find request shows the
 * user's token.
 */
class OneLookupPerExchangeTest extends BtpDestinationTestSupport {

    /** Subscribers' token URLs are host names, https://<subdomain>.<uaadomain>, as on BTP. */
    @RegisterExtension
    static final SandboxExtension HOST_NAMES = new SandboxExtension(Sandbox.builder().tokenServiceHostNames());

    @Override
    protected Sandbox sandbox() {
        return HOST_NAMES.sandbox();
    }

    private Tenants.Tenant acme;
    private String userToken;

    @Override
    protected void configure(BtpDestinationComponent component) {
        super.configure(component);
        component.getEngineOptions().setDestinationCacheTtl(0);
        component.getEngineOptions().setDestinationCacheMaxStale(0);
        bindTrustingTokenServiceHostNames(component);
    }

    @BeforeEach
    void subscriber() {
        acme = sandbox().tenants().subscribe("acme");
        userToken = sandbox().userToken("alice");
        sandbox().mailServer().purge();
        sandbox().directory().reset();
    }

    @AfterEach
    void cleanUp() {
        sandbox().tenants().unsubscribe("acme");
    }

    private Exchange callAsAliceOfAcme(String uri, Object body, Map<String, Object> headers) {
        Map<String, Object> all = new LinkedHashMap<>(headers);
        all.put("X-Tenant", "acme");
        all.put("Authorization", "Bearer " + userToken);
        sandbox().serviceRequests().clear();
        Exchange exchange = call(uri + (uri.contains("?") ? "&" : "?") + "tenantHeader=X-Tenant", body, all);
        assertThat(exchange.getException()).isNull();
        return exchange;
    }

    /** The find requests for {@code name}: each is one lookup of the engine, the cache being off. */
    private List<RecordedRequest> findRequests(String name) {
        return sandbox().serviceRequests().all().stream()
                .filter(r -> r.server().equals("destination") && r.path().endsWith("/" + name)).toList();
    }

    private void assertOneLookupForAliceOfAcme(String name) {
        assertThat(findRequests(name)).singleElement().satisfies(find -> {
            assertThat(find.header("x-tenant")).isEqualTo("acme");
            assertThat(find.header("X-user-token")).isEqualTo(userToken);
        });
    }

    @Test
    void httpExchangeLooksUpOnceWithTheSubscribersTenantAndTheUsersToken() {
        acme.destinations().putSubaccount(Map.of("Name", "AcmeApi", "Type", "HTTP", "ProxyType", "Internet",
                "URL", sandbox().cloudApiUri() + "/public", "Authentication", "NoAuthentication"));

        callAsAliceOfAcme("btp-destination:AcmeApi/ping", null, Map.of());

        assertOneLookupForAliceOfAcme("AcmeApi");
    }

    @Test
    void mailExchangeLooksUpOnceWithTheSubscribersTenantAndTheUsersToken() {
        Map<String, String> mail = new LinkedHashMap<>();
        mail.put("Name", "AcmeMail");
        mail.put("Type", "MAIL");
        mail.put("ProxyType", "Internet");
        mail.put("mail.transport.protocol", "smtp");
        mail.put("mail.smtp.host", "127.0.0.1");
        mail.put("mail.smtp.port", Integer.toString(sandbox().mailServer().smtpPort()));
        mail.put("mail.smtp.auth", "true");
        mail.put("mail.smtp.from", DemoDestinations.MAIL_USER);
        mail.put("mail.user", DemoDestinations.MAIL_USER);
        mail.put("mail.password", DemoDestinations.MAIL_PASSWORD);
        acme.destinations().putSubaccount(mail);

        callAsAliceOfAcme("btp-destination:AcmeMail", "hello", Map.of("To", DemoDestinations.INBOX_USER, "Subject", "Hi"));

        assertThat(sandbox().mailServer().waitForMessages(1, 5_000)).isTrue();
        assertOneLookupForAliceOfAcme("AcmeMail");
    }

    @Test
    void ldapExchangeLooksUpOnceWithTheSubscribersTenantAndTheUsersToken() {
        acme.destinations().putSubaccount(Map.of("Name", "AcmeDirectory", "Type", "LDAP",
                "ldap.url", "ldap://127.0.0.1:" + sandbox().directory().port(), "ldap.authentication", "BasicAuthentication",
                "ldap.user", DemoDestinations.LDAP_BIND_DN, "ldap.password", DemoDestinations.LDAP_PASSWORD));

        Exchange exchange = callAsAliceOfAcme("btp-destination:AcmeDirectory?ldapBaseDn=ou=people,"
                + DemoDestinations.LDAP_BASE_DN + "&ldapFilter=(uid=emp004)", null, Map.of());

        assertThat(exchange.getMessage().getBody(List.class)).hasSize(1);
        assertOneLookupForAliceOfAcme("AcmeDirectory");
    }

    @Test
    void tcpExchangeLooksUpOnceWithTheSubscribersTenantAndTheUsersToken() {
        acme.destinations().putSubaccount(Map.of("Name", "AcmeEcho", "Type", "TCP", "ProxyType", "Internet",
                "Address", "tcp://127.0.0.1:" + sandbox().echoService().port()));

        Exchange exchange = callAsAliceOfAcme("btp-destination:AcmeEcho", "hello", Map.of());

        assertThat(exchange.getMessage().getBody(String.class)).contains("hello");
        assertOneLookupForAliceOfAcme("AcmeEcho");
    }
}
