package io.github.camelbtp.sandbox.destination;

import static io.github.camelbtp.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Destination Service runs SAP's predefined chain {@code com.sap.sequentialUserPropagation} itself
 * [destination-chaining-08a09f5, sequential-user-propagation-chain-13f633e]: step 1 exchanges the caller's user token
 * with the transformation destination, step 2 consumes the new token with the destination of the path.
 */
@ExtendWith(SandboxExtension.class)
class DestinationChainsTest {

    private static final String CHAIN = "com.sap.sequentialUserPropagation";
    private static final String TRANSFORM_CLIENT = "sb-chain-transform!t8";
    private static final String TARGET_CLIENT = "sb-chain-target!t9";

    @BeforeEach
    void destinations(Sandbox sandbox) {
        sandbox.oauthClients().register(TRANSFORM_CLIENT, "chain-transform-secret-8b2d");
        sandbox.oauthClients().register(TARGET_CLIENT, "chain-target-secret-9c3e");
        sandbox.destinations().putSubaccount(Map.of("Name", "ChainTransformation", "Type", "HTTP", "URL",
                sandbox.cloudApiUri().toString(), "ProxyType", "Internet", "Authentication", "OAuth2JWTBearer",
                "tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token", "clientId", TRANSFORM_CLIENT,
                "clientSecret", "chain-transform-secret-8b2d"));
        sandbox.destinations().putSubaccount(Map.of("Name", "ChainTarget", "Type", "HTTP", "URL",
                sandbox.cloudApiUri().toString(), "ProxyType", "Internet", "Authentication", "OAuth2JWTBearer",
                "tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token", "clientId", TARGET_CLIENT,
                "clientSecret", "chain-target-secret-9c3e"));
    }

    private static HttpResponse<String> find(Sandbox sandbox, String name, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + SandboxClient.destinationToken(sandbox)));
        all.addAll(List.of(headers));
        return SandboxClient.get(URI.create(sandbox.destinationServiceUri() + "/destination-configuration/v1/destinations/"
                + name), all.toArray(String[]::new));
    }

    private static JsonNode claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void sequentialUserPropagationExchangesTheUserTokenThenConsumesTheNewOne(Sandbox sandbox) {
        long transformGrants = sandbox.counters().tokenGrants(TRANSFORM_CLIENT);
        long targetGrants = sandbox.counters().tokenGrants(TARGET_CLIENT);

        HttpResponse<String> response = find(sandbox, "ChainTarget", "X-chain-name", CHAIN,
                "X-chain-var-tokenTransformationDestinationName", "ChainTransformation",
                "X-chain-var-userToken", sandbox.userToken("alice"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response.body());
        assertThat(answer.get("destinationConfiguration").get("Name").asText()).isEqualTo("ChainTarget");
        JsonNode token = claims(answer.get("authTokens").get(0).get("value").asText());
        assertThat(token.get("user_name").asText()).isEqualTo("alice");
        assertThat(token.get("client_id").asText()).isEqualTo(TARGET_CLIENT);
        assertThat(sandbox.counters().tokenGrants(TRANSFORM_CLIENT)).as("step 1: the exchange").isEqualTo(transformGrants + 1);
        assertThat(sandbox.counters().tokenGrants(TARGET_CLIENT)).as("step 2: the consumption").isEqualTo(targetGrants + 1);
    }

    @Test
    void unknownChainNameIs400NamingIt(Sandbox sandbox) {
        HttpResponse<String> response = find(sandbox, "ChainTarget", "X-chain-name", "com.example.noSuchChain");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("ErrorMessage").asText()).contains("com.example.noSuchChain")
                .contains(CHAIN);
    }

    @Test
    void missingUserTokenVariableIs400NamingIt(Sandbox sandbox) {
        HttpResponse<String> response = find(sandbox, "ChainTarget", "X-chain-name", CHAIN,
                "X-chain-var-tokenTransformationDestinationName", "ChainTransformation");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("ErrorMessage").asText()).contains("X-chain-var-userToken");
    }

    @Test
    void unknownTransformationDestinationIs404NamingTheStep(Sandbox sandbox) {
        HttpResponse<String> response = find(sandbox, "ChainTarget", "X-chain-name", CHAIN,
                "X-chain-var-tokenTransformationDestinationName", "NoSuchTransformation",
                "X-chain-var-userToken", sandbox.userToken("alice"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).get("ErrorMessage").asText()).contains("step 1").contains("NoSuchTransformation");
    }

    @Test
    void invalidUserTokenLeavesAFailedAuthTokenNamingTheFirstStep(Sandbox sandbox) {
        HttpResponse<String> response = find(sandbox, "ChainTarget", "X-chain-name", CHAIN,
                "X-chain-var-tokenTransformationDestinationName", "ChainTransformation",
                "X-chain-var-userToken", "not.a.jwt");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode authToken = json(response.body()).get("authTokens").get(0);
        assertThat(authToken.get("value").asText()).isEmpty();
        assertThat(authToken.get("error").asText()).contains("step 1").contains("ChainTransformation");
    }
}
