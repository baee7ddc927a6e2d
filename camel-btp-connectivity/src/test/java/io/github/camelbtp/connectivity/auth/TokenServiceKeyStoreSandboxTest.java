package io.github.camelbtp.connectivity.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.http.DestinationHttpClient;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.connectivity.support.TestPki;
import io.github.camelbtp.sandbox.wire.HttpsBackend;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code tokenService.KeyStoreLocation}/{@code tokenService.KeyStorePassword}: a client-side OAuth flow presents the
 * destination's client certificate to the token service in the TLS handshake [oauth-client-credentials-authentication-4e1d742].
 * The destinations come from the {@code destinations} variable with their key stores in {@code certificates}; the
 * token service is the sandbox's mutual-TLS endpoint, which knows a client by its certificate's CN.
 */
@ExtendWith(SandboxExtension.class)
class TokenServiceKeyStoreSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "sb-mtls-client!t11";
    private static final String SECRET = "mtls-client-secret-51d0";
    private static final String STORE_PASSWORD = "token-store-password-8c2e";
    private static TestPki ca;
    private static TestPki.Issued certificate;
    private static URI certUrl;
    private static Sandbox started;

    private final Engines engines = new Engines();
    private Sandbox sandbox;

    @BeforeEach
    void setUp(Sandbox sandbox) {
        this.sandbox = sandbox;
        synchronized (TokenServiceKeyStoreSandboxTest.class) {
            if (started != sandbox) {
                ca = new TestPki("camel-btp token service CA");
                certificate = ca.client(CLIENT);
                certUrl = sandbox.x509TokenService(ca.server("localhost").serverContext(ca));
                started = sandbox;
            }
        }
        sandbox.oauthClients().register(CLIENT, SECRET);
    }

    @AfterEach
    void tearDown() {
        engines.close();
    }

    /** An OAuth2ClientCredentials destination in the 'destinations' variable, with {@code files} as its certificates. */
    private BtpConnectivity engine(ObjectNode destination, ObjectNode... files) {
        ArrayNode certificates = destination.putArray("certificates");
        for (ObjectNode file : files) {
            certificates.add(file);
        }
        String variable = JSON.createArrayNode().add(destination).toString();
        return engines.add(BtpConnectivity.builder().serviceBindings(
                        io.github.camelbtp.connectivity.binding.ServiceBindings.none())
                .environmentDestinations(variable).serviceTrust(List.of(ca.certificate())).build());
    }

    private ObjectNode destination(String keyStore) {
        ObjectNode d = JSON.createObjectNode();
        d.put("name", "MtlsTokens");
        d.put("url", sandbox.cloudApiUri().toString());
        d.put("authentication", "OAuth2ClientCredentials");
        d.put("tokenServiceURL", certUrl + "/oauth/token");
        d.put("clientId", CLIENT);
        d.put("tokenService.KeyStoreLocation", keyStore);
        d.put("tokenService.KeyStorePassword", STORE_PASSWORD);
        return d;
    }

    private static ObjectNode file(String name, byte[] content) {
        ObjectNode f = JSON.createObjectNode();
        f.put("Name", name);
        f.put("Content", Base64.getEncoder().encodeToString(content));
        f.put("Type", "CERTIFICATE");
        return f;
    }

    private static JsonNode me(ResolvedDestination r) throws Exception {
        Http.Answer answer = Http.send(r, "GET", "/api/v1/me");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    @Test
    void clientWithoutSecretAuthenticatesWithTheKeyStoreCertificate() throws Exception {
        BtpConnectivity engine = engine(destination("token-client.p12"), file("token-client.p12", certificate.p12(STORE_PASSWORD)));

        JsonNode me = me(engine.resolve("MtlsTokens", DestinationOptions.NONE));

        assertThat(me.path("client").asText()).isEqualTo(CLIENT);
        assertThat(me.path("grantType").asText()).isEqualTo("client_credentials");
    }

    @Test
    void pemKeyStoreInTheSdkSpellingWithASecretAsWell() throws Exception {
        ObjectNode d = destination("token-client.pem");
        d.put("clientSecret", SECRET);
        ObjectNode pem = JSON.createObjectNode();
        pem.put("name", "token-client.pem");
        pem.put("content", Base64.getEncoder().encodeToString(certificate.pem()));
        pem.put("type", "CERTIFICATE");

        JsonNode me = me(engine(d, pem).resolve("MtlsTokens", DestinationOptions.NONE));

        assertThat(me.path("client").asText()).isEqualTo(CLIENT);
    }

    @Test
    void tokenIsCachedAndTheKeyStoreOpenedOnce() throws Exception {
        BtpConnectivity engine = engine(destination("token-client.p12"), file("token-client.p12", certificate.p12(STORE_PASSWORD)));
        long grantsBefore = sandbox.counters().tokenGrants();

        me(engine.resolve("MtlsTokens", DestinationOptions.NONE));
        me(engine.resolve("MtlsTokens", DestinationOptions.NONE));

        assertThat(sandbox.counters().tokenGrants() - grantsBefore).isEqualTo(1);
    }

    @Test
    void certificateOfAnotherClientIsRefusedByTheTokenService() {
        TestPki.Issued other = ca.client("sb-someone-else!t12");
        BtpConnectivity engine = engine(destination("other.p12"), file("other.p12", other.p12(STORE_PASSWORD)));

        TokenException e = catchThrowableOfType(TokenException.class,
                () -> engine.resolve("MtlsTokens", DestinationOptions.NONE));

        assertThat(e.errorCode()).isEqualTo("invalid_client");
        assertThat(e.getMessage()).contains("MtlsTokens").contains(CLIENT);
    }

    @Test
    void keyStoreThatIsNotAmongTheCertificatesNamesTheProperty() {
        BtpConnectivity engine = engine(destination("missing.p12"), file("token-client.p12", certificate.p12(STORE_PASSWORD)));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("MtlsTokens", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("tokenService.KeyStoreLocation");
        assertThat(e.getMessage()).contains("MtlsTokens").contains("missing.p12");
    }

    @Test
    void wrongPasswordNamesThePasswordPropertyAndNeverShowsIt() {
        ObjectNode d = destination("token-client.p12");
        d.put("tokenService.KeyStorePassword", "not-the-password-3f7a");
        BtpConnectivity engine = engine(d, file("token-client.p12", certificate.p12(STORE_PASSWORD)));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("MtlsTokens", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("tokenService.KeyStorePassword");
        Secrets.assertFreeOf(Secrets.describe(e), "not-the-password-3f7a", STORE_PASSWORD);
    }

    @Test
    void withoutKeyStoreTheSecretIsRequired() {
        ObjectNode d = destination("unused");
        d.remove("tokenService.KeyStoreLocation");
        BtpConnectivity engine = engine(d);

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("MtlsTokens", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("clientSecret");
    }

    @Test
    void clientCertificateAuthenticationFromTheVariablesCertificates() throws Exception {
        HttpsBackend backend = sandbox.httpsBackend(ca.server("localhost").serverContext(ca), true);
        ObjectNode d = JSON.createObjectNode();
        d.put("name", "MtlsTokens");
        d.put("url", backend.uri("localhost").toString());
        d.put("authentication", "ClientCertificateAuthentication");
        d.put("KeyStoreLocation", "token-client.p12");
        d.put("KeyStorePassword", STORE_PASSWORD);
        d.put("TrustStoreLocation", "ca.crt");
        BtpConnectivity engine = engine(d, file("token-client.p12", certificate.p12(STORE_PASSWORD)), file("ca.crt", ca.crt()));

        ResolvedDestination r = engine.resolve("MtlsTokens", DestinationOptions.NONE);
        String body;
        try (DestinationHttpClient http = new DestinationHttpClient(4, 4)) {
            HttpHost target = HttpHost.create(r.url());
            HttpGet get = new HttpGet(r.url() + "/whoami");
            try (ClassicHttpResponse response = http.executeOpen(target, get, r, DestinationHttpClient.context(r, target))) {
                body = EntityUtils.toString(response.getEntity());
            }
        }

        assertThat(body).contains("\"clientCertificate\":\"CN=" + CLIENT + "\"");
    }
}
