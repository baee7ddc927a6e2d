package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.destination.AuthToken;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationServiceLoader;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.http.ServiceClient;
import io.github.camelbtp.connectivity.support.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Step 3 on destinations built in the test: what headers come out of each Authentication value. Flows that need a
 * token service are in {@link ClientSideOAuthSandboxTest}; service-issued tokens are also checked against the sandbox.
 */
class AuthenticatorTest {

    private static final String PASSWORD = "basic-pass-4d1e8f";

    private final ServiceClient http = new ServiceClient(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final Authenticator authenticator = new Authenticator(new TokenService(http, Clock.systemUTC(), Duration.ofSeconds(30), null, Duration.ZERO),
            new io.github.camelbtp.connectivity.tls.TlsCache());

    @AfterEach
    void close() throws IOException {
        http.close();
    }

    private static Destination basic(String... extra) {
        Map<String, String> p = new LinkedHashMap<>(Map.of("URL", "http://erp.internal:44300",
                "Authentication", "BasicAuthentication", "User", "alice", "Password", PASSWORD));
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return Destination.of("StaticERP", p, "static configuration");
    }

    private static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicAuthenticationIsEncodedClientSideAndPreemptiveByDefault() {
        Authentication a = authenticator.authenticate(basic(), DestinationOptions.NONE);

        assertThat(a.headers()).containsExactly(new HttpHeader("Authorization", basicHeader("alice", PASSWORD)));
        assertThat(a.challengeCredentials()).isNull();
    }

    @Test
    void preemptiveTrueSendsTheAuthorizationHeader() {
        Authentication a = authenticator.authenticate(basic("Preemptive", "TRUE"), DestinationOptions.NONE);

        assertThat(a.headers()).extracting(HttpHeader::name).containsExactly("Authorization");
    }

    @Test
    void preemptiveFalseSendsNoHeaderButKeepsCredentialsForTheChallenge() {
        Authentication a = authenticator.authenticate(basic("Preemptive", "FALSE"), DestinationOptions.NONE);

        assertThat(a.headers()).isEmpty();
        assertThat(a.challengeCredentials()).isEqualTo(new BasicCredentials("alice", PASSWORD));
    }

    @Test
    void basicCredentialsAreUtf8Encoded() {
        assertThat(new BasicCredentials("jürgen", "pässwörd").headerValue()).isEqualTo(basicHeader("jürgen", "pässwörd"));
    }

    @Test
    void missingUserIsAConfigurationErrorNamingPropertyAndDestination() {
        Destination d = Destination.of("NoUser", Map.of("URL", "http://x", "Authentication", "BasicAuthentication",
                "Password", PASSWORD), "static configuration");

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> authenticator.authenticate(d, DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("User");
        assertThat(e.destinationName()).isEqualTo("NoUser");
        assertThat(e.getMessage()).contains("'NoUser'").contains("'User'");
        Secrets.assertFreeOf(Secrets.describe(e), PASSWORD);
    }

    @Test
    void missingPasswordIsAConfigurationErrorNamingTheProperty() {
        Destination d = Destination.of("NoPassword", Map.of("URL", "http://x", "Authentication", "BasicAuthentication",
                "User", "alice"), "static configuration");

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> authenticator.authenticate(d, DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("Password");
    }

    @Test
    void unknownAuthenticationValueIsAConfigurationErrorListingTheValues() {
        Destination d = Destination.of("Odd", Map.of("URL", "http://x", "Authentication", "Kerberos"), "static configuration");

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> authenticator.authenticate(d, DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("Authentication");
        assertThat(e.getMessage()).contains("'Kerberos'");
        assertThat(e.getMessage()).contains(Authenticator.KNOWN_TYPES);
    }

    @Test
    void noAuthenticationAddsNoHeader() {
        Destination d = Destination.of("Open", Map.of("URL", "http://x"), "static configuration");

        assertThat(authenticator.authenticate(d, DestinationOptions.NONE)).isEqualTo(Authentication.NONE);
    }

    @Test
    void typeThatNeedsTheServiceIsAConfigurationErrorForAStaticDestination() {
        Destination d = Destination.of("Saml", Map.of("URL", "http://x", "Authentication", "SAMLAssertion",
                "audience", "https://x", "authnContextClassRef", "urn:x"), "static configuration");

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> authenticator.authenticate(d, DestinationOptions.builder().userToken("a.b.c").build()));

        assertThat(e.getMessage()).contains("SAMLAssertion").contains("static configuration");
    }

    @Test
    void serviceTokenHttpHeaderIsUsedAsGiven() {
        Destination d = new Destination("Svc", Map.of("URL", "http://x", "Authentication", "OAuth2TechnicalUserPropagation",
                "ProxyType", "OnPremise", "clientId", "c", "tokenServiceURL", "https://uaa.example/oauth/token"),
                List.of(new AuthToken("bearer", "tok-abc-123456", "SAP-Connectivity-Technical-Authentication",
                        "Bearer tok-abc-123456", null, null)), DestinationServiceLoader.SOURCE);

        assertThat(authenticator.authenticate(d, DestinationOptions.NONE).headers())
                .containsExactly(new HttpHeader("SAP-Connectivity-Technical-Authentication", "Bearer tok-abc-123456"));
    }

    @Test
    void serviceTokenWithoutHttpHeaderBecomesAuthorizationTypeValue() {
        Destination d = new Destination("Svc", Map.of("URL", "http://x", "Authentication", "OAuth2ClientCredentials",
                "clientId", "c", "tokenServiceURL", "https://uaa.example/oauth/token"), List.of(new AuthToken("bearer", "tok-abc-123456", null, null, null, null)), DestinationServiceLoader.SOURCE);

        assertThat(authenticator.authenticate(d, DestinationOptions.NONE).headers())
                .containsExactly(new HttpHeader("Authorization", "bearer tok-abc-123456"));
    }

    @Test
    void failedServiceTokenIsATokenExceptionWithTheServiceText() {
        Destination d = new Destination("Svc", Map.of("URL", "http://x", "Authentication", "OAuth2ClientCredentials",
                "clientSecret", "svc-secret-55aa77", "clientId", "c", "tokenServiceURL", "https://uaa.example/oauth/token"), List.of(new AuthToken("", "", null, null, null,
                "Retrieval of OAuth token failed due to: 401 invalid_client: Bad credentials")), DestinationServiceLoader.SOURCE);

        TokenException e = catchThrowableOfType(TokenException.class, () -> authenticator.authenticate(d, DestinationOptions.NONE));

        assertThat(e.getMessage()).contains("Retrieval of OAuth token failed due to: 401 invalid_client: Bad credentials")
                .contains("'Svc'");
        Secrets.assertFreeOf(Secrets.describe(e), "svc-secret-55aa77");
    }
}
