package io.github.camelbtp.rfc;

import io.github.camelbtp.connectivity.DestinationServiceException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * btp-rfc builds its engine with every engine option btp-destination has: destinationCacheMaxStale,
 * destinationNotFoundTtl and principalPropagationMode (before, btp-rfc's engine ignored them: it had no such options).
 */
class RfcEngineOptionsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    /** A started context whose btp-rfc is configured by option name, as application properties do. */
    private void start(Map<String, Object> options) {
        Map<String, Object> all = new LinkedHashMap<>(options);
        all.put("vcapServices", SANDBOX.sandbox().vcapServices());
        BtpRfcComponent component = new BtpRfcComponent();
        context = new DefaultCamelContext();
        PropertyBindingSupport.build().withIgnoreCase(true).withMandatory(true).bind(context, component, all);
        context.addComponent("btp-rfc", component);
        context.start();
    }

    private Exchange call(String destination, Map<String, String> headers) {
        return context.createProducerTemplate().request("btp-rfc:STFC_CONNECTION?destination=" + destination, e -> {
            e.getIn().setBody(Map.of("REQUTEXT", "hello"));
            e.getIn().setHeaders(new HashMap<>(headers));
        });
    }

    @Test
    void notFoundTtlOfZeroLooksAMissingDestinationUpOnEveryCall() {
        start(Map.of("destinationNotFoundTtl", "0"));
        SANDBOX.sandbox().counters().reset();

        assertThat(call("NoSuchRfcDestination", Map.of()).getException()).isNotNull();
        assertThat(call("NoSuchRfcDestination", Map.of()).getException()).isNotNull();

        assertThat(SANDBOX.sandbox().counters().destinationLookups()).as("not remembered").isEqualTo(2);
    }

    @Test
    void maxStaleOfZeroSurfacesADestinationServiceOutageInsteadOfServingTheCachedDestination() {
        start(Map.of("destinationCacheTtl", "0", "destinationCacheMaxStale", "0"));
        assertThat(call(DemoDestinations.ERP_RFC, Map.of()).getException()).isNull();
        SANDBOX.sandbox().faults().destinationServiceDown(true);

        Exception e = call(DemoDestinations.ERP_RFC, Map.of()).getException();

        assertThat(e).isInstanceOf(DestinationServiceException.class).hasMessageContaining(DemoDestinations.ERP_RFC);
    }

    @Test
    void tokenExchangeModeSendsTheExchangedUserTokenAsProxyAuthorization() {
        Map<String, String> properties = new LinkedHashMap<>(SANDBOX.sandbox().destinations().get(DemoDestinations.ERP_RFC)
                .orElseThrow());
        properties.put("Name", "ERP_RFC_PP_EXCHANGE");
        properties.put("jco.destination.auth_type", "PrincipalPropagation");
        properties.remove("jco.client.user");
        properties.remove("jco.client.passwd");
        SANDBOX.sandbox().destinations().putSubaccount(properties);
        start(Map.of("principalPropagationMode", "PROXY_AUTHORIZATION_TOKEN_EXCHANGE"));
        String token = SANDBOX.sandbox().userToken("alice");

        Exchange exchange = call("ERP_RFC_PP_EXCHANGE", Map.of("Authorization", "Bearer " + token));

        assertThat(exchange.getException()).isNull();
        assertThat((String) exchange.getMessage().getBody(Map.class).get("RESPTEXT")).contains("/ALICE/");
        RecordedRequest atProxy = SANDBOX.sandbox().proxyRequests().last().orElseThrow();
        assertThat(atProxy.hasHeader("SAP-Connectivity-Authentication")).isFalse();
        assertThat(atProxy.header("Proxy-Authorization")).startsWith("Bearer ").isNotEqualTo("Bearer " + token);
    }
}
