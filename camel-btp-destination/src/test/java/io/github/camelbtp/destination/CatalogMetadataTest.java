package io.github.camelbtp.destination;

import io.github.camelbtp.component.CatalogMetadataContract;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** btp-destination's Camel catalog metadata: see {@link CatalogMetadataContract}. */
class CatalogMetadataTest extends CatalogMetadataContract {

    CatalogMetadataTest() {
        super("btp-destination", BtpDestinationComponent.class, BtpDestinationEndpoint.class, "../docs/btp-destination.md");
    }

    @Override
    protected void expectKnownOptions(Set<String> componentOptions, Set<String> endpointOptions, Set<String> headers) {
        assertThat(componentOptions).contains("bindingFile", "vcapServices");
        assertThat(endpointOptions).contains("destinationName", "csrfProtection");
        assertThat(headers).contains("CamelBtpDestinationName");
    }
}
