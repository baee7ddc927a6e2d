package io.github.camelbtp.connectivity.auth;

import com.nimbusds.jwt.SignedJWT;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.http.HttpHeader;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client-side OAuth flows against an OAuth 2.0 server that is not ours (NAV's mock-oauth2-server, embedded), so
 * the requests follow the RFCs and not only what our sandbox accepts. The issued JWT's claims show the grant worked.
 * (Its password and refresh-token grants need users and refresh tokens of its own; those flows are proven against the
 * sandbox in {@link ClientSideGrantsSandboxTest}.)
 */
class ClientSideGrantsMockOAuth2ServerTest {

    private static final String ISSUER = "btp";

    private static MockOAuth2Server server;
    private BtpConnectivity engine;

    @BeforeAll
    static void start() {
        server = new MockOAuth2Server();
        server.start();
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        // the server queues every request it got; each test looks only at its own
        while (true) {
            try {
                server.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (RuntimeException queueEmpty) {
                return;
            }
        }
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private ResolvedDestination resolve(String authentication, DestinationOptions options, String... extra) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("URL", "https://api.example");
        p.put("Authentication", authentication);
        p.put("tokenServiceURL", server.tokenEndpointUrl(ISSUER).toString());
        p.put("clientId", "camel-btp-client");
        p.put("clientSecret", "mock-server-secret-8d1f");
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.none()).environmentDestinations(null)
                .staticDestinations(List.of(Destination.of("Mock", p, StaticDestinationLoader.SOURCE))).build();
        return engine.resolve("Mock", options);
    }

    private static SignedJWT bearer(ResolvedDestination r, String header) throws Exception {
        String value = r.headers().stream().filter(h -> h.name().equals(header)).map(HttpHeader::value).findFirst().orElseThrow();
        assertThat(value).startsWith("Bearer ");
        return SignedJWT.parse(value.substring(7));
    }

    private String userJwt(String subject) {
        return server.issueToken(ISSUER, subject, "app", Map.of("user_name", subject)).serialize();
    }

    @Test
    void clientCredentialsTokenIsIssuedToTheClient() throws Exception {
        SignedJWT token = bearer(resolve("OAuth2ClientCredentials", DestinationOptions.NONE), "Authorization");

        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("camel-btp-client");
        assertThat(server.takeRequest().getBody().readUtf8()).contains("grant_type=client_credentials");
    }

    @Test
    void jwtBearerTokenActsForTheAssertedUser() throws Exception {
        SignedJWT token = bearer(resolve("OAuth2JWTBearer",
                DestinationOptions.builder().userToken(userJwt("mock-alice")).build(),
                // this server requires a scope with the JWT bearer grant (RFC 7523 allows it)
                "scope", "api"), "Authorization");

        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("mock-alice");
    }

    @Test
    void tokenExchangeTokenActsForTheSubject() throws Exception {
        SignedJWT token = bearer(resolve("OAuth2TokenExchange",
                DestinationOptions.builder().subjectToken(userJwt("mock-bob"), null).build(),
                // RFC 8693's audience, sent with SAP's tokenService.body.* property
                "tokenService.body.audience", "api"), "Authorization");

        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("mock-bob");
        assertThat(server.takeRequest().getBody().readUtf8())
                .contains("subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token");
    }

}
