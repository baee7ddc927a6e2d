package io.github.camelbtp.rfc;

import io.github.camelbtp.component.CatalogMetadataContract;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** btp-rfc's Camel catalog metadata: see {@link CatalogMetadataContract}. */
class CatalogMetadataTest extends CatalogMetadataContract {

    CatalogMetadataTest() {
        super("btp-rfc", BtpRfcComponent.class, BtpRfcEndpoint.class, "../docs/rfc.md");
    }

    @Override
    protected void expectKnownOptions(Set<String> componentOptions, Set<String> endpointOptions, Set<String> headers) {
        assertThat(componentOptions).contains("bindingFile", "metadataCacheTtl");
        assertThat(endpointOptions).contains("functionName", "destination", "checkReturn");
        assertThat(headers).contains("CamelBtpRfcFunction");
    }
}
