package io.github.camelbtp.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * Options of the btp-rfc component (call ABAP function modules through SAP BTP RFC destinations). The engine options
 * ({@link BtpComponentConfigurationCommon}) only apply with camel.btp.enabled=false; otherwise the shared engine is
 * configured under camel.btp.* and setting one of them here fails at startup.
 */
@ConfigurationProperties(prefix = "camel.component.btp-rfc")
public class BtpRfcComponentConfiguration extends BtpComponentConfigurationCommon {

    /** Whether to enable auto configuration of the btp-rfc component. This is enabled by default. */
    @SuppressWarnings("unused") // documents the inherited property for the configuration metadata
    private Boolean enabled;

    /** How long the interface of a function module, read from the system's WSDL, is kept before it is read again. */
    private Duration metadataCacheTtl = Duration.ofHours(1);

    /** The options to set on the component, by their names in the component's catalog; unset ones are null. */
    @Override
    Map<String, Object> componentOptions() {
        Map<String, Object> options = super.componentOptions();
        options.put("metadataCacheTtl", metadataCacheTtl);
        return options;
    }

    public Duration getMetadataCacheTtl() {
        return metadataCacheTtl;
    }

    public void setMetadataCacheTtl(Duration metadataCacheTtl) {
        this.metadataCacheTtl = metadataCacheTtl;
    }
}
