package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.connectivity.support.RecordingRelay;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * OAuth2ClientCredentials run client-side (a destination from configuration) against the sandbox token service,
 * following SAP's token-service properties. A recording relay in front of the token service shows what arrived.
 */
@ExtendWith(SandboxExtension.class)
class ClientSideOAuthSandboxTest {

    private static final String CLIENT_ID = "static-oauth-client";
    private static final String CLIENT_SECRET = "static-client-secret-4f2a9d";

    private final List<AutoCloseable> open = new ArrayList<>();
    private RecordingRelay relay;

    @BeforeEach
    void start(Sandbox sandbox) {
        sandbox.oauthClients().register(CLIENT_ID, CLIENT_SECRET, List.of("products.read", "orders.write"));
        relay = new RecordingRelay(sandbox.tokenServiceUri());
        open.add(relay);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ResolvedDestination resolve(String tokenServiceUrl, String... extra) {
        Map<String, String> p = new LinkedHashMap<>(Map.of("URL", "http://127.0.0.1:1/api", "Authentication", "OAuth2ClientCredentials",
                "tokenServiceURL", tokenServiceUrl, "clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET));
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        BtpConnectivity engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.none()).environmentDestinations(null)
                .staticDestinations(List.of(Destination.of("StaticOAuth", p, StaticDestinationLoader.SOURCE))).build();
        open.add(engine::close);
        return engine.resolve("StaticOAuth", DestinationOptions.NONE);
    }

    private String viaRelay() {
        return relay.uri() + "/oauth/token";
    }

    private static String authorization(ResolvedDestination r) {
        return r.headers().stream().filter(h -> h.name().equals("Authorization")).map(HttpHeader::value).findFirst().orElseThrow();
    }

    @Test
    void grantAgainstTheSandboxTokenServiceGivesABearerTheCloudApiAccepts(Sandbox sandbox) {
        ResolvedDestination r = resolve(sandbox.tokenServiceUri() + "/oauth/token");

        assertThat(authorization(r)).startsWith("Bearer ");
        assertThat(sandbox.counters().tokenGrants()).isEqualTo(1);
        ResolvedDestination api = new ResolvedDestination(r.destination(), sandbox.cloudApiUri(), r.headers(), Map.of(), null,
                r.connectTimeout(), r.readTimeout(), null, null);
        assertThat(Http.send(api, "GET", "/api/v1/products").status()).isEqualTo(200);
    }

    @Test
    void clientSideTokenIsCachedAcrossResolves(Sandbox sandbox) {
        Map<String, String> p = Map.of("URL", "http://x", "Authentication", "OAuth2ClientCredentials",
                "tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token", "clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET);
        try (BtpConnectivity engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.none()).environmentDestinations(null)
                .staticDestinations(List.of(Destination.of("StaticOAuth", p, StaticDestinationLoader.SOURCE))).build()) {
            String first = authorization(engine.resolve("StaticOAuth", DestinationOptions.NONE));
            String second = authorization(engine.resolve("StaticOAuth", DestinationOptions.NONE));

            assertThat(second).isEqualTo(first);
            assertThat(sandbox.counters().tokenGrants()).isEqualTo(1);
        }
    }

    @Test
    void clientCredentialsTravelInTheBodyByDefault() {
        resolve(viaRelay());

        RecordingRelay.Request request = relay.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.form()).containsEntry("grant_type", "client_credentials").containsEntry("client_id", CLIENT_ID)
                .containsEntry("client_secret", CLIENT_SECRET);
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void addClientCredentialsInBodyFalseSendsThemAsBasicHeader() {
        ResolvedDestination r = resolve(viaRelay(), "tokenService.addClientCredentialsInBody", "false");

        RecordingRelay.Request request = relay.last();
        assertThat(request.header("Authorization")).startsWith("Basic ");
        String decoded = new String(Base64.getDecoder().decode(request.header("Authorization").substring(6)), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(CLIENT_ID + ":" + CLIENT_SECRET);
        assertThat(request.form()).doesNotContainKeys("client_secret");
        assertThat(authorization(r)).startsWith("Bearer ");
    }

    @Test
    void scopeIsRequested() {
        resolve(viaRelay(), "scope", "products.read");

        assertThat(relay.last().form()).containsEntry("scope", "products.read");
    }

    @Test
    void tokenServiceHeadersQueriesAndBodyParametersAreSent() {
        ResolvedDestination r = resolve(viaRelay(), "tokenServiceURL.headers.x-zone", "emea", "tokenServiceURL.queries.tenant", "acme",
                "tokenService.body.resource", "urn:sales");

        RecordingRelay.Request request = relay.last();
        assertThat(request.header("x-zone")).isEqualTo("emea");
        assertThat(request.rawQuery()).isEqualTo("tenant=acme");
        assertThat(request.form()).containsEntry("resource", "urn:sales").containsEntry("grant_type", "client_credentials");
        assertThat(authorization(r)).startsWith("Bearer ");
    }

    @Test
    void wrongClientSecretIsATokenExceptionNamingHostAndErrorCodeWithoutTheSecret(Sandbox sandbox) {
        String wrong = "wrong-secret-8c1e5b";
        TokenException e = catchThrowableOfType(TokenException.class,
                () -> resolve(sandbox.tokenServiceUri() + "/oauth/token", "clientSecret", wrong));

        assertThat(e.tokenServiceHost()).isEqualTo(sandbox.tokenServiceUri().getAuthority());
        assertThat(e.errorCode()).isEqualTo("invalid_client");
        assertThat(e.destinationName()).isEqualTo("StaticOAuth");
        assertThat(e.getMessage()).contains(sandbox.tokenServiceUri().getAuthority()).contains("invalid_client").contains("'StaticOAuth'");
        Secrets.assertFreeOf(Secrets.describe(e), wrong, CLIENT_SECRET);
    }

    @Test
    void wrongClientSecretSentAsBasicIsRefusedToo(Sandbox sandbox) {
        TokenException e = catchThrowableOfType(TokenException.class, () -> resolve(sandbox.tokenServiceUri() + "/oauth/token",
                "clientSecret", "wrong-secret-8c1e5b", "tokenService.addClientCredentialsInBody", "false"));

        assertThat(e.errorCode()).isEqualTo("invalid_client");
        Secrets.assertFreeOf(Secrets.describe(e), "wrong-secret-8c1e5b");
    }

    @Test
    void missingClientSecretIsAConfigurationErrorNamingTheProperty() {
        var e = catchThrowableOfType(io.github.camelbtp.connectivity.DestinationConfigurationException.class,
                () -> resolve(viaRelay(), "clientSecret", ""));

        assertThat(e.property()).isEqualTo("clientSecret");
        assertThat(relay.requests()).isEmpty();
    }
}
