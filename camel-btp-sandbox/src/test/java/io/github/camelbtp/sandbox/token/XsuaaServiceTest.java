package io.github.camelbtp.sandbox.token;

import static io.github.camelbtp.sandbox.SandboxClient.credentials;
import static io.github.camelbtp.sandbox.SandboxClient.form;
import static io.github.camelbtp.sandbox.SandboxClient.json;
import static io.github.camelbtp.sandbox.SandboxClient.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SandboxExtension.class)
class XsuaaServiceTest {

    private final Sandbox sandbox;
    private final String clientId;
    private final String clientSecret;

    XsuaaServiceTest(Sandbox sandbox) {
        this.sandbox = sandbox;
        JsonNode destination = credentials(sandbox, "destination");
        this.clientId = destination.get("clientid").asText();
        this.clientSecret = destination.get("clientsecret").asText();
    }

    @Test
    void grantsClientCredentialsTokenToClientAuthenticatedByBasicHeader() {
        HttpResponse<String> response = tokenRequest(sandbox, "grant_type=client_credentials", clientId, clientSecret);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode token = json(response.body());
        assertThat(token.get("access_token").asText()).isNotBlank();
        assertThat(token.get("token_type").asText()).isEqualTo("bearer");
        assertThat(token.get("expires_in").isNumber()).isTrue();
        assertThat(token.get("expires_in").asLong()).isEqualTo(12 * 3600);
        assertThat(token.get("scope").asText()).isEqualTo("uaa.resource");
        assertThat(token.get("jti").asText()).isNotBlank();
    }

    @Test
    void grantsTokenToClientAuthenticatedInFormBody() {
        HttpResponse<String> response = tokenRequest(sandbox, "grant_type=client_credentials&client_id="
                + form(clientId) + "&client_secret=" + form(clientSecret));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("access_token").asText()).isNotBlank();
    }

    @Test
    void rejectsWrongClientSecretWith401InvalidClient() {
        HttpResponse<String> response = tokenRequest(sandbox, "grant_type=client_credentials", clientId, "wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).get("error").asText()).isEqualTo("invalid_client");
        assertThat(json(response.body()).get("error_description").asText()).isEqualTo("Bad credentials");
    }

    @Test
    void rejectsUnknownClientWith401InvalidClient() {
        HttpResponse<String> response = tokenRequest(sandbox, "grant_type=client_credentials&client_id=nobody"
                + "&client_secret=x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void rejectsOtherGrantTypeWith400UnsupportedGrantType() {
        HttpResponse<String> response = tokenRequest(sandbox, "grant_type=urn:example:unknown-grant",
                clientId, clientSecret);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void passwordGrantOfAnUnknownUserIs400InvalidGrant() {
        HttpResponse<String> response = tokenRequest(sandbox, "grant_type=password&username=u&password=p",
                clientId, clientSecret);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void passwordGrantIssuesAUserTokenWithARefreshToken() {
        sandbox.users().register("token-test-user", "token-test-password");
        HttpResponse<String> response = tokenRequest(sandbox,
                "grant_type=password&username=token-test-user&password=token-test-password", clientId, clientSecret);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("refresh_token").asText()).isNotBlank();
    }

    @Test
    void rejectsMissingGrantTypeWith400InvalidRequest() {
        HttpResponse<String> response = tokenRequest(sandbox, "scope=x", clientId, clientSecret);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void issuesRs256JwtWithXsuaaClaimsVerifiableWithTokenKeys() throws Exception {
        String token = SandboxClient.token(sandbox, clientId, clientSecret);
        JWKSet keys = JWKSet.parse(SandboxClient.get(URI.create(sandbox.tokenServiceUri() + "/token_keys")).body());
        SignedJWT jwt = SignedJWT.parse(token);

        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(sandbox.tokenServiceUri() + "/oauth/token");
        assertThat(claims.getSubject()).isEqualTo(clientId);
        assertThat(claims.getStringClaim("client_id")).isEqualTo(clientId);
        assertThat(claims.getStringClaim("cid")).isEqualTo(clientId);
        assertThat(claims.getStringClaim("zid")).isEqualTo(DemoDestinations.SUBACCOUNT_ID);
        assertThat(claims.getStringListClaim("scope")).containsExactly("uaa.resource");
        assertThat(claims.getJSONObjectClaim("ext_attr"))
                .containsEntry("subaccountid", DemoDestinations.SUBACCOUNT_ID)
                .containsEntry("zdn", "sandbox");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(12 * 3600_000L);
    }

    @Test
    void registeredClientGetsTokensWithItsScopes() {
        sandbox.oauthClients().register("my-test-client", "s3cr3t+/=", java.util.List.of("orders.read"));

        HttpResponse<String> response = tokenRequest(sandbox, "grant_type=client_credentials", "my-test-client",
                "s3cr3t+/=");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("scope").asText()).isEqualTo("orders.read");
    }

    @Test
    void countsEveryIssuedToken() {
        SandboxClient.token(sandbox, clientId, clientSecret);
        SandboxClient.token(sandbox, clientId, clientSecret);
        tokenRequest(sandbox, "grant_type=client_credentials", clientId, "wrong");

        assertThat(sandbox.counters().tokenGrants()).isEqualTo(2);
    }

    @Test
    void tokenServiceFailureFaultAnswersTheConfiguredStatusWithServerError() {
        sandbox.faults().tokenServiceFailure(500);

        HttpResponse<String> response = tokenRequest(sandbox, "grant_type=client_credentials", clientId, clientSecret);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response.body()).get("error").asText()).isEqualTo("server_error");
        assertThat(sandbox.counters().tokenGrants()).isZero();
    }

    @Test
    void shortTokenLifetimeFromBuilderIsReportedInExpiresIn() {
        try (Sandbox shortLived = Sandbox.builder().tokenLifetime(java.time.Duration.ofSeconds(90)).build()) {
            JsonNode binding = credentials(shortLived, "connectivity");
            HttpResponse<String> response = tokenRequest(shortLived, "grant_type=client_credentials",
                    binding.get("clientid").asText(), binding.get("clientsecret").asText());

            assertThat(json(response.body()).get("expires_in").asLong()).isEqualTo(90);
        }
    }

    @Test
    void errorAnswersCarryNoSecret() {
        HttpResponse<String> response = tokenRequest(sandbox, "grant_type=client_credentials", clientId, "wrong");

        assertThat(response.body()).doesNotContain(clientSecret).doesNotContain("wrong");
    }
}
