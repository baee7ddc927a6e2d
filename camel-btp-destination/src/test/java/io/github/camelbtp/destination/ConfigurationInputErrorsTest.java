package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Destination values a new user or a hostile configuration gets wrong (issue 8, items 4 and 11): each is a typed error
 * naming destination, property and fix, raised before a connection is made, never a JDK exception.
 */
class ConfigurationInputErrorsTest extends BtpDestinationTestSupport {

    private void tcp(String name, String address) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Name", name);
        properties.put("Type", "TCP");
        properties.put("ProxyType", "OnPremise");
        properties.put("Address", address);
        sandbox().destinations().putSubaccount(properties);
    }

    private static DestinationConfigurationException configurationError(Exchange exchange) {
        for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
            if (t instanceof DestinationConfigurationException e) {
                return e;
            }
        }
        throw new AssertionError("expected a DestinationConfigurationException, got " + exchange.getException());
    }

    @Test
    void tcpAddressWithInvalidIpv4IsRefusedNotSentAsAnotherAddress() {
        tcp("BadIpv4", "300.1.1.1:" + DemoDestinations.LEGACY_TCP_VIRTUAL_PORT);
        int tunnels = sandbox().socks5Proxy().tunnels();
        int refusals = sandbox().socks5Proxy().refusals();

        DestinationConfigurationException e = configurationError(call("btp-destination:BadIpv4", "PING", Map.of()));

        assertThat(e.destinationName()).isEqualTo("BadIpv4");
        assertThat(e.property()).isEqualTo("Address");
        assertThat(e.getMessage()).contains("300.1.1.1").contains("0 to 255");
        assertThat(sandbox().socks5Proxy().tunnels()).isEqualTo(tunnels);
        assertThat(sandbox().socks5Proxy().refusals()).isEqualTo(refusals);
    }

    @Test
    void tcpAddressWithOverlongHostIsATypedError() {
        tcp("LongHost", "h".repeat(296) + ".com:4000");

        DestinationConfigurationException e = configurationError(call("btp-destination:LongHost", "PING", Map.of()));

        assertThat(e.property()).isEqualTo("Address");
        assertThat(e.getMessage()).contains("300 characters").contains("at most 255");
    }

    @Test
    void misspelledLdapProxyTypeIsAConfigurationErrorNotInternet() {
        sandbox().destinations().putSubaccount(Map.of("Name", "LdapTypo", "Type", "LDAP", "ldap.proxyType", "On-Premise",
                "ldap.url", "ldap://ldap.internal:389", "ldap.authentication", "NoAuthentication"));

        DestinationConfigurationException e = configurationError(call("btp-destination:LdapTypo?ldapOperation=search"
                + "&ldapBaseDn=dc%3Dexample", null, Map.of()));

        assertThat(e.property()).isEqualTo("ldap.proxyType");
        assertThat(e.getMessage()).contains("'LdapTypo'").contains("On-Premise").contains("Internet, OnPremise");
    }

    @Test
    void destinationNameWithASpaceIsATypedErrorNamingTheRule() {
        Exchange exchange = call("direct:byHeader", null, Map.of(BtpDestinationConstants.DESTINATION_NAME, "My Destination"));

        assertThat(exchange.getException()).isInstanceOf(BtpConnectivityException.class);
        DestinationConfigurationException e = configurationError(exchange);
        assertThat(e.property()).isEqualTo("Name");
        assertThat(e.getMessage()).contains("letters, digits");
    }

    @Test
    void destinationNameWithASpaceInTheEndpointUriIsATypedErrorWhenTheEndpointIsCreated() {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> context.getEndpoint("btp-destination:My Destination/sap/opu"));

        assertThat(failure).isNotNull();
        DestinationConfigurationException e = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DestinationConfigurationException dce) {
                e = dce;
            }
        }
        assertThat(e).as("cause of %s", failure).isNotNull();
        assertThat(e.property()).isEqualTo("Name");
        assertThat(e.getMessage()).contains("My Destination").contains("letters, digits");
    }

    @Override
    protected org.apache.camel.RoutesBuilder createRouteBuilder() {
        return new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:byHeader").to("btp-destination:OnPremiseERP?destinationFromHeader=true");
            }
        };
    }
}
