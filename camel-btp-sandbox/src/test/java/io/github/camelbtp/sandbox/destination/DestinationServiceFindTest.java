package io.github.camelbtp.sandbox.destination;

import static io.github.camelbtp.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SandboxExtension.class)
class DestinationServiceFindTest {

    private static String token;

    @BeforeAll
    static void destinationServiceToken(Sandbox sandbox) {
        token = SandboxClient.destinationToken(sandbox);
    }

    private static HttpResponse<String> find(Sandbox sandbox, String nameAndQuery) {
        return SandboxClient.get(URI.create(sandbox.destinationServiceUri() + "/destination-configuration/v1/destinations/"
                + nameAndQuery), "Authorization", "Bearer " + token);
    }

    @Test
    void findReturnsOwnerConfigurationAndBasicAuthTokenOfSubaccountDestination(Sandbox sandbox) {
        HttpResponse<String> response = find(sandbox, DemoDestinations.ON_PREMISE_ERP);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode answer = json(response.body());
        assertThat(answer.get("owner").get("SubaccountId").asText()).isEqualTo(DemoDestinations.SUBACCOUNT_ID);
        assertThat(answer.get("owner").get("InstanceId").isNull()).isTrue();
        JsonNode configuration = answer.get("destinationConfiguration");
        assertThat(configuration.get("Name").asText()).isEqualTo("OnPremiseERP");
        assertThat(configuration.get("URL").asText()).isEqualTo("http://erp.internal:44300");
        assertThat(configuration.get("ProxyType").asText()).isEqualTo("OnPremise");
        assertThat(configuration.get("Authentication").asText()).isEqualTo("BasicAuthentication");
        String expected = Base64.getEncoder().encodeToString((DemoDestinations.SALES_USER + ":"
                + DemoDestinations.SALES_PASSWORD).getBytes(StandardCharsets.UTF_8));
        JsonNode authToken = answer.get("authTokens").get(0);
        assertThat(authToken.get("type").asText()).isEqualTo("Basic");
        assertThat(authToken.get("value").asText()).isEqualTo(expected);
        assertThat(authToken.get("http_header").get("key").asText()).isEqualTo("Authorization");
        assertThat(authToken.get("http_header").get("value").asText()).isEqualTo("Basic " + expected);
        assertThat(answer.get("certificates").isArray()).isTrue();
    }

    @Test
    void everyConfigurationPropertyIsAString(Sandbox sandbox) {
        sandbox.destinations().putSubaccount(Map.of("Name", "Typed", "Type", "HTTP", "URL", "http://x",
                "URL.connectionTimeoutInSeconds", "7", "TrustAll", "TRUE"));

        JsonNode configuration = json(find(sandbox, "Typed").body()).get("destinationConfiguration");

        configuration.properties().forEach(field -> assertThat(field.getValue().isTextual()).isTrue());
    }

    @Test
    void findFetchesOAuthTokenFromTokenServiceAndReturnsExpiresInAsString(Sandbox sandbox) {
        HttpResponse<String> response = find(sandbox, DemoDestinations.CLOUD_SALES_API);

        JsonNode authToken = json(response.body()).get("authTokens").get(0);
        assertThat(authToken.get("type").asText()).isEqualTo("bearer");
        assertThat(authToken.get("value").asText()).startsWith("eyJ");
        assertThat(authToken.get("expires_in").isTextual()).isTrue();
        assertThat(authToken.get("expires_in").asText()).isEqualTo("43200");
        assertThat(authToken.get("http_header").get("value").asText())
                .isEqualTo("Bearer " + authToken.get("value").asText());
        assertThat(sandbox.counters().tokenGrants()).isEqualTo(1);
    }

    @Test
    void failedOAuthRetrievalBecomesErrorEntryWithoutTheSecret(Sandbox sandbox) {
        sandbox.destinations().putSubaccount(Map.of("Name", "BadSecret", "Type", "HTTP", "URL",
                sandbox.cloudApiUri().toString(), "Authentication", "OAuth2ClientCredentials", "tokenServiceURL",
                sandbox.tokenServiceUri() + "/oauth/token", "clientId", DemoDestinations.CLOUD_API_CLIENT_ID,
                "clientSecret", "not-the-secret-123"));

        HttpResponse<String> response = find(sandbox, "BadSecret");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode authToken = json(response.body()).get("authTokens").get(0);
        assertThat(authToken.get("type").asText()).isEmpty();
        assertThat(authToken.get("value").asText()).isEmpty();
        assertThat(authToken.get("error").asText())
                .startsWith("Retrieval of OAuth token failed due to: ")
                .contains("401")
                .doesNotContain("not-the-secret-123");
    }

    @Test
    void serverSideTokenFlowsCallOnlyTheLandscapesOwnTokenServices(Sandbox sandbox) throws IOException {
        try (ServerSocket foreign = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            foreign.setSoTimeout(500);
            sandbox.destinations().putSubaccount(Map.of("Name", "ForeignTokens", "Type", "HTTP", "URL",
                    sandbox.cloudApiUri().toString(), "Authentication", "OAuth2ClientCredentials", "tokenServiceURL",
                    "http://127.0.0.1:" + foreign.getLocalPort() + "/oauth/token", "clientId", "some-client",
                    "clientSecret", "must-stay-home-42"));

            HttpResponse<String> response = find(sandbox, "ForeignTokens");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode authToken = json(response.body()).get("authTokens").get(0);
            assertThat(authToken.get("value").asText()).isEmpty();
            assertThat(authToken.get("error").asText()).contains("is not a token service of this sandbox")
                    .doesNotContain("must-stay-home-42");
            // nobody knocked: the client secret never left the sandbox
            assertThatThrownBy(foreign::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void tokenServiceFailureFaultShowsAsErrorEntryOfOAuthDestination(Sandbox sandbox) {
        sandbox.faults().tokenServiceFailure(503);

        JsonNode authToken = json(find(sandbox, DemoDestinations.CLOUD_SALES_API).body()).get("authTokens").get(0);

        assertThat(authToken.get("error").asText()).contains("503").contains("server_error");
    }

    @Test
    void noAuthenticationDestinationHasNoAuthTokens(Sandbox sandbox) {
        JsonNode answer = json(find(sandbox, DemoDestinations.PUBLIC_CATALOG).body());

        assertThat(answer.has("authTokens")).isFalse();
        assertThat(answer.get("destinationConfiguration").get("URL").asText())
                .isEqualTo(sandbox.cloudApiUri() + "/public");
    }

    @Test
    void skipTokenRetrievalSuppressesAuthTokens(Sandbox sandbox) {
        JsonNode answer = json(find(sandbox, DemoDestinations.CLOUD_SALES_API + "?$skipTokenRetrieval=true").body());

        assertThat(answer.has("authTokens")).isFalse();
        assertThat(sandbox.counters().tokenGrants()).isZero();
    }

    @Test
    void unknownNameIs404WithErrorMessage(Sandbox sandbox) {
        HttpResponse<String> response = find(sandbox, "DoesNotExist");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).get("ErrorMessage").asText())
                .isEqualTo("Configuration with the specified name was not found");
    }

    @Test
    void instanceLevelDestinationIsFoundBeforeSubaccountLevel(Sandbox sandbox) {
        sandbox.destinations().putSubaccount(Map.of("Name", "Twice", "Type", "HTTP", "URL", "http://subaccount"));
        sandbox.destinations().putInstance(Map.of("Name", "Twice", "Type", "HTTP", "URL", "http://instance"));

        JsonNode answer = json(find(sandbox, "Twice").body());

        assertThat(answer.get("destinationConfiguration").get("URL").asText()).isEqualTo("http://instance");
        assertThat(answer.get("owner").get("InstanceId").asText()).isEqualTo(DemoDestinations.DESTINATION_INSTANCE_ID);
        assertThat(sandbox.destinations().get("Twice")).hasValueSatisfying(
                destination -> assertThat(destination).containsEntry("URL", "http://instance"));
    }

    @Test
    void requestWithoutTokenIs401(Sandbox sandbox) {
        HttpResponse<String> response = SandboxClient.get(URI.create(sandbox.destinationServiceUri()
                + "/destination-configuration/v1/destinations/OnPremiseERP"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).has("ErrorMessage")).isTrue();
    }

    @Test
    void tokenOfAnotherClientIs401(Sandbox sandbox) {
        String connectivityToken = SandboxClient.connectivityToken(sandbox);

        HttpResponse<String> response = SandboxClient.get(URI.create(sandbox.destinationServiceUri()
                + "/destination-configuration/v1/destinations/OnPremiseERP"), "Authorization", "Bearer " + connectivityToken);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void expiredTokenIs401() {
        MovableClock clock = new MovableClock();
        try (Sandbox shortLived = Sandbox.builder().tokenLifetime(Duration.ofSeconds(60)).clock(clock).build()) {
            String expiring = SandboxClient.destinationToken(shortLived);
            URI erp = URI.create(shortLived.destinationServiceUri() + "/destination-configuration/v1/destinations/OnPremiseERP");
            assertThat(SandboxClient.get(erp, "Authorization", "Bearer " + expiring).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(61));

            HttpResponse<String> response = SandboxClient.get(erp, "Authorization", "Bearer " + expiring);

            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void countsEveryFindCall(Sandbox sandbox) {
        find(sandbox, DemoDestinations.ON_PREMISE_ERP);
        find(sandbox, DemoDestinations.PUBLIC_CATALOG);
        find(sandbox, "DoesNotExist");

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(3);
    }

    @Test
    void destinationServiceDownFaultAnswers503ServiceUnavailable(Sandbox sandbox) {
        sandbox.faults().destinationServiceDown(true);

        HttpResponse<String> response = find(sandbox, DemoDestinations.ON_PREMISE_ERP);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response.body()).get("ErrorMessage").asText()).isEqualTo("Service Unavailable");
    }

    @Test
    void faultsAreOffAgainAfterReset(Sandbox sandbox) {
        sandbox.faults().destinationServiceDown(true).tokenServiceFailure(500);
        sandbox.reset();

        assertThat(find(sandbox, DemoDestinations.CLOUD_SALES_API).statusCode()).isEqualTo(200);
    }

    @Test
    void latencyFaultDelaysTheAnswer(Sandbox sandbox) {
        sandbox.faults().destinationServiceLatency(Duration.ofMillis(300));

        long start = System.nanoTime();
        HttpResponse<String> response = find(sandbox, DemoDestinations.ON_PREMISE_ERP);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(200);
        // a lower bound only: the fault's contract, not a performance assertion
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
