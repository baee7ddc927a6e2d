package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.support.TestPki;
import io.github.camelbtp.sandbox.wire.HttpsBackend;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ClientCertificateAuthentication through the component: the key store and trust store arrive in the find response's
 * certificates[], and a real HTTPS backend that requires a client certificate sees it (certificates generated at test
 * time). The engine-level cases (formats, wrong CA, wrong host, expired) are in the engine's TlsMaterialSandboxTest.
 */
class ClientCertificateTest extends BtpDestinationTestSupport {

    private static final String STORE_PASSWORD = "store-password-c31f";
    private static TestPki ca;
    private static TestPki.Issued client;
    private static HttpsBackend mtls;

    @BeforeEach
    void certificates() {
        synchronized (ClientCertificateTest.class) {
            if (ca == null) {
                ca = new TestPki("camel-btp component test CA");
                client = ca.client("camel-route");
                mtls = sandbox().httpsBackend(ca.server("localhost").serverContext(ca), true);
            }
        }
        sandbox().certificates().put("route-client.p12", client.p12(STORE_PASSWORD)).put("route-ca.crt", ca.crt());
    }

    private String destination(String name, String... properties) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "HTTP");
        d.put("URL", mtls.uri("localhost").toString());
        d.put("ProxyType", "Internet");
        d.put("TrustStoreLocation", "route-ca.crt");
        for (int i = 0; i < properties.length; i += 2) {
            d.put(properties[i], properties[i + 1]);
        }
        sandbox().destinations().putSubaccount(d);
        return name;
    }

    @Test
    void routeReachesABackendThatRequiresTheDestinationsClientCertificate() {
        String name = destination("MtlsApi", "Authentication", "ClientCertificateAuthentication",
                "KeyStoreLocation", "route-client.p12", "KeyStorePassword", STORE_PASSWORD);

        Exchange exchange = get("btp-destination:" + name + "/whoami");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).contains("CN=camel-route");
    }

    @Test
    void withoutTheClientCertificateTheBackendRefusesTheHandshake() {
        String name = destination("TlsNoClientCert", "Authentication", "NoAuthentication");

        Exception e = get("btp-destination:" + name + "/whoami").getException();

        assertThat(e).isInstanceOf(java.io.IOException.class);
    }
}
