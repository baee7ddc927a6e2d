package io.github.camelbtp.kamelets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets as a Kamelet catalog ships them: {@code kamelets/NAME.kamelet.yaml} on the classpath, each a
 * {@code camel.apache.org/v1} Kamelet whose type label matches its name and whose template uses only the properties
 * it defines (a typo there would only show when a route first uses the Kamelet).
 */
class KameletCatalogTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([^}]+)}}");

    @ParameterizedTest
    @ValueSource(strings = {"btp-destination-sink", "btp-destination-action", "btp-rfc-action"})
    void kameletIsShippedUnderKameletsWithItsTypeAndProperties(String name) throws IOException {
        String yaml = read("kamelets/" + name + ".kamelet.yaml");
        Map<String, Object> kamelet = map(new Load(LoadSettings.builder().build()).loadFromString(yaml));

        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        Map<String, Object> metadata = map(kamelet.get("metadata"));
        assertThat(metadata).containsEntry("name", name);
        assertThat(map(metadata.get("labels")))
                .containsEntry("camel.apache.org/kamelet.type", name.substring(name.lastIndexOf('-') + 1));

        Map<String, Object> spec = map(kamelet.get("spec"));
        Map<String, Object> definition = map(spec.get("definition"));
        Map<String, Object> properties = map(definition.get("properties"));
        assertThat(definition.get("title")).asString().isNotBlank();
        assertThat(properties.keySet()).containsAll(list(definition.get("required")).stream().map(String::valueOf).toList());
        properties.forEach((property, schema) -> assertThat(map(schema)).as(property).containsKeys("title", "description", "type"));

        Matcher used = PLACEHOLDER.matcher(String.valueOf(spec.get("template")));
        int placeholders = 0;
        while (used.find()) {
            assertThat(properties).as("the template's {{%s}}", used.group(1)).containsKey(used.group(1));
            placeholders++;
        }
        assertThat(placeholders).isGreaterThanOrEqualTo(properties.size() - 1);

        // the component at this build's version, resolved by Maven's resource filtering
        String component = name.startsWith("btp-rfc") ? "camel-btp-rfc" : "camel-btp-destination";
        assertThat(list(spec.get("dependencies")).stream().map(String::valueOf).toList()).contains("camel:kamelet")
                .anySatisfy(d -> assertThat(d).matches("mvn:io\\.github\\.camelbtp:" + component + ":\\d[^$]*"));
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = KameletCatalogTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath:%s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }
}
