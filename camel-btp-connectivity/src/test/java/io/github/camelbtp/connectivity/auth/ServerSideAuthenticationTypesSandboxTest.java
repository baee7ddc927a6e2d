package io.github.camelbtp.connectivity.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every {@code Authentication} type whose token the Destination Service obtains: the engine sends the documented
 * request headers (X-user-token, X-refresh-token, X-code …), the sandbox's Destination Service runs SAP's flow against
 * its token service, and the cloud API's {@code /api/v1/me} shows who actually arrived.
 */
@ExtendWith(SandboxExtension.class)
class ServerSideAuthenticationTypesSandboxTest {

    private static final String CLIENT = "sb-typed-api!t9";
    private static final String SECRET = "typed-api-secret-7f3e21";
    private static final String SAML_CLIENT = "saml-gateway-client";
    private static final String SAML_SECRET = "saml-gateway-secret-91ab";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engines engines = new Engines();
    private final List<String> created = new ArrayList<>();
    private Sandbox sandbox;
    private BtpConnectivity engine;

    @BeforeEach
    void setUp(Sandbox sandbox) {
        this.sandbox = sandbox;
        sandbox.oauthClients().register(CLIENT, SECRET);
        sandbox.oauthClients().register(SAML_CLIENT, SAML_SECRET);
        engine = engines.bound(sandbox);
    }

    @AfterEach
    void tearDown() {
        created.forEach(name -> sandbox.destinations().delete(name));
        engines.close();
    }

    private Map<String, String> destination(String name, String authentication) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "HTTP");
        d.put("URL", sandbox.cloudApiUri().toString());
        d.put("ProxyType", "Internet");
        d.put("Authentication", authentication);
        return d;
    }

    private Map<String, String> oauthDestination(String name, String authentication) {
        Map<String, String> d = destination(name, authentication);
        d.put("tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token");
        d.put("clientId", CLIENT);
        d.put("clientSecret", SECRET);
        return d;
    }

    private void define(Map<String, String> destination) {
        sandbox.destinations().putSubaccount(destination);
        created.add(destination.get("Name"));
    }

    private JsonNode me(ResolvedDestination resolved) {
        Http.Answer answer = Http.send(resolved, "GET", "/api/v1/me");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(ResolvedDestination r, String name) {
        return r.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HttpHeader::value).findFirst().orElse(null);
    }

    private static DestinationOptions user(String token) {
        return DestinationOptions.builder().userToken(token).build();
    }

    @Test
    void oauth2PasswordTokenActsForTheDestinationsUser() {
        sandbox.users().register("pat", "pat-password-4411");
        Map<String, String> d = oauthDestination("TypePassword", "OAuth2Password");
        d.put("User", "pat");
        d.put("Password", "pat-password-4411");
        define(d);

        JsonNode me = me(engine.resolve("TypePassword", DestinationOptions.NONE));

        assertThat(me.path("user").asText()).isEqualTo("pat");
        assertThat(me.path("grantType").asText()).isEqualTo("password");
    }

    @Test
    void oauth2UserTokenExchangeSendsTheUserTokenAndGetsATokenForThatUser() {
        define(oauthDestination("TypeUserTokenExchange", "OAuth2UserTokenExchange"));

        JsonNode me = me(engine.resolve("TypeUserTokenExchange", user(sandbox.userToken("alice"))));

        assertThat(me.path("user").asText()).isEqualTo("alice");
        assertThat(me.path("client").asText()).isEqualTo(CLIENT);
    }

    @Test
    void oauth2JwtBearerExchangesTheUserTokenForTheDestinationsClient() {
        define(oauthDestination("TypeJwtBearer", "OAuth2JWTBearer"));

        JsonNode me = me(engine.resolve("TypeJwtBearer", user(sandbox.userToken("bob"))));

        assertThat(me.path("user").asText()).isEqualTo("bob");
        assertThat(me.path("grantType").asText()).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
    }

    @Test
    void oauth2SamlBearerAssertionGetsATokenForTheAssertedUser() {
        Map<String, String> d = destination("TypeSamlBearer", "OAuth2SAMLBearerAssertion");
        d.put("tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token");
        d.put("audience", "https://gateway.example/sap/bc/sec/oauth2/token");
        d.put("clientKey", SAML_CLIENT);
        d.put("authnContextClassRef", "urn:oasis:names:tc:SAML:2.0:ac:classes:PreviousSession");
        d.put("tokenServiceUser", SAML_CLIENT);
        d.put("tokenServicePassword", SAML_SECRET);
        define(d);

        JsonNode me = me(engine.resolve("TypeSamlBearer", user(sandbox.userToken("carol"))));

        assertThat(me.path("user").asText()).isEqualTo("carol");
        assertThat(me.path("grantType").asText()).isEqualTo("urn:ietf:params:oauth:grant-type:saml2-bearer");
    }

    @Test
    void oauth2SamlBearerAssertionWithSystemUserNeedsNoUserToken() {
        Map<String, String> d = destination("TypeSamlBearerSystem", "OAuth2SAMLBearerAssertion");
        d.put("tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token");
        d.put("audience", "https://gateway.example");
        d.put("clientKey", SAML_CLIENT);
        d.put("authnContextClassRef", "urn:oasis:names:tc:SAML:2.0:ac:classes:PreviousSession");
        d.put("tokenServiceUser", SAML_CLIENT);
        d.put("tokenServicePassword", SAML_SECRET);
        d.put("SystemUser", "BATCH_USER");
        define(d);

        assertThat(me(engine.resolve("TypeSamlBearerSystem", DestinationOptions.NONE)).path("user").asText())
                .isEqualTo("BATCH_USER");
    }

    @Test
    void samlAssertionIsSentWithTheSecuritySessionHeader() {
        Map<String, String> d = destination("TypeSamlAssertion", "SAMLAssertion");
        d.put("audience", "https://backend.example");
        d.put("authnContextClassRef", "urn:oasis:names:tc:SAML:2.0:ac:classes:PreviousSession");
        define(d);

        ResolvedDestination r = engine.resolve("TypeSamlAssertion", user(sandbox.userToken("dave")));
        Http.Answer answer = Http.send(r, "GET", "/api/v1/me");

        assertThat(header(r, "Authorization")).startsWith("SAML2.0 ");
        assertThat(header(r, "x-sap-security-session")).isEqualTo("create");
        assertThat(answer.body()).contains("\"user\":\"dave\"").contains("\"audience\":\"https://backend.example\"");
        assertThat(answer.header("Set-Cookie")).startsWith("SAP_SESSIONID_SBX=");
    }

    @Test
    void sapAssertionSsoSendsTheLogonTicketAsMysapsso2Cookie() {
        define(destination("TypeAssertionSso", "SAPAssertionSSO"));

        ResolvedDestination r = engine.resolve("TypeAssertionSso", user(sandbox.userToken("erin")));

        assertThat(header(r, "Cookie")).startsWith("MYSAPSSO2=");
        assertThat(header(r, "Authorization")).isNull();
        JsonNode me = me(r);
        assertThat(me.path("authenticatedBy").asText()).isEqualTo("MYSAPSSO2");
        assertThat(me.path("user").asText()).isEqualTo("erin");
    }

    @Test
    void oauth2RefreshTokenRedeemsTheRequestsRefreshToken() {
        define(oauthDestination("TypeRefresh", "OAuth2RefreshToken"));
        DestinationOptions options = DestinationOptions.builder().refreshToken(sandbox.refreshToken("frank", CLIENT)).build();

        JsonNode me = me(engine.resolve("TypeRefresh", options));

        assertThat(me.path("user").asText()).isEqualTo("frank");
        assertThat(me.path("grantType").asText()).isEqualTo("refresh_token");
    }

    @Test
    void oauth2AuthorizationCodeRedeemsCodeRedirectUriAndVerifier() {
        define(oauthDestination("TypeCode", "OAuth2AuthorizationCode"));
        String verifier = "verifier-0123456789-0123456789-0123456789-abc";
        String code = sandbox.authorizationCode("gina", CLIENT, "https://app.example/callback", verifier);
        DestinationOptions options = DestinationOptions.builder()
                .authorizationCode(code, "https://app.example/callback", verifier).build();

        JsonNode me = me(engine.resolve("TypeCode", options));

        assertThat(me.path("user").asText()).isEqualTo("gina");
        assertThat(me.path("grantType").asText()).isEqualTo("authorization_code");
    }

    @Test
    void oauth2AuthorizationCodeWithWrongVerifierIsAFailedTokenWithTheServicesError() {
        define(oauthDestination("TypeCodeWrong", "OAuth2AuthorizationCode"));
        String code = sandbox.authorizationCode("gina", CLIENT, null, "the-right-verifier-0123456789-0123456789-01");
        DestinationOptions options = DestinationOptions.builder()
                .authorizationCode(code, null, "a-wrong-verifier-0123456789-0123456789-0123").build();

        TokenException e = catchThrowableOfType(TokenException.class, () -> engine.resolve("TypeCodeWrong", options));

        assertThat(e.getMessage()).contains("invalid_grant").contains("PKCE").contains("'TypeCodeWrong'");
        Secrets.assertFreeOf(Secrets.describe(e), SECRET, code);
    }

    @Test
    void oauth2TokenExchangeSendsSubjectTokenAndType() {
        define(oauthDestination("TypeTokenExchange", "OAuth2TokenExchange"));
        DestinationOptions options = DestinationOptions.builder()
                .subjectToken(sandbox.userToken("hank"), "urn:ietf:params:oauth:token-type:jwt").build();

        JsonNode me = me(engine.resolve("TypeTokenExchange", options));

        assertThat(me.path("user").asText()).isEqualTo("hank");
        assertThat(me.path("grantType").asText()).isEqualTo("urn:ietf:params:oauth:grant-type:token-exchange");
    }

    @Test
    void usersNeverShareACachedDestinationOrToken() {
        define(oauthDestination("TypeJwtBearerTwoUsers", "OAuth2JWTBearer"));

        JsonNode first = me(engine.resolve("TypeJwtBearerTwoUsers", user(sandbox.userToken("ivy"))));
        JsonNode second = me(engine.resolve("TypeJwtBearerTwoUsers", user(sandbox.userToken("jack"))));

        assertThat(first.path("user").asText()).isEqualTo("ivy");
        assertThat(second.path("user").asText()).isEqualTo("jack");
    }

    @Test
    void oneUsersRepeatedRequestsShareTheCachedDestination() {
        define(oauthDestination("TypeJwtBearerOneUser", "OAuth2JWTBearer"));
        String token = sandbox.userToken("kim");
        engine.resolve("TypeJwtBearerOneUser", user(token));
        long lookups = sandbox.counters().destinationLookups();

        engine.resolve("TypeJwtBearerOneUser", user(token));

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(lookups);
    }

    @Test
    void userDependentTypeWithoutUserTokenFailsInsteadOfActingAsTechnicalUser() {
        define(oauthDestination("TypeJwtBearerNoUser", "OAuth2JWTBearer"));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("TypeJwtBearerNoUser", DestinationOptions.NONE));

        assertThat(e.destinationName()).isEqualTo("TypeJwtBearerNoUser");
        assertThat(e.property()).isEqualTo("Authentication");
        assertThat(e.getMessage()).contains("X-user-token").contains("never falls back to a technical user");
    }

    @Test
    void refreshTokenTypeWithoutRefreshTokenNamesTheMissingInput() {
        define(oauthDestination("TypeRefreshMissing", "OAuth2RefreshToken"));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("TypeRefreshMissing", DestinationOptions.NONE));

        assertThat(e.getMessage()).contains("X-refresh-token");
    }

    @Test
    void missingRequiredPropertyNamesDestinationAndProperty() {
        Map<String, String> d = destination("TypeSamlNoAudience", "SAMLAssertion");
        d.put("authnContextClassRef", "urn:oasis:names:tc:SAML:2.0:ac:classes:PreviousSession");
        define(d);

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("TypeSamlNoAudience", user(sandbox.userToken("lee"))));

        assertThat(e.property()).isEqualTo("audience");
        assertThat(e.getMessage()).contains("'TypeSamlNoAudience'").contains("'audience'");
    }

    @Test
    void invalidUserTokenIsAFailedTokenWhoseErrorIsSurfaced() {
        define(destination("TypeAssertionSsoForged", "SAPAssertionSSO"));

        TokenException e = catchThrowableOfType(TokenException.class,
                () -> engine.resolve("TypeAssertionSsoForged", user("eyJhbGciOiJub25lIn0.eyJ1c2VyX25hbWUiOiJldmUifQ.")));

        assertThat(e.getMessage()).contains("Retrieval of OAuth token failed").contains("not valid");
    }

    @Test
    void userTokenIsNeverPartOfMessagesOrOptionsToString() {
        define(oauthDestination("TypeJwtBearerSecret", "OAuth2JWTBearer"));
        String token = sandbox.userToken("mia");
        DestinationOptions options = user(token);

        ResolvedDestination r = engine.resolve("TypeJwtBearerSecret", options);

        Secrets.assertFreeOf(options.toString() + options.cacheKey() + r, token);
    }
}
