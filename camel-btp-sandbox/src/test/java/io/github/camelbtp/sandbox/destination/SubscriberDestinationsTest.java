package io.github.camelbtp.sandbox.destination;

import static io.github.camelbtp.sandbox.SandboxClient.basic;
import static io.github.camelbtp.sandbox.SandboxClient.credentials;
import static io.github.camelbtp.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.destination.Tenants;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Multitenancy as SAP documents it [multitenancy-in-the-destination-service-4e07f25]: the Destination Service reads
 * the subaccount of the token's zone; a subscriber's token comes from its own token URL or, by tenant ID, from the
 * provider's with {@code x-zid}; {@code x-tenant} only resolves {@code {tenant}} of a Common token URL
 * [oauth-client-credentials-authentication-4e1d742].
 */
@ExtendWith(SandboxExtension.class)
class SubscriberDestinationsTest {

    private static final String COMMON_CLIENT = "common-url-client";
    private static final String COMMON_SECRET = "common-url-secret";

    private final Sandbox sandbox;
    private final String clientId;
    private final String clientSecret;
    private Tenants.Tenant acme;

    SubscriberDestinationsTest(Sandbox sandbox) {
        this.sandbox = sandbox;
        JsonNode destination = credentials(sandbox, "destination");
        this.clientId = destination.get("clientid").asText();
        this.clientSecret = destination.get("clientsecret").asText();
    }

    @BeforeEach
    void subscriber() {
        acme = sandbox.tenants().subscribe("acme");
        sandbox.destinations().putSubaccount(owned("Catalog", "provider"));
        acme.destinations().putSubaccount(owned("Catalog", "acme"));
        sandbox.oauthClients().register(COMMON_CLIENT, COMMON_SECRET);
    }

    @AfterEach
    void cleanUp() {
        sandbox.destinations().delete("Catalog");
        sandbox.destinations().delete("CommonCatalog");
        sandbox.tenants().unsubscribe("acme");
    }

    private static Map<String, String> owned(String name, String owner) {
        return Map.of("Name", name, "Type", "HTTP", "URL", "http://" + owner + ".example", "Authentication",
                "NoAuthentication");
    }

    private HttpResponse<String> tokenRequest(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.tokenServiceUri() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(clientId, clientSecret))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return SandboxClient.send(request.build());
    }

    private String token(String path, String... headers) {
        HttpResponse<String> response = tokenRequest(path, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).get("access_token").asText();
    }

    private JsonNode find(String name, String token, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        HttpResponse<String> response = SandboxClient.get(URI.create(sandbox.destinationServiceUri()
                + "/destination-configuration/v1/destinations/" + name), all);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    private static String zid(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet().getStringClaim("zid");
    }

    @Test
    void providersTokenWithXTenantStillReadsTheProvidersDestination() {
        String providerToken = token("/oauth/token");

        // x-tenant is no tenant switch, neither as subdomain nor as tenant ID
        assertThat(find("Catalog", providerToken, "x-tenant", "acme").at("/destinationConfiguration/URL").asText())
                .isEqualTo("http://provider.example");
        assertThat(find("Catalog", providerToken, "x-tenant", acme.zoneId()).at("/destinationConfiguration/URL").asText())
                .isEqualTo("http://provider.example");
    }

    @Test
    void xZidAtTheProvidersTokenUrlIssuesTheSubscribersToken() throws Exception {
        String subscriberToken = token("/oauth/token", "x-zid", acme.zoneId());

        assertThat(zid(subscriberToken)).isEqualTo(acme.zoneId());
        assertThat(find("Catalog", subscriberToken).at("/destinationConfiguration/URL").asText())
                .isEqualTo("http://acme.example");
    }

    @Test
    void xZidOfTheProvidersOwnZoneIssuesTheProvidersToken() throws Exception {
        assertThat(zid(token("/oauth/token", "x-zid", DemoDestinations.SUBACCOUNT_ID)))
                .isEqualTo(DemoDestinations.SUBACCOUNT_ID);
    }

    @Test
    void xZidOfAnUnsubscribedZoneIs401() {
        String former = acme.zoneId();
        sandbox.tenants().unsubscribe("acme");

        HttpResponse<String> response = tokenRequest("/oauth/token", "x-zid", former);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).get("error").asText()).isEqualTo("unauthorized");
        assertThat(json(response.body()).get("error_description").asText()).contains(former);
    }

    @Test
    void xZidOfAnotherZoneThanTheSubscribersTokenUrlIs401() {
        assertThat(tokenRequest("/tenants/acme/oauth/token", "x-zid", DemoDestinations.SUBACCOUNT_ID).statusCode())
                .isEqualTo(401);
    }

    @Test
    void tokenRequestsAreRecordedWithTheirXZid() {
        token("/oauth/token", "x-zid", acme.zoneId());

        RecordedRequest recorded = sandbox.serviceRequests().all().stream().filter(r -> r.server().equals("token"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(recorded.header("x-zid")).isEqualTo(acme.zoneId());
        assertThat(recorded.toString()).doesNotContain(clientSecret);
    }

    private void putCommonDestination(String tokenServiceUrl) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", "CommonCatalog");
        d.put("Type", "HTTP");
        d.put("URL", "http://provider.example");
        d.put("Authentication", "OAuth2ClientCredentials");
        d.put("tokenServiceURLType", "Common");
        d.put("tokenServiceURL", tokenServiceUrl);
        d.put("clientId", COMMON_CLIENT);
        d.put("clientSecret", COMMON_SECRET);
        sandbox.destinations().putSubaccount(d);
    }

    private String authTokenZone(JsonNode answer) throws Exception {
        JsonNode authToken = answer.get("authTokens").get(0);
        assertThat(authToken.has("error")).as(authToken.toString()).isFalse();
        return zid(authToken.get("value").asText());
    }

    @Test
    void commonTokenUrlWithTenantPlaceholderGetsTheXTenantSubdomain() throws Exception {
        putCommonDestination(sandbox.tokenServiceUri() + "/tenants/{tenant}/oauth/token");

        JsonNode answer = find("CommonCatalog", token("/oauth/token"), "x-tenant", "acme");

        // the provider's destination, with a token of the subscriber's zone
        assertThat(answer.at("/destinationConfiguration/URL").asText()).isEqualTo("http://provider.example");
        assertThat(authTokenZone(answer)).isEqualTo(acme.zoneId());
    }

    @Test
    void commonTokenUrlWithoutXTenantGetsTheCallersOwnSubdomain() throws Exception {
        putCommonDestination(sandbox.tokenServiceUri() + "/tenants/{tenant}/oauth/token");

        assertThat(authTokenZone(find("CommonCatalog", token("/oauth/token")))).isEqualTo(DemoDestinations.SUBACCOUNT_ID);
    }

    @Test
    void commonTokenUrlWithoutPlaceholderGetsTheSubdomainInFrontOfTheHost() throws Exception {
        // on loopback, which has no subdomains, in front of the path: the sandbox's subscriber token URL
        putCommonDestination(sandbox.tokenServiceUri() + "/oauth/token");

        assertThat(authTokenZone(find("CommonCatalog", token("/oauth/token"), "x-tenant", "acme")))
                .isEqualTo(acme.zoneId());
    }
}
