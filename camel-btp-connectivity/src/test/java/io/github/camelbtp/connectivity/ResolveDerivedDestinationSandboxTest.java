package io.github.camelbtp.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.dispatch.OnPremiseHttpDispatch;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

/**
 * {@link BtpConnectivity#resolve(Destination, DestinationOptions)}: a destination a component derived itself (btp-rfc
 * from an RFC destination's jco.* properties) is authenticated and dispatched like one found by name.
 */
@ExtendWith(SandboxExtension.class)
class ResolveDerivedDestinationSandboxTest {

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    private static Destination derived(Map<String, String> properties) {
        return Destination.of("ERP_RFC", properties, "destination-service");
    }

    @Test
    void derivedOnPremiseDestinationGetsProxyTokenLocationAndBasicHeader(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);

        ResolvedDestination resolved = engine.resolve(derived(Map.of("Type", "HTTP", "URL", "http://erp.internal:8000",
                "ProxyType", "OnPremise", "CloudConnectorLocationId", "Plant01", "Authentication", "BasicAuthentication",
                "User", "RFC_USER", "Password", "pw")), DestinationOptions.NONE);

        assertThat(resolved.proxy()).isNotNull();
        assertThat(resolved.headers()).extracting(HttpHeader::name)
                .contains("Authorization", "Proxy-Authorization", OnPremiseHttpDispatch.LOCATION_ID_HEADER);
        assertThat(resolved.name()).isEqualTo("ERP_RFC");
    }

    @Test
    void derivedDestinationMustBeHttp(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);

        assertThatThrownBy(() -> engine.resolve(derived(Map.of("Type", "RFC", "jco.client.ashost", "erp.internal")),
                DestinationOptions.NONE)).isInstanceOfSatisfying(DestinationConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo("Type"));
    }

    @Test
    void derivedOnPremiseDestinationFollowsTheHttpsRule(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);

        assertThatThrownBy(() -> engine.resolve(derived(Map.of("Type", "HTTP", "URL", "https://erp.internal:44300",
                "ProxyType", "OnPremise")), DestinationOptions.NONE))
                .isInstanceOf(DestinationConfigurationException.class).hasMessageContaining("http://");
    }
}
