package io.github.camelbtp.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's {@code camel.component.btp-*.*} properties cover every component option in the components' generated
 * catalogs, so an option added to a component cannot be forgotten here. Two exceptions: {@code connectivity} is a bean,
 * supplied by the starter, and {@code engineOptions} is the nested configuration whose options are listed one by one.
 */
class EveryComponentOptionTest {

    private static List<String> catalogOptions(String resource) throws IOException {
        try (InputStream in = EveryComponentOptionTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            JsonNode options = new ObjectMapper().readTree(in).path("componentProperties");
            List<String> names = new ArrayList<>();
            options.fieldNames().forEachRemaining(names::add);
            names.remove("connectivity");
            names.remove("engineOptions"); // the object that holds the engine options; each is listed under its own name
            return names;
        }
    }

    @Test
    void btpDestinationOptions() throws IOException {
        assertThat(new BtpDestinationComponentConfiguration().componentOptions().keySet())
                .containsExactlyInAnyOrderElementsOf(catalogOptions("/META-INF/io/github/camelbtp/destination/btp-destination.json"));
    }

    @Test
    void btpRfcOptions() throws IOException {
        assertThat(new BtpRfcComponentConfiguration().componentOptions().keySet())
                .containsExactlyInAnyOrderElementsOf(catalogOptions("/META-INF/io/github/camelbtp/rfc/btp-rfc.json"));
    }
}
