package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationOptions;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The find API's request headers for a lookup's options [calling-the-destination-service-rest-api-84c5d38]. */
class FindRequestHeadersTest {

    @Test
    void noOptionsSendNoHeaders() {
        assertThat(FindRequestHeaders.of(DestinationOptions.NONE)).isEmpty();
    }

    @Test
    void userFlowInputsTravelUnderSapsHeaderNames() {
        DestinationOptions options = DestinationOptions.builder().userToken("u.jwt.x").refreshToken("r-1")
                .authorizationCode("c-1", "https://app/cb", "v-1").subjectToken("s.jwt.x", "urn:ietf:params:oauth:token-type:jwt")
                .build();

        assertThat(FindRequestHeaders.of(options)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "X-user-token", "u.jwt.x", "X-refresh-token", "r-1", "X-code", "c-1", "X-redirect-uri", "https://app/cb",
                "X-code-verifier", "v-1", "X-Subject-Token", "s.jwt.x",
                "X-Subject-Token-Type", "urn:ietf:params:oauth:token-type:jwt"));
    }

    @Test
    void fragmentAndChainWithItsVariables() {
        DestinationOptions options = DestinationOptions.builder().fragment("client-100", true)
                .chain("my-chain", Map.of("subdomain", "acme", "client", "100")).build();

        assertThat(FindRequestHeaders.of(options)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "X-Fragment-Name", "client-100", "X-Fragment-Optional", "true", "X-chain-name", "my-chain",
                "X-chain-var-subdomain", "acme", "X-chain-var-client", "100"));
    }

    @Test
    void tenantIsNotAmongTheOptionHeaders() {
        // the tenant is chosen by the lookup's token; x-tenant (a subdomain, for Common token URLs only) is set by
        // DestinationServiceLoader — a tenant ID never travels as x-tenant [oauth-client-credentials-authentication-4e1d742]
        assertThat(FindRequestHeaders.of(DestinationOptions.forTenant("9acf4877-5b2a-4c52-8c0e-5b2a4c528c0e")))
                .doesNotContainKey("x-tenant");
        assertThat(FindRequestHeaders.of(DestinationOptions.forTenant("acme"))).doesNotContainKey("x-tenant");
    }

    @Test
    void cacheKeyTellsUsersApartWithoutHoldingTheirTokens() {
        DestinationOptions alice = DestinationOptions.builder().userToken("alice.jwt.token-123").build();
        DestinationOptions bob = DestinationOptions.builder().userToken("bob.jwt.token-456").build();

        assertThat(alice.cacheKey()).isNotEqualTo(bob.cacheKey()).doesNotContain("alice.jwt.token-123");
        assertThat(alice.cacheKey()).isEqualTo(DestinationOptions.builder().userToken("alice.jwt.token-123").build().cacheKey());
    }
}
