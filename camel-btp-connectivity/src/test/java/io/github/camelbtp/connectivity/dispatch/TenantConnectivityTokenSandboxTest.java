package io.github.camelbtp.connectivity.dispatch;

import com.nimbusds.jwt.SignedJWT;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.destination.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The connectivity token of an on-premise hop is the current tenant's: it decides the subaccount, hence the Cloud
 * Connector [consuming-the-connectivity-service-313b215]. Asked for like the Destination Service's token: by
 * subdomain at the subscriber's token URL, by tenant ID with {@code x-zid}; cached per tenant.
 */
class TenantConnectivityTokenSandboxTest {

    /** Subscribers' token URLs are host names, https://<subdomain>.<uaadomain>, as on BTP. */
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension(Sandbox.builder().tokenServiceHostNames());

    private final Engines engines = new Engines();
    private Tenants.Tenant acme;

    @BeforeEach
    void subscriber(Sandbox sandbox) {
        acme = sandbox.tenants().subscribe("acme");
        acme.destinations().putSubaccount(Map.of("Name", "AcmeERP", "Type", "HTTP", "URL", "http://acme-erp.internal:80",
                "ProxyType", "OnPremise", "Authentication", "NoAuthentication"));
    }

    @AfterEach
    void cleanUp(Sandbox sandbox) {
        engines.close();
        sandbox.tenants().unsubscribe("acme");
    }

    private static String proxyToken(ResolvedDestination resolved) {
        return resolved.headers().stream().filter(h -> h.name().equalsIgnoreCase("Proxy-Authorization"))
                .map(HttpHeader::value).findFirst().orElseThrow().substring("Bearer ".length());
    }

    private static String zoneOf(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet().getStringClaim("zid");
    }

    private static List<RecordedRequest> connectivityTokenRequests(Sandbox sandbox) {
        return sandbox.serviceRequests().all().stream().filter(r -> r.server().equals("token"))
                .filter(r -> {
                    String authorization = r.header("Authorization");
                    if (authorization == null || !authorization.startsWith("Basic ")) {
                        return false;
                    }
                    String user = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
                    return URLDecoder.decode(user.substring(0, Math.max(0, user.indexOf(':'))), StandardCharsets.UTF_8)
                            .equals(DemoDestinations.CONNECTIVITY_CLIENT_ID);
                })
                .toList();
    }

    @Test
    void subscribersProxyAuthorizationIsTheSubscribersConnectivityToken(Sandbox sandbox) throws Exception {
        BtpConnectivity engine = engines.bound(sandbox);

        ResolvedDestination bySubdomain = engine.resolve("AcmeERP", DestinationOptions.forTenant("acme"));
        ResolvedDestination byTenantId = engine.resolve("AcmeERP", DestinationOptions.forTenant(acme.zoneId()));
        ResolvedDestination provider = engine.resolve(DemoDestinations.ON_PREMISE_ERP, DestinationOptions.NONE);

        assertThat(zoneOf(proxyToken(bySubdomain))).isEqualTo(acme.zoneId());
        assertThat(zoneOf(proxyToken(byTenantId))).isEqualTo(acme.zoneId());
        assertThat(zoneOf(proxyToken(provider))).isNotEqualTo(acme.zoneId());
        String acmeHost = sandbox.tokenServiceHostNames().uri("acme").getAuthority();
        String providerHost = sandbox.tokenServiceHostNames().providerUri().getAuthority();
        assertThat(connectivityTokenRequests(sandbox))
                .extracting(r -> r.header("Host"), RecordedRequest::path, r -> r.header("x-zid"))
                .containsExactly(
                        tuple(acmeHost, "/oauth/token", null),
                        tuple(providerHost, "/oauth/token", acme.zoneId()),
                        tuple(providerHost, "/oauth/token", null));
    }

    @Test
    void connectivityTokenIsCachedPerTenant(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);

        String first = proxyToken(engine.resolve("AcmeERP", DestinationOptions.forTenant("acme")));
        String again = proxyToken(engine.resolve("AcmeERP", DestinationOptions.forTenant("acme")));
        String provider = proxyToken(engine.resolve(DemoDestinations.ON_PREMISE_ERP, DestinationOptions.NONE));

        assertThat(again).isEqualTo(first);
        assertThat(provider).isNotEqualTo(first);
        assertThat(connectivityTokenRequests(sandbox)).hasSize(2);
    }

    @Test
    void unsubscribedTenantsConnectivityTokenFailureNamesTheTenant(Sandbox sandbox) {
        // a destination from configuration: no Destination Service lookup fails first for the unknown tenant
        BtpConnectivity engine = engines.bound(sandbox, b -> b.staticDestinations(List.of(Destination.of("StaticErp",
                Map.of("URL", "http://erp.internal:44300", "ProxyType", "OnPremise"), StaticDestinationLoader.SOURCE))));

        TokenException e = catchThrowableOfType(TokenException.class,
                () -> engine.resolve("StaticErp", DestinationOptions.forTenant("ghost")));

        assertThat(e.getMessage()).contains("StaticErp").contains("connectivity binding").contains("'ghost'")
                .contains(sandbox.tokenServiceHostNames().uri("ghost") + "/oauth/token").contains("subscribed");
    }
}
