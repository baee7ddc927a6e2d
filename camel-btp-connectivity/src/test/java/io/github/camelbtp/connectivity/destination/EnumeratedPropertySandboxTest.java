package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Values of enumerated destination properties from the Destination Service (issue 8, item 4): an unknown value is a
 * configuration error naming destination, property, value and SAP's values, raised before anything is sent; a value
 * that differs from SAP's only in case is read in SAP's spelling.
 */
@ExtendWith(SandboxExtension.class)
class EnumeratedPropertySandboxTest {

    private static final String PASSWORD = "Typo-Passw0rd-5512";

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    private static Map<String, String> basicDestination(String name, Sandbox sandbox) {
        Map<String, String> p = new HashMap<>();
        p.put("Name", name);
        p.put("Type", "HTTP");
        p.put("URL", sandbox.cloudApiUri().toString());
        p.put("Authentication", "BasicAuthentication");
        p.put("User", "typo-user");
        p.put("Password", PASSWORD);
        return p;
    }

    @Test
    void misspelledProxyTypeIsAConfigurationErrorNotInternet(Sandbox sandbox) {
        Map<String, String> p = basicDestination("TypoProxyType", sandbox);
        p.put("ProxyType", "On-Premise");
        sandbox.destinations().putSubaccount(p);
        BtpConnectivity engine = engines.bound(sandbox);
        int backendRequestsBefore = sandbox.backendRequests().all().size();

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("TypoProxyType", DestinationOptions.NONE));

        assertThat(e).isNotNull();
        assertThat(e.property()).isEqualTo("ProxyType");
        assertThat(e.destinationName()).isEqualTo("TypoProxyType");
        assertThat(e.getMessage()).contains("'On-Premise'").contains("Internet, OnPremise, PrivateLink")
                .contains("did you mean OnPremise?");
        assertThat(sandbox.backendRequests().all()).hasSize(backendRequestsBefore);
        Secrets.assertFreeOf(Secrets.describe(e), PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(EnumeratedProperty.class)
    void unknownValueOfEveryEnumeratedPropertyIsAConfigurationErrorListingTheAllowedValues(EnumeratedProperty property,
            Sandbox sandbox) {
        String name = "Unknown" + property.name().replace("_", "");
        Map<String, String> p = basicDestination(name, sandbox);
        p.put(property.property(), "Bogus-Value");
        sandbox.destinations().putSubaccount(p);

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engines.bound(sandbox).destination(name, DestinationOptions.NONE));

        assertThat(e).as(property.property()).isNotNull();
        assertThat(e.property()).isEqualTo(property.property());
        // the value is shown unless the property's name marks it secret (forwardAuthToken: "token")
        assertThat(e.getMessage()).contains("'" + name + "'")
                .contains(DestinationProperty.isSecret(property.property()) ? "'****'" : "'Bogus-Value'");
        property.allowedValues().forEach(v -> assertThat(e.getMessage()).contains(v));
    }
}
