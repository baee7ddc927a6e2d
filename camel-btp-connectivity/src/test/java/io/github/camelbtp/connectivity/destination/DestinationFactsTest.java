package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A destination remembers its Type, ProxyType and Authentication once read (issue 12: every request read them several
 * times). What it remembers must be what reading them gives — SAP's spelling for a value in another case or with
 * blanks, the default when unset — and a value SAP does not define must fail on every read, never only the first.
 * Equality stays that of the record it was: by name, properties, tokens, source and certificates.
 */
class DestinationFactsTest {

    private static Destination destination(Map<String, String> properties) {
        Map<String, String> p = new HashMap<>(properties);
        p.putIfAbsent("URL", "http://erp.internal:8000");
        return Destination.of("Facts", p, "test");
    }

    @Test
    void valuesAreReadInSapsSpellingAndStayTheSameOnEveryRead() {
        Destination d = destination(Map.of("Type", "http", "ProxyType", " onpremise ", "Authentication",
                "OAUTH2CLIENTCREDENTIALS"));
        for (int read = 0; read < 3; read++) {
            assertThat(d.type()).isEqualTo(DestinationType.HTTP);
            assertThat(d.proxyType()).isEqualTo(ProxyType.OnPremise);
            assertThat(d.isOnPremise()).isTrue();
            assertThat(d.authentication()).isEqualTo(AuthenticationType.OAuth2ClientCredentials);
        }
    }

    @Test
    void unsetValuesReadAsSapsDefaults() {
        Destination d = destination(Map.of("ProxyType", "  "));
        assertThat(d.type()).isEqualTo(DestinationType.HTTP);
        assertThat(d.proxyType()).isEqualTo(ProxyType.Internet);
        assertThat(d.authentication()).isEqualTo(AuthenticationType.NoAuthentication);
    }

    @Test
    void aValueSapDoesNotDefineFailsOnEveryReadNotOnlyTheFirst() {
        Destination d = destination(Map.of("ProxyType", "On-Premise", "Authentication", "Basic"));
        for (int read = 0; read < 3; read++) {
            DestinationConfigurationException proxy = catchThrowableOfType(DestinationConfigurationException.class,
                    d::proxyType);
            assertThat(proxy).as("read %d", read).isNotNull();
            assertThat(proxy.property()).isEqualTo("ProxyType");
            assertThat(proxy.getMessage()).contains("did you mean OnPremise?");
            DestinationConfigurationException auth = catchThrowableOfType(DestinationConfigurationException.class,
                    d::authentication);
            assertThat(auth).as("read %d", read).isNotNull();
            assertThat(auth.property()).isEqualTo("Authentication");
        }
    }

    @Test
    void equalByItsFivePartsWhateverItHasRead() {
        Destination read = destination(Map.of("ProxyType", "OnPremise"));
        Destination unread = destination(Map.of("ProxyType", "OnPremise"));
        read.proxyType();
        read.authentication();

        assertThat(read).isEqualTo(unread).hasSameHashCodeAs(unread);
        assertThat(read).isNotEqualTo(destination(Map.of("ProxyType", "Internet")));
        assertThat(read).isNotEqualTo(new Destination("Facts", read.properties(), List.of(), "other-source"));
        assertThat(read).isNotEqualTo(new Destination("Facts", read.properties(),
                List.of(new AuthToken("Bearer", "value", null, null, null, null)), "test"));
    }
}
