package io.github.camelbtp.connectivity.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.connectivity.support.RecordingRelay;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The OAuth flows camel-btp runs itself for destinations from configuration (no Destination Service to run them),
 * against the sandbox token service; the cloud API's {@code /api/v1/me} shows whom the token belongs to.
 */
@ExtendWith(SandboxExtension.class)
class ClientSideGrantsSandboxTest {

    private static final String CLIENT = "sb-client-side-grants!t8";
    private static final String SECRET = "client-side-grants-secret-2b9c";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engines engines = new Engines();
    private final List<AutoCloseable> open = new ArrayList<>();
    private Sandbox sandbox;

    @BeforeEach
    void setUp(Sandbox sandbox) {
        this.sandbox = sandbox;
        sandbox.oauthClients().register(CLIENT, SECRET);
    }

    @AfterEach
    void tearDown() throws Exception {
        engines.close();
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private BtpConnectivity engine(String authentication, String... extra) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("URL", sandbox.cloudApiUri().toString());
        p.put("Authentication", authentication);
        p.put("tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token");
        p.put("clientId", CLIENT);
        p.put("clientSecret", SECRET);
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return engines.bound(sandbox, b -> b.staticDestinations(List.of(Destination.of("Local", p, StaticDestinationLoader.SOURCE))));
    }

    private static JsonNode me(ResolvedDestination r) {
        Http.Answer answer = Http.send(r, "GET", "/api/v1/me");
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

    @Test
    void oauth2PasswordRunsTheResourceOwnerGrant() {
        sandbox.users().register("local-pat", "local-pat-password-77");

        JsonNode me = me(engine("OAuth2Password", "User", "local-pat", "Password", "local-pat-password-77")
                .resolve("Local", DestinationOptions.NONE));

        assertThat(me.path("user").asText()).isEqualTo("local-pat");
        assertThat(me.path("grantType").asText()).isEqualTo("password");
    }

    @Test
    void oauth2JwtBearerExchangesTheUserToken() {
        JsonNode me = me(engine("OAuth2JWTBearer").resolve("Local",
                DestinationOptions.builder().userToken(sandbox.userToken("local-amy")).build()));

        assertThat(me.path("user").asText()).isEqualTo("local-amy");
        assertThat(me.path("client").asText()).isEqualTo(CLIENT);
    }

    @Test
    void oauth2UserTokenExchangeUsesTheJwtBearerGrantAsXsuaaDoes() {
        JsonNode me = me(engine("OAuth2UserTokenExchange").resolve("Local",
                DestinationOptions.builder().userToken(sandbox.userToken("local-ben")).build()));

        assertThat(me.path("grantType").asText()).isEqualTo(TokenGrant.JWT_BEARER);
        assertThat(me.path("user").asText()).isEqualTo("local-ben");
    }

    @Test
    void oauth2RefreshTokenRedeemsTheRequestsRefreshToken() {
        JsonNode me = me(engine("OAuth2RefreshToken").resolve("Local",
                DestinationOptions.builder().refreshToken(sandbox.refreshToken("local-cy", CLIENT)).build()));

        assertThat(me.path("user").asText()).isEqualTo("local-cy");
    }

    @Test
    void oauth2AuthorizationCodeRedeemsCodeWithPkce() {
        String verifier = "local-verifier-0123456789-0123456789-0123456";
        String code = sandbox.authorizationCode("local-di", CLIENT, "https://app.example/cb", verifier);

        JsonNode me = me(engine("OAuth2AuthorizationCode").resolve("Local",
                DestinationOptions.builder().authorizationCode(code, "https://app.example/cb", verifier).build()));

        assertThat(me.path("user").asText()).isEqualTo("local-di");
    }

    @Test
    void oauth2TokenExchangeSendsSubjectTokenAndType() {
        JsonNode me = me(engine("OAuth2TokenExchange").resolve("Local",
                DestinationOptions.builder().subjectToken(sandbox.userToken("local-ed"), null).build()));

        assertThat(me.path("grantType").asText()).isEqualTo(TokenGrant.TOKEN_EXCHANGE);
        assertThat(me.path("user").asText()).isEqualTo("local-ed");
    }

    @Test
    void oauth2TechnicalUserPropagationPutsTheTokenInTheTechnicalHeader() {
        ResolvedDestination r = engine("OAuth2TechnicalUserPropagation", "URL", "http://erp.internal:44300",
                "ProxyType", "OnPremise").resolve("Local", DestinationOptions.NONE);

        assertThat(header(r, "SAP-Connectivity-Technical-Authentication")).startsWith("Bearer ");
        assertThat(header(r, "Authorization")).isNull();
        Http.Answer answer = Http.send(r, "GET", "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Sandbox-Logon-User")).isEqualTo(CLIENT.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void principalPropagationFromConfigurationCarriesTheUserToTheBackend() {
        ResolvedDestination r = engine("PrincipalPropagation", "URL", "http://erp.internal:44300", "ProxyType", "OnPremise")
                .resolve("Local", DestinationOptions.builder().userToken(sandbox.userToken("local-flo")).build());

        Http.Answer answer = Http.send(r, "GET", "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1");

        assertThat(answer.header("X-Sandbox-Logon-User")).isEqualTo("LOCAL-FLO");
    }

    @Test
    void commonTokenServiceUrlIsMadeTheTenantsByReplacingThePlaceholder() {
        sandbox.tenants().subscribe("subscriber-a");
        RecordingRelay relay = new RecordingRelay(sandbox.tokenServiceUri());
        open.add(relay);
        BtpConnectivity engine = engine("OAuth2ClientCredentials", "tokenServiceURLType", "Common",
                "tokenServiceURL", relay.uri() + "/tenants/{tenant}/oauth/token");

        me(engine.resolve("Local", DestinationOptions.forTenant("subscriber-a")));

        assertThat(relay.last().path()).isEqualTo("/tenants/subscriber-a/oauth/token");
    }

    @Test
    void commonTokenServiceUrlWithPlaceholderNeedsATenant() {
        BtpConnectivity engine = engine("OAuth2ClientCredentials", "tokenServiceURLType", "Common",
                "tokenServiceURL", sandbox.tokenServiceUri() + "/tenants/{tenant}/oauth/token");

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("Local", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("tokenServiceURL");
        assertThat(e.getMessage()).contains("{tenant}").contains("tenantHeader");
    }

    @Test
    void concurrentRequestsOfOneUserMakeOneTokenRequest() {
        BtpConnectivity engine = engine("OAuth2JWTBearer");
        DestinationOptions options = DestinationOptions.builder().userToken(sandbox.userToken("local-gus")).build();
        long grantsBefore = sandbox.counters().tokenGrants();
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<String>> calls = IntStream.range(0, 16).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return header(engine.resolve("Local", options), "Authorization");
        })).toList();
        start.countDown();

        assertThat(calls.stream().map(CompletableFuture::join).distinct()).hasSize(1);
        assertThat(sandbox.counters().tokenGrants() - grantsBefore).isEqualTo(1);
    }

    @Test
    void userTokenIsRenewedAheadOfItsExpiryAndNotBefore() {
        io.github.camelbtp.connectivity.support.MutableClock clock = new io.github.camelbtp.connectivity.support.MutableClock();
        Map<String, String> p = new LinkedHashMap<>(Map.of("URL", sandbox.cloudApiUri().toString(),
                "Authentication", "OAuth2JWTBearer", "tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token",
                "clientId", CLIENT, "clientSecret", SECRET));
        BtpConnectivity engine = engines.bound(sandbox, b -> b.clock(clock).tokenRefreshMargin(java.time.Duration.ofSeconds(30))
                .staticDestinations(List.of(Destination.of("Expiring", p, StaticDestinationLoader.SOURCE))));
        DestinationOptions options = DestinationOptions.builder().userToken(sandbox.userToken("local-ida")).build();
        String first = header(engine.resolve("Expiring", options), "Authorization");
        long grants = sandbox.counters().tokenGrants();

        // the sandbox issues tokens for 12 hours: 11:59:00 later the token is still good for more than the margin
        clock.advance(java.time.Duration.ofHours(12).minusMinutes(1));
        assertThat(header(engine.resolve("Expiring", options), "Authorization")).isEqualTo(first);
        assertThat(sandbox.counters().tokenGrants()).isEqualTo(grants);

        // 20 s before expiry it is inside the 30 s margin: renewed
        clock.advance(java.time.Duration.ofSeconds(40));
        assertThat(header(engine.resolve("Expiring", options), "Authorization")).isNotEqualTo(first);
        assertThat(sandbox.counters().tokenGrants()).isEqualTo(grants + 1);
    }

    @Test
    void samlTypesCannotRunClientSideAndSaySo() {
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine("SAPAssertionSSO").resolve("Local",
                        DestinationOptions.builder().userToken(sandbox.userToken("local-hal")).build()));

        assertThat(e.getMessage()).contains("SAPAssertionSSO").contains("Destination Service");
    }
}
