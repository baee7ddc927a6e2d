package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.auth.AccessToken;
import io.github.camelbtp.connectivity.auth.BasicCredentials;
import io.github.camelbtp.connectivity.auth.TokenRequest;
import io.github.camelbtp.connectivity.binding.ServiceBinding;
import io.github.camelbtp.connectivity.destination.AuthToken;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.http.ProxyAddress;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Secrets;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** toString() of every value type that holds a secret shows its shape, never the secret. */
class SecretsInToStringTest {

    private static final String PASSWORD = "pw-3e9a1c77";
    private static final String CLIENT_SECRET = "cs-8b2d4f61";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.payload.sig-7c1";
    private static final String API_KEY = "apikey-5d0e2b93";

    private static Destination destination() {
        return new Destination("Erp", Map.ofEntries(Map.entry("Name", "Erp"), Map.entry("URL", "http://erp.internal:44300"),
                Map.entry("User", "alice"), Map.entry("Password", PASSWORD), Map.entry("clientSecret", CLIENT_SECRET),
                Map.entry("tokenServicePassword", PASSWORD + "x"), Map.entry("KeyStorePassword", PASSWORD + "k"),
                Map.entry("URL.headers.x-api-key", API_KEY), Map.entry("tokenServiceURL.headers.x-key", API_KEY + "t"),
                Map.entry("tokenService.body.assertion", API_KEY + "b"), Map.entry("ProxyAuthorization", "Basic " + API_KEY),
                Map.entry("mail.password", PASSWORD + "m"), Map.entry("jco.client.passwd", PASSWORD + "j")),
                List.of(new AuthToken("bearer", TOKEN, "Authorization", "Bearer " + TOKEN, Instant.EPOCH, null)),
                "Destination Service");
    }

    @Test
    void destinationToStringMasksEverySecretProperty() {
        String text = destination().toString();

        assertThat(text).contains("Erp").contains("alice").contains("clientSecret").contains("URL.headers.x-api-key");
        Secrets.assertFreeOf(text, PASSWORD, CLIENT_SECRET, TOKEN, API_KEY);
    }

    @Test
    void resolvedDestinationToStringShowsHeaderNamesOnly() {
        ResolvedDestination r = new ResolvedDestination(destination(), URI.create("http://erp.internal:44300"),
                List.of(new HttpHeader("Authorization", "Bearer " + TOKEN), new HttpHeader("Proxy-Authorization", "Bearer " + TOKEN),
                        new HttpHeader("x-api-key", API_KEY)), Map.of("key", API_KEY), new ProxyAddress("proxy", 20003),
                Duration.ofSeconds(5), Duration.ofSeconds(30), new BasicCredentials("alice", PASSWORD), null);

        String text = r.toString();

        assertThat(text).contains("Authorization").contains("Proxy-Authorization");
        Secrets.assertFreeOf(text, PASSWORD, CLIENT_SECRET, TOKEN, API_KEY);
    }

    @Test
    void tokenRequestToStringMasksSecretHeadersAndBody() {
        TokenRequest request = new TokenRequest(URI.create("https://uaa.example/oauth/token"), "client", CLIENT_SECRET, true,
                "read", Map.of("x-key", API_KEY), Map.of("assertion", API_KEY + "b"), Duration.ofSeconds(10), Duration.ofSeconds(10));

        String text = request.toString();

        assertThat(text).contains("client").contains("uaa.example");
        Secrets.assertFreeOf(text, CLIENT_SECRET, API_KEY);
    }

    @Test
    void serviceBindingToStringShowsKeysOnly() {
        ServiceBinding binding = new ServiceBinding("dest", "destination", Map.of("clientid", "sb-x", "clientsecret", CLIENT_SECRET));

        assertThat(binding.toString()).contains("clientsecret");
        Secrets.assertFreeOf(binding.toString(), CLIENT_SECRET);
    }

    @Test
    void basicCredentialsToStringMasksThePassword() {
        String text = new BasicCredentials("alice", PASSWORD).toString();

        assertThat(text).contains("alice");
        Secrets.assertFreeOfBasic(text, "alice", PASSWORD);
    }

    @Test
    void accessTokenToStringMasksTheValue() {
        Secrets.assertFreeOf(new AccessToken(TOKEN, Instant.EPOCH).toString(), TOKEN);
    }

    @Test
    void authTokenAndHeaderToStringMaskTheValue() {
        Secrets.assertFreeOf(new AuthToken("bearer", TOKEN, "Authorization", "Bearer " + TOKEN, null, null).toString(), TOKEN);
        Secrets.assertFreeOf(new HttpHeader("Authorization", "Bearer " + TOKEN).toString(), TOKEN);
        Secrets.assertFreeOf(new HttpHeader("x-api-key", API_KEY).toString(), API_KEY);
        assertThat(new HttpHeader("SAP-Connectivity-SCC-Location_ID", "Plant01").toString()).contains("Plant01");
    }
}
