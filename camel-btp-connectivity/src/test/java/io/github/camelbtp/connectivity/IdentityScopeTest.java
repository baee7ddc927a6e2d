package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.destination.Destination;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ResolvedDestination#identityScope}, the key of SAP sessions, CSRF tokens and proxy connections, for each of
 * SAP's 15 authentication types: different tenants never share a scope; the user-dependent types separate users (by
 * their token) and keep one user's requests together; the other types are one identity whoever calls.
 */
class IdentityScopeTest {

    private static final String ALICE = "eyJhbGciOiJSUzI1NiJ9.eyJ1c2VyX25hbWUiOiJhbGljZSJ9.c2lnbmF0dXJlLWE";
    private static final String BOB = "eyJhbGciOiJSUzI1NiJ9.eyJ1c2VyX25hbWUiOiJib2IifQ.c2lnbmF0dXJlLWI";

    private static Destination destination(AuthenticationType type, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("Type", "HTTP", "URL", "http://erp.internal:44300",
                "ProxyType", "OnPremise", "Authentication", type.name(), "User", "TECH_USER", "clientId", "client-1",
                "tokenServiceURL", "https://auth.example/oauth/token", "KeyStoreLocation", "k.p12", "SystemUser", "SYS"));
        properties.putAll(extra);
        return Destination.of("ERP", properties, "test");
    }

    private static String scope(Destination destination, DestinationOptions options) {
        return new ResolvedDestination(destination, URI.create("http://erp.internal:44300"), List.of(), Map.of(), null,
                Duration.ofSeconds(5), Duration.ofSeconds(30), null, null).identityScope(options);
    }

    /** The per-request input the type needs, carrying {@code token}. */
    private static DestinationOptions as(String tenant, String token) {
        return DestinationOptions.builder().tenant(tenant).userToken(token).refreshToken(token)
                .authorizationCode(token, null, null).subjectToken(token, null).build();
    }

    @ParameterizedTest
    @EnumSource(AuthenticationType.class)
    void tenantsNeverShareAScope(AuthenticationType type) {
        Destination d = destination(type, Map.of());

        assertThat(scope(d, as("acme", ALICE))).isNotEqualTo(scope(d, as("globex", ALICE)))
                .isNotEqualTo(scope(d, as(null, ALICE)));
    }

    @ParameterizedTest
    @EnumSource(AuthenticationType.class)
    void userDependentTypesSeparateUsersAndOtherTypesAreOneIdentity(AuthenticationType type) {
        Destination d = destination(type, Map.of());

        assertThat(scope(d, as(null, ALICE))).isEqualTo(scope(d, as(null, ALICE)));
        if (type.isUserDependent()) {
            assertThat(scope(d, as(null, ALICE))).isNotEqualTo(scope(d, as(null, BOB)));
        } else {
            // a caller's token does not split the session of a technical identity
            assertThat(scope(d, as(null, ALICE))).isEqualTo(scope(d, as(null, BOB)));
        }
    }

    @ParameterizedTest
    @EnumSource(AuthenticationType.class)
    void theScopeNeverShowsAToken(AuthenticationType type) {
        assertThat(scope(destination(type, Map.of()), as("acme", ALICE))).doesNotContain(ALICE)
                .doesNotContain("c2lnbmF0dXJlLWE");
    }

    @Test
    void basicAuthenticationScopesByTheUser() {
        Destination tech = destination(AuthenticationType.BasicAuthentication, Map.of());
        Destination other = destination(AuthenticationType.BasicAuthentication, Map.of("User", "OTHER_USER"));

        assertThat(scope(tech, DestinationOptions.NONE)).isNotEqualTo(scope(other, DestinationOptions.NONE));
    }

    @Test
    void clientCredentialsScopeByTheClient() {
        Destination one = destination(AuthenticationType.OAuth2ClientCredentials, Map.of());
        Destination two = destination(AuthenticationType.OAuth2ClientCredentials, Map.of("clientId", "client-2"));

        assertThat(scope(one, DestinationOptions.NONE)).isNotEqualTo(scope(two, DestinationOptions.NONE));
    }

    @Test
    void samlTypesWithoutAUserScopeByTheSystemUser() {
        Destination sys = destination(AuthenticationType.SAPAssertionSSO, Map.of());
        Destination other = destination(AuthenticationType.SAPAssertionSSO, Map.of("SystemUser", "SYS2"));

        assertThat(scope(sys, DestinationOptions.NONE)).isNotEqualTo(scope(other, DestinationOptions.NONE))
                .isNotEqualTo(scope(sys, as(null, ALICE)));
    }

    @Test
    void locationIdsNeverShareAScope() {
        Destination plant1 = destination(AuthenticationType.BasicAuthentication, Map.of("CloudConnectorLocationId", "Plant01"));
        Destination plant2 = destination(AuthenticationType.BasicAuthentication, Map.of("CloudConnectorLocationId", "Plant02"));

        assertThat(scope(plant1, DestinationOptions.NONE)).isNotEqualTo(scope(plant2, DestinationOptions.NONE));
    }
}
