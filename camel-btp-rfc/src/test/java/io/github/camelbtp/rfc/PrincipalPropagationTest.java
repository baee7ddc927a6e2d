package io.github.camelbtp.rfc;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jco.destination.auth_type=PrincipalPropagation: the business user's JWT goes to the Connectivity proxy
 * (SAP-Connectivity-Authentication), the Cloud Connector logs the mapped ABAP user on, and the function runs as that
 * user — STFC_CONNECTION reports the logon data, so the test sees who arrived.
 */
class PrincipalPropagationTest extends BtpRfcTestSupport {

    private String propagatingDestination() {
        Map<String, String> changes = new java.util.HashMap<>();
        changes.put("jco.destination.auth_type", "PrincipalPropagation");
        changes.put("jco.client.user", null); // no configured user: the business user logs on
        changes.put("jco.client.passwd", null);
        return rfcDestination("ERP_RFC_PP", changes);
    }

    private Exchange callAs(String uri, String authorization) {
        return template.request(uri, exchange -> {
            exchange.getIn().setBody(map("REQUTEXT", "hello"));
            exchange.getIn().setHeader("Authorization", authorization);
        });
    }

    @Test
    void functionRunsAsThePropagatedBusinessUser() {
        String name = propagatingDestination();

        Exchange exchange = callAs("btp-rfc:STFC_CONNECTION?destination=" + name, "Bearer " + sandbox().userToken("alice"));

        assertThat(exchange.getException()).isNull();
        Map<?, ?> out = exchange.getMessage().getBody(Map.class);
        assertThat((String) out.get("RESPTEXT")).contains("Logon_Data: 100/ALICE/");
    }

    @Test
    void userTokenMayComeFromAnotherHeaderWithoutBearerPrefix() {
        String name = propagatingDestination();

        Exchange exchange = template.request("btp-rfc:STFC_CONNECTION?destination=" + name + "&userTokenHeader=X-User-JWT",
                e -> {
                    e.getIn().setBody(map("REQUTEXT", "hello"));
                    e.getIn().setHeader("X-User-JWT", sandbox().userToken("alice"));
                });

        assertThat(exchange.getException()).isNull();
        assertThat((String) exchange.getMessage().getBody(Map.class).get("RESPTEXT")).contains("/ALICE/");
    }

    @Test
    void userWithoutMappedAbapUserIsRefusedByTheSystemNotRunAsSomeoneElse() {
        String name = propagatingDestination();

        Exception e = callAs("btp-rfc:STFC_CONNECTION?destination=" + name, "Bearer " + sandbox().userToken("mallory"))
                .getException();

        assertThat(e).isInstanceOf(RfcAuthorizationException.class);
    }

    @Test
    void withoutAUserTokenTheCallFailsInsteadOfRunningAsATechnicalUser() {
        String name = propagatingDestination();

        Exception e = call("btp-rfc:RFC_PING?destination=" + name, null).getException();

        assertThat(e).isInstanceOfSatisfying(DestinationConfigurationException.class,
                c -> assertThat(c.getMessage()).contains("PrincipalPropagation"));
        assertThat(sandbox().counters().proxiedCalls()).isZero();
    }
}
