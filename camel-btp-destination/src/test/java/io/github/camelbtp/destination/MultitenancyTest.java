package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationNotFoundException;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.sandbox.destination.Tenants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multitenant application: the tenant comes from an exchange header, its destinations from the subscriber's
 * subaccount (reached with the subscriber's own token), and the tenant strategy decides about the provider's.
 * Each subaccount's "Catalog" destination stamps its owner on the request, so the backend shows whose was used.
 */
class MultitenancyTest extends BtpDestinationTestSupport {

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

    private static final String MARKER = "X-Owner";
    private Tenants.Tenant acme;

    @BeforeEach
    void subaccounts() {
        acme = sandbox().tenants().subscribe("acme");
        sandbox().destinations().putSubaccount(catalog("Catalog", "provider"));
        sandbox().destinations().putSubaccount(catalog("ProviderOnlyCatalog", "provider"));
        acme.destinations().putSubaccount(catalog("Catalog", "acme"));
    }

    @AfterEach
    void cleanUp() {
        sandbox().destinations().delete("Catalog");
        sandbox().destinations().delete("ProviderOnlyCatalog");
        sandbox().tenants().unsubscribe("acme");
    }

    private Map<String, String> catalog(String name, String owner) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "HTTP");
        d.put("URL", sandbox().cloudApiUri() + "/public");
        d.put("ProxyType", "Internet");
        d.put("Authentication", "NoAuthentication");
        d.put("URL.headers." + MARKER, owner);
        return d;
    }

    @Test
    void subscribersTcpDestinationIsFoundAndUsedForTheRequestsTenant() {
        acme.destinations().putSubaccount(Map.of("Name", "TenantEcho", "Type", "TCP", "ProxyType", "Internet",
                "Address", "tcp://127.0.0.1:" + sandbox().echoService().port()));

        Exchange exchange = call("btp-destination:TenantEcho?tenantHeader=X-Tenant", "hello", Map.of("X-Tenant", "acme"));

        // the type was found for the tenant, and so must the connection be: MAIL, LDAP and TCP lost the tenant before
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).contains("hello");
    }

    private Exchange callAs(String uri, String tenant) {
        return call(uri, null, tenant == null ? Map.of() : Map.of("X-Tenant", tenant));
    }

    private String owner(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return sandbox().backendRequests().last().orElseThrow().header(MARKER);
    }

    @Test
    void tenantSubdomainFromHeaderUsesTheSubscribersDestination() {
        assertThat(owner(callAs("btp-destination:Catalog/ping?tenantHeader=X-Tenant", "acme"))).isEqualTo("acme");
    }

    @Test
    void tenantIdFromHeaderUsesTheSubscribersDestinationToo() {
        assertThat(owner(callAs("btp-destination:Catalog/ping?tenantHeader=X-Tenant", acme.zoneId()))).isEqualTo("acme");
    }

    @Test
    void requestWithoutTenantUsesTheProvidersDestination() {
        assertThat(owner(callAs("btp-destination:Catalog/ping?tenantHeader=X-Tenant", null))).isEqualTo("provider");
    }

    @Test
    void cachedDestinationsAreSeparatedByTenant() {
        String uri = "btp-destination:Catalog/ping?tenantHeader=X-Tenant";
        owner(callAs(uri, null));
        owner(callAs(uri, "acme"));

        assertThat(owner(callAs(uri, null))).isEqualTo("provider");
        assertThat(owner(callAs(uri, "acme"))).isEqualTo("acme");
    }

    @Test
    void providerOnlyIgnoresTheRequestsTenant() {
        assertThat(owner(callAs("btp-destination:Catalog/ping?tenantHeader=X-Tenant&tenantStrategy=PROVIDER_ONLY", "acme")))
                .isEqualTo("provider");
    }

    @Test
    void subscriberOnlyFailsForARequestWithoutTenant() {
        Exchange exchange = callAs("btp-destination:Catalog/ping?tenantHeader=X-Tenant&tenantStrategy=SUBSCRIBER_ONLY", null);

        assertThat(exchange.getException()).isInstanceOf(DestinationConfigurationException.class)
                .hasMessageContaining("SUBSCRIBER_ONLY").hasMessageContaining("tenantHeader");
    }

    @Test
    void currentTenantDoesNotFallBackToTheProvider() {
        Exchange exchange = callAs("btp-destination:ProviderOnlyCatalog/ping?tenantHeader=X-Tenant", "acme");

        assertThat(exchange.getException()).isInstanceOf(DestinationNotFoundException.class);
    }

    @Test
    void currentTenantThenProviderFallsBackWhenTheSubscriberLacksTheDestination() {
        String uri = "btp-destination:ProviderOnlyCatalog/ping?tenantHeader=X-Tenant&tenantStrategy=CURRENT_TENANT_THEN_PROVIDER";

        assertThat(owner(callAs(uri, "acme"))).isEqualTo("provider");
    }

    @Test
    void currentTenantThenProviderPrefersTheSubscribersDestination() {
        String uri = "btp-destination:Catalog/ping?tenantHeader=X-Tenant&tenantStrategy=CURRENT_TENANT_THEN_PROVIDER";

        assertThat(owner(callAs(uri, "acme"))).isEqualTo("acme");
    }

    @Test
    void unknownSubdomainIsATokenErrorOfTheSubscribersTokenUrl() {
        Exchange exchange = callAs("btp-destination:Catalog/ping?tenantHeader=X-Tenant", "nobody");

        assertThat(exchange.getException()).isInstanceOf(TokenException.class).hasMessageContaining("https://nobody." + sandbox().tokenServiceHostNames().uaaDomain())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(sandbox().vcapServices()));
    }
}
