package io.github.camelbtp.sandbox.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.destination.Tenants;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token service under host names over TLS, as on BTP: {@code https://<subdomain>.<uaadomain>/oauth/token} picks
 * the tenant by host name [multitenancy-in-the-destination-service-4e07f25], and the bindings carry the keys XSUAA
 * writes. Needs the names to resolve: this module's tests run with {@code -Djdk.net.hosts.file} (see the pom).
 */
class TokenServiceHostNamesTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension(Sandbox.builder().tokenServiceHostNames());

    private static Sandbox sandbox() {
        return SANDBOX.sandbox();
    }

    private static HttpClient trusting() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("sandbox", sandbox().tokenServiceCertificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A client-credentials token request of the destination binding's client at {@code baseUri}. */
    private static HttpResponse<String> tokenRequest(HttpClient client, URI baseUri, String... headers) throws Exception {
        JsonNode credentials = SandboxClient.credentials(sandbox(), "destination");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", SandboxClient.basic(URLEncoder.encode(credentials.get("clientid").asText(),
                        StandardCharsets.UTF_8), credentials.get("clientsecret").asText()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String zoneOf(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return SignedJWT.parse(SandboxClient.json(answer.body()).get("access_token").asText()).getJWTClaimsSet()
                .getStringClaim("zid");
    }

    @Test
    void subscribersTokenComesFromItsOwnHostName() throws Exception {
        Tenants.Tenant acme = sandbox().tenants().subscribe("acme");
        try {
            HttpResponse<String> answer = tokenRequest(trusting(), sandbox().tokenServiceHostNames().uri("acme"));

            assertThat(zoneOf(answer)).isEqualTo(acme.zoneId());
            SignedJWT token = SignedJWT.parse(SandboxClient.json(answer.body()).get("access_token").asText());
            // XSUAA's issuer is the zone's own token URL; SAP's SDKs read the subdomain from it
            assertThat(token.getJWTClaimsSet().getIssuer())
                    .isEqualTo(sandbox().tokenServiceHostNames().uri("acme") + "/oauth/token");
            assertThat(sandbox().serviceRequests().last().orElseThrow().header("Host")).startsWith("acme.");
        } finally {
            sandbox().tenants().unsubscribe("acme");
        }
    }

    @Test
    void providersHostNameIssuesTheProvidersToken() throws Exception {
        assertThat(zoneOf(tokenRequest(trusting(), sandbox().tokenServiceHostNames().providerUri())))
                .isEqualTo(DemoDestinations.SUBACCOUNT_ID);
    }

    @Test
    void zoneIdAtTheBareDomainOrTheProvidersHostIssuesTheSubscribersToken() throws Exception {
        Tenants.Tenant acme = sandbox().tenants().subscribe("acme");
        try {
            URI bare = URI.create("https://" + sandbox().tokenServiceHostNames().uaaDomain());
            assertThat(zoneOf(tokenRequest(trusting(), bare, "x-zid", acme.zoneId()))).isEqualTo(acme.zoneId());
            assertThat(zoneOf(tokenRequest(trusting(), sandbox().tokenServiceHostNames().providerUri(), "x-zid",
                    acme.zoneId()))).isEqualTo(acme.zoneId());
        } finally {
            sandbox().tenants().unsubscribe("acme");
        }
    }

    @Test
    void unsubscribedTenantsHostNameIsNotFound() throws Exception {
        sandbox().tenants().subscribe("gone");
        sandbox().tenants().unsubscribe("gone");

        HttpResponse<String> answer = tokenRequest(trusting(), sandbox().tokenServiceHostNames().uri("gone"));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("gone");
    }

    @Test
    void certificateNamesEveryTenantOfTheDomainAndIsTrustedOnlyExplicitly() throws Exception {
        String domain = sandbox().tokenServiceHostNames().domain();
        assertThat(sandbox().tokenServiceCertificate().getSubjectAlternativeNames())
                .extracting(name -> String.valueOf(name.get(1)))
                .contains("*." + domain, domain, "localhost");
        sandbox().tenants().subscribe("beta");
        try {
            // the JDK client verifies the host name against the SANs: the wildcard covers a new tenant's name
            assertThat(tokenRequest(trusting(), sandbox().tokenServiceHostNames().uri("beta")).statusCode()).isEqualTo(200);
            // and nothing trusts the generated certificate unless told to
            HttpClient jdkDefaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> tokenRequest(jdkDefaults, sandbox().tokenServiceHostNames().uri("beta")))
                    .isInstanceOf(SSLHandshakeException.class);
        } finally {
            sandbox().tenants().unsubscribe("beta");
        }
    }

    @Test
    void bindingsCarryTheKeysXsuaaWrites() throws Exception {
        String uaaDomain = sandbox().tokenServiceHostNames().uaaDomain();
        for (String service : List.of("destination", "connectivity")) {
            JsonNode credentials = SandboxClient.credentials(sandbox(), service);
            assertThat(credentials.get("url").asText()).as(service).isEqualTo("https://sandbox." + uaaDomain);
            assertThat(credentials.get("uaadomain").asText()).as(service).isEqualTo(uaaDomain);
            assertThat(credentials.get("identityzone").asText()).as(service).isEqualTo("sandbox");
            assertThat(credentials.get("tenantmode").asText()).as(service).isEqualTo("shared");
            assertThat(credentials.get("credential-type").asText()).as(service).isEqualTo("binding-secret");
            assertThat(credentials.get("xsappname").asText()).as(service).isNotBlank();
            for (String zone : List.of("tenantid", "subaccountid", "zoneid")) {
                assertThat(credentials.get(zone).asText()).as(service + " " + zone).isEqualTo(DemoDestinations.SUBACCOUNT_ID);
            }
            // verificationkey is the token authority's public key: it verifies the tokens the service issues
            String pem = credentials.get("verificationkey").asText();
            assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----").endsWith("-----END PUBLIC KEY-----");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "")
                            .replace("-----END PUBLIC KEY-----", ""))));
            HttpResponse<String> answer = tokenRequest(trusting(), URI.create(credentials.get("url").asText()));
            assertThat(SignedJWT.parse(SandboxClient.json(answer.body()).get("access_token").asText())
                    .verify(new RSASSAVerifier(key))).as(service).isTrue();
        }
        // the Kubernetes layout has the same keys, one file each
        Path root = Files.createTempDirectory("bindings");
        sandbox().writeKubernetesBindings(root);
        assertThat(Files.readString(root.resolve("destination/uaadomain"))).isEqualTo(uaaDomain);
        assertThat(Files.readString(root.resolve("connectivity/verificationkey"))).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void hostsFileIsReadOnEveryLookupSoANewTenantResolvesAtOnce() throws Exception {
        assertThat(System.getProperty("jdk.net.hosts.file")).as("surefire's argLine sets the hosts file").isNotNull();
        String name = "late" + Long.toHexString(System.nanoTime());
        String host = name + "." + sandbox().tokenServiceHostNames().domain();

        sandbox().tenants().subscribe(name);
        try {
            assertThat(InetAddress.getByName(host).isLoopbackAddress()).isTrue();
            assertThat(InetAddress.getByName("localhost").isLoopbackAddress()).isTrue();
        } finally {
            sandbox().tenants().unsubscribe(name);
        }
    }
}
