package io.github.camelbtp.connectivity.destination;

import com.nimbusds.jwt.SignedJWT;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.cache.CachePolicy;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.destination.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A subscriber's destinations are read with the subscriber's own token [multitenancy-in-the-destination-service-4e07f25]:
 * by subdomain from its token URL, by tenant ID from the provider's token URL with {@code x-zid}. {@code x-tenant}
 * carries only a subdomain, for {@code {tenant}} of Common token URLs [oauth-client-credentials-authentication-4e1d742].
 */
class SubscriberLookupSandboxTest {

    /** Subscribers' token URLs are host names, https://<subdomain>.<uaadomain>, as on BTP. */
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension(Sandbox.builder().tokenServiceHostNames());

    private static final String COMMON_CLIENT = "common-url-client";
    private static final String COMMON_SECRET = "common-url-secret";

    private final Engines engines = new Engines();
    private Tenants.Tenant acme;

    @BeforeEach
    void subscriber(Sandbox sandbox) {
        acme = sandbox.tenants().subscribe("acme");
        sandbox.destinations().putSubaccount(owned("Catalog", "provider"));
        acme.destinations().putSubaccount(owned("Catalog", "acme"));
    }

    @AfterEach
    void cleanUp(Sandbox sandbox) {
        engines.close();
        sandbox.destinations().delete("Catalog");
        sandbox.tenants().unsubscribe("acme");
    }

    private static Map<String, String> owned(String name, String owner) {
        return Map.of("Name", name, "Type", "HTTP", "URL", "http://" + owner + ".example", "Authentication",
                "NoAuthentication");
    }

    private static List<RecordedRequest> at(Sandbox sandbox, String server) {
        return sandbox.serviceRequests().all().stream().filter(r -> r.server().equals(server)).toList();
    }

    @Test
    void tenantIdReadsTheSubscribersDestinationsWithATokenAskedForByXZid(Sandbox sandbox) {
        Destination catalog = engines.bound(sandbox).destination("Catalog", DestinationOptions.forTenant(acme.zoneId()));

        assertThat(catalog.properties()).containsEntry("URL", "http://acme.example");
        // the token came from the provider's token URL, for the subscriber's zone
        assertThat(at(sandbox, "token")).singleElement().satisfies(r -> {
            assertThat(r.header("Host")).isEqualTo(sandbox.tokenServiceHostNames().providerUri().getAuthority());
            assertThat(r.path()).isEqualTo("/oauth/token");
            assertThat(r.header("x-zid")).isEqualTo(acme.zoneId());
        });
    }

    @Test
    void findNeverCarriesATenantIdAsXTenant(Sandbox sandbox) {
        engines.bound(sandbox).destination("Catalog", DestinationOptions.forTenant(acme.zoneId()));

        // the subdomain (from the subscriber token's ext_attr.zdn) may travel, the tenant ID never
        assertThat(at(sandbox, "destination")).singleElement()
                .satisfies(r -> assertThat(r.header("x-tenant")).isEqualTo("acme"));
    }

    @Test
    void subdomainReadsTheSubscribersDestinationsWithATokenOfItsTokenUrl(Sandbox sandbox) {
        Destination catalog = engines.bound(sandbox).destination("Catalog", DestinationOptions.forTenant("acme"));

        assertThat(catalog.properties()).containsEntry("URL", "http://acme.example");
        assertThat(at(sandbox, "token")).singleElement().satisfies(r -> {
            // the subscriber's own host name, https://acme.<uaadomain>, as on BTP
            assertThat(r.header("Host")).isEqualTo(sandbox.tokenServiceHostNames().uri("acme").getAuthority());
            assertThat(r.path()).isEqualTo("/oauth/token");
            assertThat(r.hasHeader("x-zid")).isFalse();
        });
        assertThat(at(sandbox, "destination")).singleElement()
                .satisfies(r -> assertThat(r.header("x-tenant")).isEqualTo("acme"));
    }

    @Test
    void providerLookupSendsNoXTenant(Sandbox sandbox) {
        Destination catalog = engines.bound(sandbox).destination("Catalog", DestinationOptions.NONE);

        assertThat(catalog.properties()).containsEntry("URL", "http://provider.example");
        assertThat(at(sandbox, "destination")).singleElement().satisfies(r -> assertThat(r.hasHeader("x-tenant")).isFalse());
    }

    @Test
    void tokensAreCachedPerTenant(Sandbox sandbox) {
        // destinations not cached, so every lookup needs a token
        BtpConnectivity engine = engines.bound(sandbox, b -> b.cachePolicy(CachePolicy.DEFAULT.withTtl(Duration.ZERO)));
        for (int i = 0; i < 2; i++) {
            engine.destination("Catalog", DestinationOptions.forTenant(acme.zoneId()));
            engine.destination("Catalog", DestinationOptions.forTenant("acme"));
            engine.destination("Catalog", DestinationOptions.NONE);
        }

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(6);
        // one token per tenant form (x-zid at the provider's URL, the subscriber's URL, the provider's own)
        assertThat(sandbox.counters().tokenGrants()).isEqualTo(3);
    }

    @Test
    void commonTokenUrlOfASubscribersDestinationGetsTheSubscribersSubdomain(Sandbox sandbox) throws Exception {
        sandbox.oauthClients().register(COMMON_CLIENT, COMMON_SECRET);
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", "CommonCatalog");
        d.put("Type", "HTTP");
        d.put("URL", "http://acme.example");
        d.put("Authentication", "OAuth2ClientCredentials");
        d.put("tokenServiceURLType", "Common");
        d.put("tokenServiceURL", sandbox.tokenServiceUri() + "/tenants/{tenant}/oauth/token");
        d.put("clientId", COMMON_CLIENT);
        d.put("clientSecret", COMMON_SECRET);
        acme.destinations().putSubaccount(d);

        Destination common = engines.bound(sandbox).destination("CommonCatalog", DestinationOptions.forTenant(acme.zoneId()));

        assertThat(common.authTokens()).singleElement().satisfies(t -> {
            assertThat(t.failed()).as(t.error()).isFalse();
            assertThat(SignedJWT.parse(t.value()).getJWTClaimsSet().getStringClaim("zid")).isEqualTo(acme.zoneId());
        });
    }

    @Test
    void unknownTenantIdIsATokenErrorNamingIt(Sandbox sandbox) {
        String unknown = "0a1b2c3d-0000-4000-8000-000000000000";

        TokenException e = catchThrowableOfType(TokenException.class,
                () -> engines.bound(sandbox).destination("Catalog", DestinationOptions.forTenant(unknown)));

        assertThat(e.getMessage()).contains(unknown).contains("x-zid").contains("subscribed")
                .doesNotContain(Engines.bindingSecrets(sandbox));
        assertThat(at(sandbox, "destination")).isEmpty();
    }

    @Test
    void unknownSubdomainIsATokenErrorNamingIt(Sandbox sandbox) {
        TokenException e = catchThrowableOfType(TokenException.class,
                () -> engines.bound(sandbox).destination("Catalog", DestinationOptions.forTenant("nobody")));

        assertThat(e.getMessage()).contains("'nobody'").contains("subscribed");
        assertThat(at(sandbox, "destination")).isEmpty();
    }

    @Test
    void tenantThatIsNeitherSubdomainNorTenantIdIsAConfigurationErrorNamingIt(Sandbox sandbox) {
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engines.bound(sandbox).destination("Catalog", DestinationOptions.forTenant("Acme Corp")));

        assertThat(e.getMessage()).contains("'Acme Corp'").contains("subdomain").contains("tenant ID");
        assertThat(at(sandbox, "token")).isEmpty();
    }
}
