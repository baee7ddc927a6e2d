package io.github.camelbtp.rfc;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jco.destination.auth_type=TechnicalUserPropagation with SAP's keys jco.client.tech_user_id, tech_user_secret and
 * tech_user_service_url [user-logon-properties-8b1e1c3]: the technical user's token goes to the Connectivity proxy as
 * SAP-Connectivity-Technical-Authentication and the Cloud Connector logs the mapped ABAP user on.
 */
class TechnicalUserPropagationTest extends BtpRfcTestSupport {

    private static final String CLIENT = DemoDestinations.TECHNICAL_RFC_USER.toLowerCase(java.util.Locale.ROOT);
    private static final String SECRET = "tech-user-secret-7f3a";

    @BeforeEach
    void technicalClient() {
        sandbox().oauthClients().register(CLIENT, SECRET);
    }

    private String destination(String name, Map<String, String> extra) {
        Map<String, String> changes = new HashMap<>();
        changes.put("jco.destination.auth_type", "TechnicalUserPropagation");
        changes.put("jco.client.user", null);
        changes.put("jco.client.passwd", null);
        changes.put("jco.client.tech_user_id", CLIENT);
        changes.put("jco.client.tech_user_secret", SECRET);
        changes.put("jco.client.tech_user_service_url", sandbox().tokenServiceUri() + "/oauth/token");
        changes.putAll(extra);
        return rfcDestination(name, changes);
    }

    @Test
    void destinationMadeAsSapDocumentsRunsTheFunctionAsTheTechnicalUser() {
        String name = destination("ERP_RFC_TECH", Map.of());

        Exchange exchange = call("btp-rfc:STFC_CONNECTION?destination=" + name, map("REQUTEXT", "hello"));

        assertThat(exchange.getException()).isNull();
        assertThat((String) exchange.getMessage().getBody(Map.class).get("RESPTEXT"))
                .contains("/" + DemoDestinations.TECHNICAL_RFC_USER + "/");
        assertThat(sandbox().proxyRequests().last().orElseThrow().header("SAP-Connectivity-Technical-Authentication"))
                .startsWith("Bearer ");
    }

    @Test
    void missingTechUserSecretNamesSapsKey() {
        Map<String, String> without = new HashMap<>();
        without.put("jco.client.tech_user_secret", null);
        String name = destination("ERP_RFC_TECH_NO_SECRET", without);

        Exception e = call("btp-rfc:RFC_PING?destination=" + name, null).getException();

        assertThat(e).isInstanceOfSatisfying(DestinationConfigurationException.class, c -> {
            assertThat(c.property()).isEqualTo("jco.client.tech_user_secret");
            assertThat(c.getMessage()).contains(name).doesNotContain(SECRET);
        });
    }
}
