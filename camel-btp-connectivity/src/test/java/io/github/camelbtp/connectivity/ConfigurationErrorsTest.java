package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.support.LogCapture;
import io.github.camelbtp.connectivity.support.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Configuration mistakes a new user makes (issue 8, items 4, 11 and 15): each is a {@link DestinationConfigurationException}
 * or a {@link DestinationNotFoundException} naming what is wrong and the fix, never a JDK exception, and destinations
 * from configuration are checked when the engine starts.
 */
class ConfigurationErrorsTest {

    private static final String PASSWORD = "Start-Passw0rd-9921";

    private final List<BtpConnectivity> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(BtpConnectivity::close);
    }

    private BtpConnectivity engine(ServiceBindings bindings, String environment, Destination... statics) {
        BtpConnectivity engine = BtpConnectivity.builder().serviceBindings(bindings).environmentDestinations(environment)
                .staticDestinations(List.of(statics)).build();
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
    void proxyPortOutOfRangeIsAConfigurationErrorNamingTheProperty() {
        BtpConnectivity engine = engine(ServiceBindings.none(), null, destination("ViaProxy", "URL", "https://api.example.com",
                "ProxyHost", "proxy.example.com", "ProxyPort", "99999"));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("ViaProxy", DestinationOptions.NONE));

        assertThat(e).isNotNull();
        assertThat(e.property()).isEqualTo("ProxyPort");
        assertThat(e.getMessage()).contains("'ViaProxy'").contains("99999").contains("1 to 65535");
    }

    @Test
    void bindingUriWithASpaceIsAConfigurationErrorNamingTheKey() {
        String vcap = "{\"destination\":[{\"name\":\"dest\",\"label\":\"destination\",\"credentials\":{\"clientid\":\"c\","
                + "\"clientsecret\":\"" + PASSWORD + "\",\"url\":\"https://sub.authentication.example.com\","
                + "\"uri\":\"https://destination-configuration.cfapps.example .com\"}}]}";

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine(ServiceBindings.fromVcapServices(vcap), null));

        assertThat(e).isNotNull();
        assertThat(e.property()).isEqualTo("destination.credentials.uri");
        assertThat(e.getMessage()).contains("'dest' service binding").contains("index").contains("service key");
        Secrets.assertFreeOf(Secrets.describe(e), PASSWORD);
    }

    @Test
    void destinationNameWithASpaceIsAConfigurationErrorNamingTheRule() {
        BtpConnectivity engine = engine(ServiceBindings.none(), null, destination("Known", "URL", "https://api.example.com"));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("My Destination", DestinationOptions.NONE));

        assertThat(e).isNotNull();
        assertThat(e.property()).isEqualTo("Name");
        assertThat(e.getMessage()).contains("letters, digits");
    }

    @Test
    void withoutAnySourceTheNotFoundMessageListsTheWaysToConfigureDestinations() {
        BtpConnectivity engine;
        try (LogCapture logs = LogCapture.engine()) {
            engine = engine(ServiceBindings.none(), null);
            assertThat(logs.text()).contains("no destination source");
        }

        DestinationNotFoundException e = catchThrowableOfType(DestinationNotFoundException.class,
                () -> engine.resolve("OnPremiseERP", DestinationOptions.NONE));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("'OnPremiseERP'").contains("no destination source is configured")
                .contains("VCAP_SERVICES").contains("SERVICE_BINDING_ROOT").contains("bindingFile")
                .contains("'destinations' environment variable").contains("camel.btp.destinations")
                .doesNotContain("Check the name");
    }

    @Test
    void missingBindingFileIsReportedAsTheBindingFileOptionWithItsPath(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-vcap.json");

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> ServiceBindings.from(null, missing.toString()));

        assertThat(e).isNotNull();
        assertThat(e.property()).isEqualTo("bindingFile");
        assertThat(e.getMessage()).contains(missing.toAbsolutePath().toString()).contains("does not exist")
                .doesNotContain("'VCAP_SERVICES'");
    }

    @Test
    void bindingFileWithBrokenJsonNamesTheFileNotVcapServices(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("vcap.json"), "{\"destination\": [ {\"credentials\": {\"clientsecret\":\""
                + PASSWORD + "\"");

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> ServiceBindings.from(null, file.toString()));

        assertThat(e.property()).isEqualTo("bindingFile");
        assertThat(e.getMessage()).contains(file.toAbsolutePath().toString()).contains("not valid JSON");
        Secrets.assertFreeOf(Secrets.describe(e), PASSWORD);
    }

    @Test
    void environmentDestinationsAreCheckedAtStartNotAtFirstUse() {
        String environment = "[{\"name\":\"Fine\",\"url\":\"https://fine.example.com\"},"
                + "{\"name\":\"Typo\",\"url\":\"https://typo.example.com\",\"proxyType\":\"On-Premise\","
                + "\"authentication\":\"BasicAuthentication\",\"user\":\"u\",\"password\":\"" + PASSWORD + "\"}]";

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine(ServiceBindings.none(), environment));

        assertThat(e).isNotNull();
        assertThat(e.destinationName()).isEqualTo("Typo");
        assertThat(e.property()).isEqualTo("ProxyType");
        assertThat(e.getMessage()).contains("On-Premise").contains("OnPremise");
        Secrets.assertFreeOf(Secrets.describe(e), PASSWORD);
    }

    @Test
    void environmentDestinationMissingWhatItsAuthenticationNeedsFailsAtStart() {
        String environment = "[{\"name\":\"NoPassword\",\"url\":\"https://api.example.com\","
                + "\"authentication\":\"BasicAuthentication\",\"user\":\"u\"}]";

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine(ServiceBindings.none(), environment));

        assertThat(e).isNotNull();
        assertThat(e.destinationName()).isEqualTo("NoPassword");
        assertThat(e.property()).isEqualTo("Password");
    }

    @Test
    void valuesDifferingOnlyInCaseAreReadInSapSpelling() {
        // SAP's values are case-sensitive; camel-btp keeps accepting other cases of a valid value (as it did before)
        BtpConnectivity engine = engine(ServiceBindings.none(), null, destination("CaseOnly", "URL",
                "https://api.example.com", "Authentication", "basicauthentication", "ProxyType", "internet",
                "Preemptive", "true", "User", "u", "Password", PASSWORD));

        Destination d = engine.destination("CaseOnly", DestinationOptions.NONE);
        ResolvedDestination resolved = engine.resolve("CaseOnly", DestinationOptions.NONE);

        assertThat(d.authentication()).isEqualTo(io.github.camelbtp.connectivity.destination.AuthenticationType.BasicAuthentication);
        assertThat(AuthenticationType.of(d)).isEqualTo(AuthenticationType.BasicAuthentication);
        assertThat(d.proxyType()).isEqualTo(io.github.camelbtp.connectivity.destination.ProxyType.Internet);
        assertThat(resolved.proxy()).isNull();
        assertThat(resolved.headers()).anySatisfy(h -> assertThat(h.name()).isEqualTo("Authorization"));
    }

    @Test
    void staticDestinationWithUnknownAuthenticationFailsAtStart() {
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine(ServiceBindings.none(), null, destination("Static", "URL", "https://api.example.com",
                        "Authentication", "Basic")));

        assertThat(e).isNotNull();
        assertThat(e.property()).isEqualTo("Authentication");
        assertThat(e.getMessage()).contains("'Basic'").contains("BasicAuthentication");
    }
}
