package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keep-alive connections to the Connectivity proxy never carry one user's identity into another user's request.
 * SAP documents per-request authentication by headers, but SAP's JavaScript SDK met a Cloud Connector side that
 * bound a reused socket to its first user (cloud-sdk-js #6715: 403s with principal propagation once connections were
 * pooled across users). The sandbox's proxy does exactly that with
 * {@code connectivityProxyBindsConnectionsToFirstUser(true)}, so a connection shared across users shows up as a user
 * arriving as another.
 */
class ProxyConnectionIdentityTest extends BtpDestinationTestSupport {

    private static final String PROPAGATED = "ConnectionBoundERP";
    private static final String ORDERS = DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1";
    private static final String LOGON_USER = "X-Sandbox-Logon-User";

    @BeforeEach
    void bindingProxy() {
        Map<String, String> propagated = new LinkedHashMap<>();
        propagated.put("Name", PROPAGATED);
        propagated.put("Type", "HTTP");
        propagated.put("URL", "http://erp.internal:44300");
        propagated.put("ProxyType", "OnPremise");
        propagated.put("Authentication", "PrincipalPropagation");
        sandbox().destinations().putSubaccount(propagated);
        sandbox().connectivityProxyBindsConnectionsToFirstUser(true);
    }

    @AfterEach
    void unbind() {
        sandbox().connectivityProxyBindsConnectionsToFirstUser(false);
    }

    @Test
    void keepAliveConnectionsToTheProxyAreNeverReusedForAnotherUser() {
        String[] users = { "alice", "bob", "alice", "bob" };
        // one token per user, as a user's requests carry the same JWT while it is valid (the scope is the token)
        Map<String, String> tokens = Map.of("alice", sandbox().userToken("alice"), "bob", sandbox().userToken("bob"));
        long connectionsBefore = sandbox().connectivityProxyConnections();

        for (int i = 0; i < users.length; i++) {
            Exchange exchange = call("btp-destination:" + PROPAGATED + "/" + ORDERS, null,
                    Map.of("Authorization", "Bearer " + tokens.get(users[i])));

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(LOGON_USER, String.class))
                    .as("request %d arrives as its own user", i).isEqualTo(users[i].toUpperCase(java.util.Locale.ROOT));
        }

        // one user's requests still share a pooled connection: isolation, not an end of keep-alive
        assertThat(sandbox().connectivityProxyConnections() - connectionsBefore).isEqualTo(2);
    }
}
