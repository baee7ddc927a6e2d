package io.github.camelbtp.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.TokenException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;










import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** No password, client secret or token in exception messages, logs (DEBUG), endpoint URIs or toString(). */
class NoSecretLeakTest extends BtpDestinationTestSupport {

    private static final String WRONG_PASSWORD = "Wr0ng-Passw0rd-7731";
    private static final String BAD_CLIENT_SECRET = "Very-Secret-Client-Secret-5521";

    @RegisterExtension
    final DebugLogCapture logs = new DebugLogCapture("io.github.camelbtp", "org.apache.camel");

    @Test
    void failuresAndDebugLogsNeverShowPasswordsClientSecretsOrTokens() throws Exception {
        sandbox().destinations().putSubaccount(OnPremiseHttpTest.erp("ERPWrongPassword", Map.of("Password", WRONG_PASSWORD)));
        sandbox().destinations().putSubaccount(Map.of("Name", "CloudBadSecret", "Type", "HTTP", "ProxyType", "Internet",
                "URL", sandbox().cloudApiUri().toString(), "Authentication", "OAuth2ClientCredentials",
                "tokenServiceURL", sandbox().tokenServiceUri() + "/oauth/token", "clientId", "no-such-client",
                "clientSecret", BAD_CLIENT_SECRET));

        List<Exception> failures = new ArrayList<>();
        failures.add(get("btp-destination:ERPWrongPassword/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder").getException());
        failures.add(get("btp-destination:CloudBadSecret/api/v1/products").getException());
        Exchange ok = get("btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1");
        assertThat(ok.getException()).isNull();
        assertThat(failures.get(0)).isNotNull();
        assertThat(failures.get(1)).isInstanceOf(TokenException.class).hasMessageContaining("CloudBadSecret");

        List<String> secrets = secrets();
        List<String> texts = new ArrayList<>(logs.lines());
        for (Exception e : failures) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(String.valueOf(t.getMessage()));
                texts.add(t.toString());
            }
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            texts.add(endpoint.getEndpointUri());
            texts.add(endpoint.toString());
        }
        texts.add(component().connectivity().toString());
        texts.add(component().connectivity().resolve("OnPremiseERP", io.github.camelbtp.connectivity.DestinationOptions.NONE).toString());
        texts.add(component().connectivity().destination("OnPremiseERP", io.github.camelbtp.connectivity.DestinationOptions.NONE).toString());

        assertThat(logs.lines()).isNotEmpty();
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).as("a log line, message or URI").doesNotContain(secret);
            }
        }
    }

    /** Every secret in play: binding client secrets, destination passwords, and the tokens that reached the servers. */
    private List<String> secrets() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(WRONG_PASSWORD, BAD_CLIENT_SECRET,
                io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_PASSWORD));
        JsonNode vcap = new ObjectMapper().readTree(sandbox().vcapServices());
        secrets.add(vcap.path("destination").get(0).path("credentials").path("clientsecret").asText());
        secrets.add(vcap.path("connectivity").get(0).path("credentials").path("clientsecret").asText());
        sandbox().backendRequests().all().forEach(r -> {
            String auth = r.header("Authorization");
            if (auth != null && auth.contains(" ")) {
                secrets.add(auth.substring(auth.indexOf(' ') + 1));
            }
        });
        secrets.removeIf(s -> s == null || s.length() < 8);
        assertThat(secrets).hasSizeGreaterThan(4);
        return secrets;
    }
}
