package io.github.camelbtp.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Camel catalog metadata that tools (Camel JBang, Kaoto, Karavan, the IDE plugins) discover a component by: the
 * generated files in the built jar's resources (target/classes) list every option the component and the endpoint
 * declare, so an option added without regenerating is caught here; the hand-written reference names every option of
 * its own. Each component module runs it with its own classes (a test-jar of this module).
 */
public abstract class CatalogMetadataContract {

    private final String scheme;
    private final Class<?> component;
    private final Class<?> endpoint;
    private final String reference;
    private final String json;

    /**
     * @param scheme    the component's scheme, also the end of its artifactId ({@code camel-<scheme>})
     * @param reference the hand-written reference, relative to the module ({@code ../docs/rfc.md})
     */
    protected CatalogMetadataContract(String scheme, Class<?> component, Class<?> endpoint, String reference) {
        this.scheme = scheme;
        this.component = component;
        this.endpoint = endpoint;
        this.reference = reference;
        this.json = "META-INF/" + component.getPackageName().replace('.', '/') + "/" + scheme + ".json";
    }

    /** A few options and a header the module surely has: the guards below must not pass on empty lists. */
    protected abstract void expectKnownOptions(Set<String> componentOptions, Set<String> endpointOptions, Set<String> headers);

    @Test
    void componentPropertiesNamesTheComponentForTheCatalog() throws IOException {
        Properties properties = new Properties();
        // read from this module's build output: every Camel component jar has a file of that name
        try (InputStream in = Files.newInputStream(
                Path.of("target/classes/META-INF/services/org/apache/camel/component.properties"))) {
            properties.load(in);
        }
        assertThat(properties.getProperty("components")).isEqualTo(scheme);
        assertThat(properties.getProperty("groupId")).isEqualTo("io.github.camelbtp");
        assertThat(properties.getProperty("artifactId")).isEqualTo("camel-" + scheme);
        try (InputStream in = resource("META-INF/services/org/apache/camel/component/" + scheme)) {
            properties.clear();
            properties.load(in);
        }
        assertThat(properties.getProperty("class")).isEqualTo(component.getName());
    }

    /** Our own options (Camel's inherited ones, such as lazyStartProducer, the generator filters by role). */
    @Test
    void catalogJsonListsEveryComponentEndpointAndHeaderOption() throws IOException {
        JsonNode catalog = catalog();

        assertThat(catalog.path("component").path("scheme").asText()).isEqualTo(scheme);
        assertThat(names(catalog.path("componentProperties"))).containsAll(componentOptions(component));
        assertThat(names(catalog.path("properties"))).containsAll(endpointOptions(endpoint));
        assertThat(names(catalog.path("headers"))).containsAll(headers(endpoint));
        expectKnownOptions(componentOptions(component), endpointOptions(endpoint), headers(endpoint));
    }

    @Test
    void componentAdocCarriesTheCatalogAttributesAndGeneratedTables() throws IOException {
        String adoc = Files.readString(Path.of("src/main/docs/" + scheme + "-component.adoc"), StandardCharsets.UTF_8);

        assertThat(adoc).contains(":shortname: " + scheme, ":artifactid: camel-" + scheme,
                ":supportlevel: Preview", "include::partial$component-endpoint-options.adoc[]",
                "include::partial$component-endpoint-headers.adoc[]");
    }

    @Test
    void handWrittenReferenceNamesEveryOptionOfTheComponent() throws IOException {
        String text = Files.readString(Path.of(reference), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (String option : componentOptions(component)) {
            if (!text.contains("`" + option)) {
                missing.add("component option " + option);
            }
        }
        for (String option : endpointOptions(endpoint)) {
            if (!text.contains("`" + option) && !text.contains(option + "`")) {
                missing.add("endpoint option " + option);
            }
        }
        assertThat(missing).as("options missing from " + reference).isEmpty();
    }

    private JsonNode catalog() throws IOException {
        try (InputStream in = resource(json)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private InputStream resource(String name) {
        InputStream in = getClass().getClassLoader().getResourceAsStream(name);
        assertThat(in).as("%s in the component's resources", name).isNotNull();
        return in;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code @Metadata} fields of the component class and its superclasses, but not Camel's own base classes. */
    static Set<String> componentOptions(Class<?> component) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = component; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().startsWith("org.apache.camel.")) {
                continue;
            }
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Metadata.class) && !Modifier.isStatic(field.getModifiers())) {
                    names.add(field.getName());
                    if (field.getType().isAnnotationPresent(UriParams.class)) {
                        // a nested configuration (EngineOptions): Camel lists it and each of its options
                        collectEndpointOptions(field.getType(), "", names);
                    }
                }
            }
        }
        return names;
    }

    /** {@code @UriPath} and {@code @UriParam} fields, descending into {@code @UriParams} groups; not Camel's own. */
    static Set<String> endpointOptions(Class<?> type) {
        Set<String> names = new TreeSet<>();
        collectEndpointOptions(type, "", names);
        return names;
    }

    private static void collectEndpointOptions(Class<?> type, String prefix, Set<String> names) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().startsWith("org.apache.camel.")) {
                continue;
            }
            for (Field field : c.getDeclaredFields()) {
                UriParam param = field.getAnnotation(UriParam.class);
                UriPath path = field.getAnnotation(UriPath.class);
                UriParams group = field.getType().getAnnotation(UriParams.class);
                if (group != null) {
                    // a group of options (LookupOptions, HttpOptions, …): its options keep their flat names
                    collectEndpointOptions(field.getType(), prefix + group.prefix(), names);
                } else if (param != null) {
                    names.add(prefix + (param.name().isEmpty() ? field.getName() : param.name()));
                } else if (path != null) {
                    names.add(prefix + (path.name().isEmpty() ? field.getName() : path.name()));
                }
            }
        }
    }

    /** The values of the {@code @Metadata} constants of the endpoint's headers class. */
    static Set<String> headers(Class<?> endpoint) {
        Class<?> headersClass = endpoint.getAnnotation(UriEndpoint.class).headersClass();
        Set<String> names = new TreeSet<>();
        for (Field field : headersClass.getDeclaredFields()) {
            if (field.isAnnotationPresent(Metadata.class) && Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError("header constant " + field.getName() + " is not readable", e);
                }
            }
        }
        return names;
    }
}
