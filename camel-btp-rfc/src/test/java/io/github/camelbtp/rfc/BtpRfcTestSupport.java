package io.github.camelbtp.rfc;

import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.Map;

/** Starts the sandbox once per test class and a Camel context whose btp-rfc component is bound to it. */
abstract class BtpRfcTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    static final String ERP_RFC = DemoDestinations.ERP_RFC;

    protected Sandbox sandbox() {
        return SANDBOX.sandbox();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BtpRfcComponent component = new BtpRfcComponent();
        component.getEngineOptions().setVcapServices(sandbox().vcapServices());
        context.addComponent("btp-rfc", component);
        return context;
    }

    /** Calls {@code uri} with {@code body}; never throws: look at {@code exchange.getException()}. */
    protected Exchange call(String uri, Object body) {
        return template.request(uri, exchange -> exchange.getIn().setBody(body));
    }

    /** Calls and returns the answer's parameters, failing the test on an exception. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> rfc(String uri, Object body) {
        Exchange exchange = call(uri, body);
        if (exchange.getException() != null) {
            throw new AssertionError("call failed: " + exchange.getException(), exchange.getException());
        }
        return exchange.getMessage().getBody(Map.class);
    }

    /** An RFC destination like ERP_RFC under a new name, with {@code changes} applied ({@code null} removes). */
    protected String rfcDestination(String name, Map<String, String> changes) {
        Map<String, String> properties = new LinkedHashMap<>(sandbox().destinations().get(ERP_RFC).orElseThrow());
        properties.put("Name", name);
        changes.forEach((k, v) -> {
            if (v == null) {
                properties.remove(k);
            } else {
                properties.put(k, v);
            }
        });
        sandbox().destinations().putSubaccount(properties);
        return name;
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
