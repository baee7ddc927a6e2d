package io.github.camelbtp.connectivity.dispatch;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code sap-client} / {@code sap-language} of an HTTP destination reach the SAP system as request headers, as SAP's
 * SDKs send them (facts §2); without them a request runs in the system's default client.
 */
@ExtendWith(SandboxExtension.class)
class SapSystemHeadersSandboxTest {

    private static final String ORDERS = "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1";

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    private static String erpWith(Sandbox sandbox, String name, Map<String, String> extra) {
        Map<String, String> d = new LinkedHashMap<>(sandbox.destinations().get("OnPremiseERP").orElseThrow());
        d.put("Name", name);
        d.putAll(extra);
        sandbox.destinations().putSubaccount(d);
        return name;
    }

    @Test
    void sapClientAndLanguageOfTheDestinationArriveAsRequestHeaders(Sandbox sandbox) {
        String name = erpWith(sandbox, "ErpClient200", Map.of("sap-client", "200", "sap-language", "DE"));
        ResolvedDestination erp = engines.bound(sandbox).resolve(name, DestinationOptions.NONE);

        assertThat(Http.send(erp, "GET", ORDERS).status()).isEqualTo(200);

        RecordedRequest atBackend = sandbox.backendRequests().last().orElseThrow();
        assertThat(atBackend.header("sap-client")).isEqualTo("200");
        assertThat(atBackend.header("sap-language")).isEqualTo("DE");
    }

    @Test
    void urlHeadersOfTheSameNameWin(Sandbox sandbox) {
        String name = erpWith(sandbox, "ErpClientOverride", Map.of("sap-client", "200", "URL.headers.sap-client", "300"));
        ResolvedDestination erp = engines.bound(sandbox).resolve(name, DestinationOptions.NONE);

        Http.send(erp, "GET", ORDERS);

        assertThat(sandbox.backendRequests().last().orElseThrow().header("sap-client")).isEqualTo("300");
    }

    @Test
    void sapClientThatIsNotThreeDigitsIsAConfigurationError(Sandbox sandbox) {
        String name = erpWith(sandbox, "ErpClientTypo", Map.of("sap-client", "10O"));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engines.bound(sandbox).resolve(name, DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("sap-client");
        assertThat(e.getMessage()).contains(name, "three digits");
    }
}
