package io.github.camelbtp.rfc;

import io.github.camelbtp.component.SharedEngine;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.destination.BtpDestinationComponent;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * btp-destination and btp-rfc in one plain CamelContext (no Spring) share one engine: one set of service bindings, one
 * destination cache, one token cache. The components are configured by option name, as application properties and
 * URIs do.
 */
class SharedEngineTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private static final String SALES = "btp-destination:" + DemoDestinations.ON_PREMISE_ERP
            + "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1";
    private static final String PING = "btp-rfc:RFC_PING?destination=" + DemoDestinations.ERP_RFC;

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private CamelContext contextWith(Map<String, Object> destinationOptions, Map<String, Object> rfcOptions) {
        context = new DefaultCamelContext();
        context.addComponent("btp-destination", configured(new BtpDestinationComponent(), destinationOptions));
        context.addComponent("btp-rfc", configured(new BtpRfcComponent(), rfcOptions));
        return context;
    }

    private <C extends Component> C configured(C component, Map<String, Object> options) {
        Map<String, Object> all = new LinkedHashMap<>(options);
        all.putIfAbsent("vcapServices", SANDBOX.sandbox().vcapServices());
        PropertyBindingSupport.build().withIgnoreCase(true).withMandatory(true)
                .bind(new DefaultCamelContext(), component, all);
        return component;
    }

    private static Exchange call(ProducerTemplate template, String uri) {
        return template.request(uri, exchange -> { });
    }

    @Test
    void contextUsingBothComponentsFetchesOneDestinationServiceTokenAndOneConnectivityToken() {
        contextWith(Map.of(), Map.of()).start();
        SANDBOX.sandbox().counters().reset();
        ProducerTemplate template = context.createProducerTemplate();

        assertThat(call(template, SALES).getException()).isNull();
        assertThat(call(template, PING).getException()).isNull();

        assertThat(SANDBOX.sandbox().counters().tokenGrants(DemoDestinations.DESTINATION_CLIENT_ID))
                .as("Destination Service tokens").isEqualTo(1);
        assertThat(SANDBOX.sandbox().counters().tokenGrants(DemoDestinations.CONNECTIVITY_CLIENT_ID))
                .as("connectivity tokens").isEqualTo(1);
        assertThat(context.getComponent("btp-rfc", BtpRfcComponent.class).connectivity())
                .isSameAs(context.getComponent("btp-destination", BtpDestinationComponent.class).connectivity());
    }

    @Test
    void engineOptionSetToTheSameValueOnBothComponentsIsNoConflict() {
        contextWith(Map.of("destinationCacheTtl", "2m"), Map.of("destinationCacheTtl", "120000")).start();

        assertThat(call(context.createProducerTemplate(), PING).getException()).isNull();
    }

    @Test
    void conflictingEngineOptionFailsTheStartNamingBothComponentsAndTheOption() {
        contextWith(Map.of("destinationNotFoundTtl", "5s"), Map.of("destinationNotFoundTtl", "30s"));

        assertThatThrownBy(context::start).rootCause()
                .hasMessageContaining("btp-destination").hasMessageContaining("btp-rfc")
                .hasMessageContaining("destinationNotFoundTtl").hasMessageContaining("sharedEngine=false");
    }

    @Test
    void conflictingBindingsNeverShowTheSecret() {
        String other = SANDBOX.sandbox().vcapServices().replace("\"clientsecret\"", "\"clientsecret\" ");
        contextWith(Map.of(), Map.of("vcapServices", other));

        assertThatThrownBy(context::start).rootCause().hasMessageContaining("vcapServices")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("clientsecret").doesNotContain("{"));
    }

    @Test
    void componentWithAnEngineOfItsOwnMayDiffer() {
        contextWith(Map.of("destinationNotFoundTtl", "5s"), Map.of("destinationNotFoundTtl", "30s", "sharedEngine", "false"))
                .start();

        assertThat(context.getComponent("btp-rfc", BtpRfcComponent.class).connectivity())
                .isNotSameAs(context.getComponent("btp-destination", BtpDestinationComponent.class).connectivity());
    }

    @Test
    void engineIsClosedWhenTheLastComponentStopsAndNotBefore() {
        contextWith(Map.of(), Map.of()).start();
        ProducerTemplate template = context.createProducerTemplate();
        assertThat(call(template, SALES).getException()).isNull();
        BtpConnectivity engine = context.getComponent("btp-destination", BtpDestinationComponent.class).connectivity();

        context.getComponent("btp-destination").stop();

        assertThat(call(template, PING).getException()).as("btp-rfc still calls through the shared engine").isNull();
        assertThat(engine.destination(DemoDestinations.ERP_SOAP_HTTP, DestinationOptions.NONE).name())
                .isEqualTo(DemoDestinations.ERP_SOAP_HTTP);
        assertThat(context.getRegistry().lookupByNameAndType(SharedEngine.REGISTRY_NAME, SharedEngine.class)).isNotNull();

        context.getComponent("btp-rfc").stop();

        assertThat(context.getRegistry().lookupByNameAndType(SharedEngine.REGISTRY_NAME, SharedEngine.class)).isNull();
        assertThatThrownBy(() -> engine.destination(DemoDestinations.CLOUD_SALES_API, DestinationOptions.NONE))
                .as("closed: its HTTP client no longer sends").isNotNull();
    }

    @Test
    void readyMadeEngineIsUsedByBothAndNeverClosed() {
        BtpConnectivity mine = BtpConnectivity.builder()
                .serviceBindings(io.github.camelbtp.connectivity.binding.ServiceBindings.fromVcapServices(
                        SANDBOX.sandbox().vcapServices()))
                .build();
        try {
            context = new DefaultCamelContext();
            context.getRegistry().bind("myEngine", mine);
            context.addComponent("btp-destination", new BtpDestinationComponent());
            context.addComponent("btp-rfc", new BtpRfcComponent());
            context.start();

            assertThat(context.getComponent("btp-rfc", BtpRfcComponent.class).connectivity()).isSameAs(mine);
            assertThat(context.getComponent("btp-destination", BtpDestinationComponent.class).connectivity()).isSameAs(mine);
            context.stop();
            context = null;

            assertThat(mine.destination(DemoDestinations.ON_PREMISE_ERP, DestinationOptions.NONE).name())
                    .isEqualTo(DemoDestinations.ON_PREMISE_ERP);
        } finally {
            mine.close();
        }
    }
}
