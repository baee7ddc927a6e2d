package io.github.camelbtp.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A destination chain end to end: btp-destination names SAP's predefined chain com.sap.sequentialUserPropagation
 * [sequential-user-propagation-chain-13f633e], the sandbox's Destination Service runs both steps, and the request
 * carries the token the chain produced.
 */
class DestinationChainTest extends BtpDestinationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRANSFORM_CLIENT = "sb-chain-transform!t8";
    private static final String TARGET_CLIENT = "sb-chain-target!t9";

    @BeforeEach
    void destinations() {
        sandbox().oauthClients().register(TRANSFORM_CLIENT, "chain-transform-secret-8b2d");
        sandbox().oauthClients().register(TARGET_CLIENT, "chain-target-secret-9c3e");
        sandbox().destinations().putSubaccount(Map.of("Name", "ChainTransformation", "Type", "HTTP", "URL",
                sandbox().cloudApiUri().toString(), "ProxyType", "Internet", "Authentication", "OAuth2JWTBearer",
                "tokenServiceURL", sandbox().tokenServiceUri() + "/oauth/token", "clientId", TRANSFORM_CLIENT,
                "clientSecret", "chain-transform-secret-8b2d"));
        sandbox().destinations().putSubaccount(Map.of("Name", "ChainTargetApi", "Type", "HTTP", "URL",
                sandbox().cloudApiUri().toString(), "ProxyType", "Internet", "Authentication", "OAuth2JWTBearer",
                "tokenServiceURL", sandbox().tokenServiceUri() + "/oauth/token", "clientId", TARGET_CLIENT,
                "clientSecret", "chain-target-secret-9c3e"));
    }

    @AfterEach
    void cleanUp() {
        sandbox().destinations().delete("ChainTransformation");
        sandbox().destinations().delete("ChainTargetApi");
    }

    @Test
    void sequentialUserPropagationChainRunsServerSideAndItsTokenIsUsed() throws Exception {
        long transformGrants = sandbox().counters().tokenGrants(TRANSFORM_CLIENT);

        Exchange exchange = call("btp-destination:ChainTargetApi/api/v1/me?chainName=com.sap.sequentialUserPropagation"
                + "&chainVar.tokenTransformationDestinationName=ChainTransformation", null,
                Map.of("Authorization", "Bearer " + sandbox().userToken("alice")));

        assertThat(exchange.getException()).isNull();
        JsonNode me = JSON.readTree(exchange.getMessage().getBody(String.class));
        assertThat(me.get("user").asText()).isEqualTo("alice");
        assertThat(me.get("client").asText()).as("the chain's last step issued the token").isEqualTo(TARGET_CLIENT);
        assertThat(sandbox().counters().tokenGrants(TRANSFORM_CLIENT)).as("the chain's first step ran")
                .isEqualTo(transformGrants + 1);
        RecordedRequest find = sandbox().serviceRequests().matching(r -> r.path().endsWith("/destinations/ChainTargetApi"))
                .stream().reduce((a, b) -> b).orElseThrow();
        assertThat(find.header("X-chain-name")).isEqualTo("com.sap.sequentialUserPropagation");
        assertThat(find.hasHeader("X-chain-var-userToken")).as("the user's token, from the request, not the URI").isTrue();
    }

    @Test
    void unknownChainIsATypedErrorNamingTheDestinationAndTheChain() {
        Exchange exchange = call("btp-destination:ChainTargetApi/api/v1/me?chainName=com.example.noSuchChain", null,
                Map.of("Authorization", "Bearer " + sandbox().userToken("alice")));

        assertThat(exchange.getException()).isInstanceOf(io.github.camelbtp.connectivity.DestinationServiceException.class)
                .hasMessageContaining("ChainTargetApi").hasMessageContaining("com.example.noSuchChain");
    }
}
