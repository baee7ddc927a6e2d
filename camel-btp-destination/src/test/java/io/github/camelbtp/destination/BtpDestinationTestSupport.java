package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Starts the sandbox once per test class and a Camel context whose btp-destination component is bound to it. */
abstract class BtpDestinationTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    protected Sandbox sandbox() {
        return SANDBOX.sandbox();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BtpDestinationComponent component = new BtpDestinationComponent();
        configure(component);
        context.addComponent("btp-destination", component);
        return context;
    }

    /** Binds the component to the sandbox; override to change options. */
    protected void configure(BtpDestinationComponent component) {
        component.getEngineOptions().setVcapServices(sandbox().vcapServices());
    }

    /**
     * Binds the component to a sandbox that serves its token service under host names
     * ({@code Sandbox.builder().tokenServiceHostNames()}, as on BTP: a subscriber's token URL is
     * {@code https://<subdomain>.<uaadomain>}): the engine, built from the component's options, trusts the sandbox's
     * certificate as an application trusts its landscape's. Test classes with subscribers by subdomain call it from
     * {@link #configure} and register their own {@code SandboxExtension} with that builder.
     */
    protected void bindTrustingTokenServiceHostNames(BtpDestinationComponent component) {
        component.getEngineOptions().setVcapServices(sandbox().vcapServices());
        component.setConnectivity(component.getEngineOptions().engineBuilder()
                .serviceTrust(java.util.List.of(sandbox().tokenServiceCertificate())).build());
    }

    /** A clock the test moves forward, so caches and tokens expire in the engine's eyes without waiting. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }
    }

    /** Gives the component an engine bound to the sandbox that measures time with {@code clock}. */
    protected void useEngineWithClock(BtpDestinationComponent component, Clock clock) {
        component.setConnectivity(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices(sandbox().vcapServices()))
                .environmentDestinations(null)
                .clock(clock)
                .build());
    }

    protected BtpDestinationComponent component() {
        return context.getComponent("btp-destination", BtpDestinationComponent.class);
    }

    /** Sends a request and returns the exchange (never throws: look at {@code exchange.getException()}). */
    protected Exchange call(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    protected Exchange get(String uri) {
        return call(uri, null, Map.of());
    }
}
