package io.github.camelbtp.destination;

import io.github.camelbtp.component.ObservedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * The btp-destination span of Camel's telemetry (camel-opentelemetry2 and the other camel-telemetry tracers find it
 * through {@code META-INF/services/org.apache.camel.telemetry.SpanDecorator}): besides Camel's own attributes, the
 * destination's name, {@code Type}, {@code ProxyType}, {@code CloudConnectorLocationId} and how its lookup was
 * answered. The W3C {@code traceparent} is Camel's: it puts the header on the message before the producer runs, and
 * camel-http sends it to the target; for OnPremise destinations through the Connectivity proxy, a plain HTTP forward
 * proxy whose own headers are {@code Proxy-Authorization} and {@code SAP-Connectivity-*}, so the others reach the
 * backend [using-the-connectivity-proxy-f3c1ef4] (BtpTracingTest proves it at the sandbox's backend).
 */
public class BtpDestinationSpanDecorator extends AbstractSpanDecorator {

    /** The span attributes, as documented in docs/operations.md ("Tracing"). */
    static final String NAME = "btp.destination.name";
    static final String TYPE = "btp.destination.type";
    static final String PROXY_TYPE = "btp.destination.proxy_type";
    static final String LOCATION_ID = "btp.destination.location_id";
    static final String LOOKUP = "btp.destination.lookup";

    @Override
    public String getComponent() {
        return "btp-destination";
    }

    @Override
    public String getComponentClassName() {
        return BtpDestinationComponent.class.getName();
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        ObservedRequest observed = exchange.getProperty(ObservedRequest.PROPERTY, ObservedRequest.class);
        if (observed == null) {
            return; // the destination was not resolved: Camel's error attributes say why
        }
        span.setTag(NAME, observed.destination());
        span.setTag(TYPE, observed.type());
        span.setTag(PROXY_TYPE, observed.proxyType());
        span.setTag(LOCATION_ID, observed.locationId());
        if (observed.lookup() != null) {
            span.setTag(LOOKUP, observed.lookup().tag());
        }
    }
}
