package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.EnvironmentDestinationLoader;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.http.ProxyAddress;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link BtpConnectivity#resolve} for destinations from configuration and the environment, with no service bound. */
class ResolveWithoutServicesTest {

    private static final String PASSWORD = "static-pass-6c0f3e";
    private static final String API_KEY = "api-key-0b7d5a9e";

    private final List<BtpConnectivity> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(BtpConnectivity::close);
    }

    private BtpConnectivity engine(String environment, Destination... statics) {
        BtpConnectivity engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.none())
                .environmentDestinations(environment).staticDestinations(List.of(statics)).build();
        engines.add(engine);
        return engine;
    }

    private static Destination destination(String name, String... properties) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            p.put(properties[i], properties[i + 1]);
        }
        return Destination.of(name, p, StaticDestinationLoader.SOURCE);
    }

    @Test
    void internetDestinationGoesDirectWithoutProxy() {
        ResolvedDestination r = engine(null, destination("Catalog", "URL", "https://catalog.example/api")).resolve("Catalog", DestinationOptions.NONE);

        assertThat(r.url()).isEqualTo(URI.create("https://catalog.example/api"));
        assertThat(r.proxy()).isNull();
        assertThat(r.headers()).isEmpty();
    }

    @Test
    void internetDestinationWithProxyHostUsesThatProxy() {
        ResolvedDestination r = engine(null, destination("ViaProxy", "URL", "https://catalog.example", "ProxyHost", "corp-proxy",
                "ProxyPort", "3128", "ProxyAuthorization", "Basic cHJveHk6c2VjcmV0")).resolve("ViaProxy", DestinationOptions.NONE);

        assertThat(r.proxy()).isEqualTo(new ProxyAddress("corp-proxy", 3128));
        assertThat(r.headers()).containsExactly(new HttpHeader("Proxy-Authorization", "Basic cHJveHk6c2VjcmV0"));
    }

    @Test
    void staticBasicDestinationCarriesItsAuthorizationHeader() {
        ResolvedDestination r = engine(null, destination("S", "URL", "http://x", "Authentication", "BasicAuthentication",
                "User", "alice", "Password", PASSWORD)).resolve("S", DestinationOptions.NONE);

        assertThat(r.headers()).extracting(HttpHeader::name).containsExactly("Authorization");
        assertThat(r.challengeCredentials()).isNull();
    }

    @Test
    void staticBasicDestinationWithPreemptiveFalseResolvesToChallengeCredentials() {
        ResolvedDestination r = engine(null, destination("S", "URL", "http://x", "Authentication", "BasicAuthentication",
                "User", "alice", "Password", PASSWORD, "Preemptive", "FALSE")).resolve("S", DestinationOptions.NONE);

        assertThat(r.headers()).isEmpty();
        assertThat(r.challengeCredentials().user()).isEqualTo("alice");
        assertThat(r.challengeCredentials().password()).isEqualTo(PASSWORD);
    }

    @Test
    void urlHeadersAndQueriesArePartOfTheResolvedDestination() {
        ResolvedDestination r = engine(null, destination("S", "URL", "https://api.example", "URL.headers.x-api-key", API_KEY,
                "URL.headers.sap-client", "100", "URL.queries.sap-language", "EN", "URL.queries.$format", "json"))
                .resolve("S", DestinationOptions.NONE);

        assertThat(r.headers()).contains(new HttpHeader("x-api-key", API_KEY), new HttpHeader("sap-client", "100"));
        assertThat(r.queryParameters()).containsExactlyInAnyOrderEntriesOf(Map.of("sap-language", "EN", "$format", "json"));
    }

    @Test
    void timeoutsDefaultToTransparentProxyValues() {
        ResolvedDestination r = engine(null, destination("S", "URL", "https://api.example")).resolve("S", DestinationOptions.NONE);

        assertThat(r.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(r.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void timeoutPropertiesAreParsedAsSeconds() {
        ResolvedDestination r = engine(null, destination("S", "URL", "https://api.example",
                "URL.connectionTimeoutInSeconds", "7", "URL.socketReadTimeoutInSeconds", "120")).resolve("S", DestinationOptions.NONE);

        assertThat(r.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(r.readTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @ParameterizedTest
    @ValueSource(strings = {"URL.connectionTimeoutInSeconds", "URL.socketReadTimeoutInSeconds"})
    void timeoutThatIsNotANumberIsAConfigurationErrorNamingTheProperty(String property) {
        BtpConnectivity engine = engine(null, destination("S", "URL", "https://api.example", property, "ten"));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("S", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo(property);
        assertThat(e.getMessage()).contains(property).contains("'ten'").contains("'S'");
    }

    @Test
    void onPremiseDestinationWithoutConnectivityBindingIsAClearError() {
        BtpConnectivity engine = engine(null, destination("Erp", "URL", "http://erp.internal:44300", "ProxyType", "OnPremise"));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("Erp", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("ProxyType");
        assertThat(e.getMessage()).contains("OnPremise").contains("connectivity").contains("Connectivity Service");
    }

    @Test
    void missingUrlIsAConfigurationErrorNamingTheProperty() {
        // checked when the engine starts (issue 8, item 15), no longer at the first request
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine(null, destination("NoUrl", "Authentication", "NoAuthentication")));

        assertThat(e.property()).isEqualTo("URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://alice:" + PASSWORD + "@erp.internal:44300", "ftp://alice:" + PASSWORD + "@files.example",
            "http://alice:" + PASSWORD + "@bad host", "alice:" + PASSWORD + "@erp.internal"})
    void urlCarryingCredentialsIsRejectedWithoutEchoingThePassword(String url) {
        BtpConnectivity engine = engine(null, destination("Creds", "URL", url));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("Creds", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("URL");
        Secrets.assertFreeOf(Secrets.describe(e), PASSWORD);
    }

    @Test
    void nonHttpDestinationIsRejectedByResolve() {
        BtpConnectivity engine = engine(null, destination("Mail", "Type", "MAIL", "mail.smtp.host", "smtp.example"));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("Mail", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("Type");
    }

    @Test
    void staticConfigurationIsAskedBeforeTheEnvironmentVariable() {
        BtpConnectivity engine = engine("[{\"name\":\"Both\",\"url\":\"http://from-environment\"}]",
                destination("Both", "URL", "http://from-static"));

        assertThat(engine.destination("Both", DestinationOptions.NONE).source()).isEqualTo(StaticDestinationLoader.SOURCE);
        assertThat(engine.resolve("Both", DestinationOptions.NONE).url()).isEqualTo(URI.create("http://from-static"));
    }

    @Test
    void environmentVariableDestinationResolvesWithNormalisedKeys() {
        BtpConnectivity engine = engine("""
                [{"name":"Env","url":"http://env.example","authentication":"BasicAuthentication","user":"bob","password":"%s"}]
                """.formatted(PASSWORD));

        ResolvedDestination r = engine.resolve("Env", DestinationOptions.NONE);

        assertThat(r.destination().source()).isEqualTo(EnvironmentDestinationLoader.SOURCE);
        assertThat(r.headers()).extracting(HttpHeader::name).containsExactly("Authorization");
    }

    @Test
    void unknownNameIsNotFoundNamingTheSourcesSearched() {
        BtpConnectivity engine = engine("[]", destination("Other", "URL", "http://x"));

        DestinationNotFoundException e = catchThrowableOfType(DestinationNotFoundException.class,
                () -> engine.resolve("Missing", DestinationOptions.NONE));

        assertThat(e.destinationName()).isEqualTo("Missing");
        assertThat(e.getMessage()).contains("'Missing'").contains(StaticDestinationLoader.SOURCE).contains(EnvironmentDestinationLoader.SOURCE);
    }

    @Test
    void invalidNameIsAConfigurationError() {
        BtpConnectivity engine = engine(null, destination("Other", "URL", "http://x"));

        assertThat(catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("../../v1/subaccountDestinations", DestinationOptions.NONE)).getMessage())
                .contains("not a valid destination name");
    }
}
