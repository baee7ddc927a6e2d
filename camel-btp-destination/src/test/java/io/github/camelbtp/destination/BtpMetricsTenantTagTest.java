package io.github.camelbtp.destination;

import org.junit.jupiter.api.extension.RegisterExtension;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.destination.Tenants;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional {@code tenant} tag ({@code camel.btp.metrics.tenant-tag=true}): the subscriber's subdomain, {@code
 * provider} for the provider's own requests, and {@code tenant-id} for a tenant named by its zone ID, never the GUID.
 */
class BtpMetricsTenantTagTest extends BtpDestinationTestSupport {

    private static final String URI = "btp-destination:Catalog/ping?tenantHeader=X-Tenant";

    /** Subscribers' token URLs are host names, https://<subdomain>.<uaadomain>, as on BTP. */
    @RegisterExtension
    static final SandboxExtension HOST_NAMES = new SandboxExtension(Sandbox.builder().tokenServiceHostNames());

    @Override
    protected Sandbox sandbox() {
        return HOST_NAMES.sandbox();
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Tenants.Tenant acme;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", registry);
        Properties properties = new Properties();
        properties.setProperty("camel.btp.metrics.tenant-tag", "true");
        context.getPropertiesComponent().setInitialProperties(properties);
        return context;
    }

    @Override
    protected void configure(BtpDestinationComponent component) {
        bindTrustingTokenServiceHostNames(component);
    }

    @BeforeEach
    void subscribe() {
        acme = sandbox().tenants().subscribe("acme");
        Map<String, String> catalog = Map.of("Name", "Catalog", "Type", "HTTP", "URL", sandbox().cloudApiUri() + "/public",
                "ProxyType", "Internet", "Authentication", "NoAuthentication");
        sandbox().destinations().putSubaccount(catalog);
        acme.destinations().putSubaccount(catalog);
    }

    @AfterEach
    void cleanUp() {
        sandbox().destinations().delete("Catalog");
        sandbox().tenants().unsubscribe("acme");
    }

    private double lookups(String tenant) {
        var counter = registry.find("camel.btp.destination.lookups").tags("destination", "Catalog", "tenant", tenant)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void lookupsAndRequestsAreTaggedWithTheSubscribersSubdomainOrProvider() {
        assertThat(call(URI, null, Map.of("X-Tenant", "acme")).getException()).isNull();
        assertThat(call(URI, null, Map.of()).getException()).isNull();

        assertThat(lookups("acme")).isEqualTo(1);
        assertThat(lookups("provider")).isEqualTo(1);
        assertThat(registry.find("camel.btp.requests").tags("destination", "Catalog", "tenant", "acme").timer())
                .isNotNull();
    }

    @Test
    void aTenantNamedByItsZoneIdIsTaggedTenantIdNotTheGuid() {
        assertThat(call(URI, null, Map.of("X-Tenant", acme.zoneId())).getException()).isNull();

        assertThat(lookups("tenant-id")).isEqualTo(1);
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags())
                .noneMatch(t -> t.getValue().contains(acme.zoneId())));
    }
}
