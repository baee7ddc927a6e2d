package io.github.camelbtp.rfc;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SOAP-RFC calls of different propagated users never share a keep-alive connection to the Connectivity proxy. With
 * {@code connectivityProxyBindsConnectionsToFirstUser(true)} the sandbox's proxy logs every request of a connection on
 * as its first user, as the Cloud Connector side did for SAP's JavaScript SDK (cloud-sdk-js #6715): a shared
 * connection would run a user the ABAP system does not know as the previous user of the connection.
 */
class ProxyConnectionIdentityTest extends BtpRfcTestSupport {

    private String destination;

    @BeforeEach
    void bindingProxy() {
        Map<String, String> changes = new HashMap<>();
        changes.put("jco.destination.auth_type", "PrincipalPropagation");
        changes.put("jco.client.user", null);
        changes.put("jco.client.passwd", null);
        destination = rfcDestination("ERP_RFC_CONNECTION_BOUND", changes);
        sandbox().connectivityProxyBindsConnectionsToFirstUser(true);
    }

    @AfterEach
    void unbind() {
        sandbox().connectivityProxyBindsConnectionsToFirstUser(false);
    }

    private Exchange callAs(String token) {
        return template.request("btp-rfc:STFC_CONNECTION?destination=" + destination + "&metadata=false", e -> {
            e.getIn().setBody(map("REQUTEXT", "hello"));
            e.getIn().setHeader("Authorization", "Bearer " + token);
        });
    }

    @Test
    void keepAliveConnectionsToTheProxyAreNeverReusedForAnotherUser() {
        // one token per user, as a user's requests carry the same JWT while it is valid (the scope is the token)
        String aliceToken = sandbox().userToken("alice");
        long connectionsBefore = sandbox().connectivityProxyConnections();

        Exchange alice = callAs(aliceToken);
        // mallory has no ABAP user: on alice's connection she would run as ALICE
        Exchange mallory = callAs(sandbox().userToken("mallory"));
        Exchange aliceAgain = callAs(aliceToken);

        assertThat(alice.getException()).isNull();
        assertThat((String) alice.getMessage().getBody(Map.class).get("RESPTEXT")).contains("/ALICE/");
        assertThat(mallory.getException()).isInstanceOf(RfcAuthorizationException.class);
        assertThat(aliceAgain.getException()).isNull();
        // alice's calls still share their pooled connection: isolation, not an end of keep-alive
        assertThat(sandbox().connectivityProxyConnections() - connectionsBefore).isEqualTo(2);
    }
}
