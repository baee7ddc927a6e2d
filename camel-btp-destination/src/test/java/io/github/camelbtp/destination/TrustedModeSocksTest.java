package io.github.camelbtp.destination;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MAIL, LDAP and TCP destinations through Kyma's Connectivity proxy in trusted mode: only the destination binding and
 * the proxy's address (as {@code kyma-system/connectivity-proxy-info} gives it), no connectivity client. Trusted mode
 * disables proxy authorization on SOCKS5 too [configuration-guide-eaa8204], so every call reaches the on-premise
 * system with SOCKS5 "no authentication" and without a connectivity token ever being requested.
 */
class TrustedModeSocksTest extends BtpDestinationTestSupport {

    @BeforeEach
    void trustedProxy() {
        sandbox().connectivityTrustedMode(true);
        sandbox().mailServer().purge();
        sandbox().directory().reset();
    }

    @Override
    protected void configure(BtpDestinationComponent component) {
        String destinationOnly;
        try {
            destinationOnly = "{\"destination\":"
                    + new ObjectMapper().readTree(sandbox().vcapServices()).path("destination") + "}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        component.setConnectivity(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices(destinationOnly))
                .environmentDestinations(null)
                .connectivityProxy(sandbox().proxyHost(), sandbox().proxyHttpPort(), sandbox().socks5Proxy().port())
                .build());
    }

    private void assertTrustedTunnelWithoutConnectivityToken() {
        assertThat(sandbox().socks5Proxy().tunnels()).isGreaterThanOrEqualTo(1);
        assertThat(sandbox().socks5Proxy().lastMethod()).isEqualTo(0x00);
        assertThat(sandbox().counters().tokenGrants(DemoDestinations.CONNECTIVITY_CLIENT_ID)).isZero();
    }

    @Test
    void smtpThroughTheTrustedProxyDeliversWithoutAConnectivityToken() throws Exception {
        Exchange exchange = call("btp-destination:" + DemoDestinations.CORPORATE_MAIL, "sent from Kyma",
                Map.of("To", DemoDestinations.INBOX_USER, "Subject", "trusted mode"));

        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().mailServer().waitForMessages(1, 5_000)).isTrue();
        MimeMessage message = sandbox().mailServer().receivedMessages().get(0);
        assertThat(message.getSubject()).isEqualTo("trusted mode");
        assertTrustedTunnelWithoutConnectivityToken();
    }

    @Test
    void ldapSearchThroughTheTrustedProxyWorksWithoutAConnectivityToken() {
        Exchange exchange = call("btp-destination:" + DemoDestinations.CORPORATE_LDAP + "?ldapBaseDn=ou=people,"
                + DemoDestinations.LDAP_BASE_DN + "&ldapFilter=(uid=emp001)", null, Map.of());

        assertThat(exchange.getException()).isNull();
        List<?> entries = exchange.getMessage().getBody(List.class);
        assertThat(entries).hasSize(1);
        assertThat(((Map<?, ?>) entries.get(0)).get("dn")).isEqualTo("uid=emp001,ou=people," + DemoDestinations.LDAP_BASE_DN);
        assertTrustedTunnelWithoutConnectivityToken();
    }

    @Test
    void tcpRoundTripThroughTheTrustedProxyWorksWithoutAConnectivityToken() {
        Exchange exchange = call("btp-destination:" + DemoDestinations.LEGACY_TCP, "STATUS 4711", Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo("STATUS 4711");
        assertTrustedTunnelWithoutConnectivityToken();
    }
}
