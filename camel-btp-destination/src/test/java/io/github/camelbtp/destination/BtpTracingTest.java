package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracing (issue 13 §3) with camel-opentelemetry2 and the OpenTelemetry SDK's in-memory exporter: the btp-destination
 * span carries the destination's name, type, proxy type, location ID and lookup result, and the W3C traceparent of that
 * span reaches the on-premise backend through the Connectivity proxy and the Cloud Connector.
 */
class BtpTracingTest extends BtpDestinationTestSupport {

    private static final String SALES = DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("otelTracer", provider.get("camel-btp-test"));
        context.getRegistry().bind("otelPropagators", ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        tracer.init(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").routeId("orders").to("btp-destination:OnPremiseERP" + SALES);
                from("direct:plant").routeId("plant").to("btp-destination:ERPPlant01" + SALES);
                from("direct:missing").routeId("missing").to("btp-destination:NoSuchDestination/x");
            }
        };
    }

    @AfterEach
    void cleanUp() {
        provider.close();
        sandbox().destinations().delete("ERPPlant01");
    }

    private SpanData btpSpan(String destination) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> destination.equals(s.getAttributes().get(AttributeKey.stringKey("btp.destination.name"))))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no btp-destination span for "
                        + destination + " among " + spans.getFinishedSpanItems()));
    }

    private static String attribute(SpanData span, String name) {
        return span.getAttributes().get(AttributeKey.stringKey(name));
    }

    @Test
    void theBtpDestinationSpanCarriesNameTypeProxyTypeLocationAndLookupResult() {
        sandbox().destinations().putSubaccount(OnPremiseHttpTest.erp("ERPPlant01", Map.of("CloudConnectorLocationId", "Plant01")));

        template.requestBody("direct:plant", (Object) null);
        template.requestBody("direct:plant", (Object) null);

        SpanData second = btpSpan("ERPPlant01");
        assertThat(attribute(second, "btp.destination.type")).isEqualTo("HTTP");
        assertThat(attribute(second, "btp.destination.proxy_type")).isEqualTo("OnPremise");
        assertThat(attribute(second, "btp.destination.location_id")).isEqualTo("Plant01");
        assertThat(attribute(second, "btp.destination.lookup")).isEqualTo("hit");
        assertThat(spans.getFinishedSpanItems()).filteredOn(s -> "miss".equals(attribute(s, "btp.destination.lookup")))
                .hasSize(1);
    }

    @Test
    void theTraceparentOfTheBtpDestinationSpanReachesTheOnPremiseBackendThroughTheConnectivityProxy() {
        template.requestBody("direct:orders", (Object) null);

        SpanData span = btpSpan("OnPremiseERP");
        var backend = sandbox().backendRequests().all();
        assertThat(backend).isNotEmpty();
        String traceparent = backend.get(backend.size() - 1).header("traceparent");
        assertThat(traceparent).as("the backend's traceparent header")
                .isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01");
        assertThat(sandbox().counters().proxiedCalls()).isEqualTo(1);
    }

    @Test
    void aDestinationThatCannotBeFoundGivesAnErrorSpanWithoutDestinationAttributes() {
        template.send("direct:missing", e -> { });

        assertThat(spans.getFinishedSpanItems()).anySatisfy(s -> {
            assertThat(s.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
            assertThat(attribute(s, "btp.destination.name")).isNull();
        });
    }
}
