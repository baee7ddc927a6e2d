package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.support.Secrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code destinations} environment variable (SAP approuter / Cloud SDK convention). */
class EnvironmentDestinationLoaderTest {

    private static final String PASSWORD = "env-pass-91c2e7";

    private static final String JSON = """
            [{"name":"LocalERP","url":"http://erp.internal:44300","proxyType":"OnPremise","authentication":"BasicAuthentication",
              "user":"alice","password":"%s","cloudConnectorLocationId":"Plant01","forwardAuthToken":true,
              "URL.headers.sap-client":"100"},
             {"name":"Catalog","url":"https://catalog.example"}]
            """.formatted(PASSWORD);

    @Test
    void lowerCamelKeysAreNormalisedToSapSpelling() {
        Destination d = new EnvironmentDestinationLoader(JSON).load("LocalERP", DestinationOptions.NONE).orElseThrow();

        assertThat(d.properties()).containsEntry("Name", "LocalERP").containsEntry("URL", "http://erp.internal:44300")
                .containsEntry("ProxyType", "OnPremise").containsEntry("Authentication", "BasicAuthentication")
                .containsEntry("User", "alice").containsEntry("Password", PASSWORD)
                .containsEntry("CloudConnectorLocationId", "Plant01")
                .doesNotContainKeys("name", "url", "proxyType", "authentication", "user", "password");
        assertThat(d.isOnPremise()).isTrue();
        assertThat(d.locationId()).isEqualTo("Plant01");
        assertThat(d.source()).isEqualTo(EnvironmentDestinationLoader.SOURCE);
    }

    @Test
    void unknownKeysAreKeptAsWrittenAndNonStringValuesAsText() {
        Destination d = new EnvironmentDestinationLoader(JSON).load("LocalERP", DestinationOptions.NONE).orElseThrow();

        assertThat(d.properties()).containsEntry("forwardAuthToken", "true").containsEntry("URL.headers.sap-client", "100");
    }

    @Test
    void unknownNameIsEmptySoTheChainAsksTheNextSource() {
        assertThat(new EnvironmentDestinationLoader(JSON).load("Nope", DestinationOptions.NONE)).isEmpty();
    }

    @Test
    void absentVariableMeansNoDestinations() {
        assertThat(new EnvironmentDestinationLoader(null).load("LocalERP", DestinationOptions.NONE)).isEmpty();
        assertThat(new EnvironmentDestinationLoader("  ").load("LocalERP", DestinationOptions.NONE)).isEmpty();
    }

    @Test
    void malformedJsonIsAConfigurationErrorThatDoesNotEchoThePassword() {
        String broken = JSON.replace("\"user\":", "user:");

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> new EnvironmentDestinationLoader(broken));

        assertThat(e.property()).isEqualTo(EnvironmentDestinationLoader.VARIABLE);
        assertThat(e.getMessage()).contains("not valid JSON").contains("line");
        Secrets.assertFreeOf(Secrets.describe(e), PASSWORD);
    }

    @Test
    void truncatedJsonIsAConfigurationErrorThatDoesNotEchoThePassword() {
        String truncated = JSON.substring(0, JSON.indexOf(PASSWORD) + PASSWORD.length());

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> new EnvironmentDestinationLoader(truncated));

        Secrets.assertFreeOf(Secrets.describe(e), PASSWORD);
    }

    @Test
    void variableThatIsNotAnArrayIsAConfigurationError() {
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> new EnvironmentDestinationLoader("{\"name\":\"X\",\"password\":\"" + PASSWORD + "\"}"));

        assertThat(e.getMessage()).contains("JSON array");
        Secrets.assertFreeOf(Secrets.describe(e), PASSWORD);
    }

    @Test
    void entryWithoutNameIsAConfigurationErrorNamingItsIndex() {
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> new EnvironmentDestinationLoader("[{\"name\":\"A\",\"url\":\"http://a\"},{\"url\":\"http://x\",\"password\":\"" + PASSWORD + "\"}]"));

        assertThat(e.getMessage()).contains("entry 1").contains("name");
        Secrets.assertFreeOf(Secrets.describe(e), PASSWORD);
    }

    @Test
    void certificatesInSapsAndTheSdksSpellingBecomeTheDestinationsFiles() {
        String json = """
                [{"name":"Mtls","url":"https://api.example","KeyStoreLocation":"client.p12",
                  "certificates":[{"Name":"client.p12","Content":"AQID","Type":"CERTIFICATE"},
                                  {"name":"ca.crt","content":"BAUG","type":"CERTIFICATE"}]}]
                """;

        Destination d = new EnvironmentDestinationLoader(json).load("Mtls", DestinationOptions.NONE).orElseThrow();

        assertThat(d.certificate("client.p12").orElseThrow().content()).containsExactly(1, 2, 3);
        assertThat(d.certificate("ca.crt").orElseThrow().content()).containsExactly(4, 5, 6);
        assertThat(d.properties()).doesNotContainKey("certificates").containsEntry("KeyStoreLocation", "client.p12");
        assertThat(d.toString()).doesNotContain("AQID");
    }

    @Test
    void certificateWhoseContentIsNotBase64NamesDestinationAndFile() {
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> new EnvironmentDestinationLoader("[{\"name\":\"Mtls\",\"certificates\":"
                        + "[{\"Name\":\"client.p12\",\"Content\":\"%%%\"}]}]"));

        assertThat(e.destinationName()).isEqualTo("Mtls");
        assertThat(e.property()).isEqualTo("certificates");
        assertThat(e.getMessage()).contains("client.p12").contains("base64");
    }

    @Test
    void certificatesThatAreNotAListOfFilesAreAConfigurationError() {
        DestinationConfigurationException object = catchThrowableOfType(DestinationConfigurationException.class,
                () -> new EnvironmentDestinationLoader("[{\"name\":\"Mtls\",\"certificates\":{\"Name\":\"a.p12\"}}]"));
        DestinationConfigurationException noContent = catchThrowableOfType(DestinationConfigurationException.class,
                () -> new EnvironmentDestinationLoader("[{\"name\":\"Mtls\",\"certificates\":[{\"Name\":\"a.p12\"}]}]"));

        assertThat(object.getMessage()).contains("JSON array");
        assertThat(noContent.getMessage()).contains("entry 0").contains("Content");
    }
}
