package io.github.camelbtp.springboot;

import io.github.camelbtp.connectivity.BtpConnectivity;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PropertyBindingSupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The options a {@code camel.component.<scheme>.*} configuration sets on its component, and the rule that decides who
 * builds the engine: with a shared engine (the starter's, or the application's own {@link BtpConnectivity} bean) the
 * component's own engine options would be ignored silently, so setting one is refused at startup.
 */
final class ComponentOptions {

    private final String scheme;
    private final Map<String, Object> options;
    private final List<String> engineOptions;

    /**
     * @param scheme        the component's scheme, for messages
     * @param options       option name (as in the component's catalog) to value; {@code null} values are left unset
     * @param engineOptions the names among them that only matter when the component builds its own engine
     */
    ComponentOptions(String scheme, Map<String, Object> options, List<String> engineOptions) {
        this.scheme = scheme;
        this.options = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            if (value != null) {
                this.options.put(name, value);
            }
        });
        this.engineOptions = List.copyOf(engineOptions);
    }

    /**
     * Fails when an engine option is set although the component is given the shared engine, naming the property and
     * its {@code camel.btp.*} counterpart.
     */
    void checkNoEngineOptionsWith(BtpConnectivity shared) {
        if (shared == null) {
            return;
        }
        List<String> conflicting = engineOptions.stream().filter(options::containsKey).map(this::propertyName).toList();
        if (!conflicting.isEmpty()) {
            throw new IllegalStateException(String.join(", ", conflicting) + (conflicting.size() == 1 ? " is" : " are")
                    + " set, but " + scheme + " uses the engine shared with the other camel-btp components, which "
                    + (conflicting.size() == 1 ? "ignores it" : "ignores them") + ". Configure the shared engine instead ("
                    + conflicting.stream().map(p -> p.replace("camel.component." + scheme + ".", "camel.btp."))
                            .collect(Collectors.joining(", "))
                    + ", or your own BtpConnectivity bean), or set camel.btp.enabled=false (and define no BtpConnectivity bean) so that each component builds"
                    + " its own engine from its own options.");
        }
    }

    /** Sets the options through the component's generated configurer (no reflection); an unknown name fails. */
    void applyTo(CamelContext context, Component component, PropertyConfigurer configurer) {
        PropertyBindingSupport.build()
                .withConfigurer(configurer)
                .withReflection(false)
                .withIgnoreCase(true)
                .withMandatory(true)
                .withRemoveParameters(false)
                .bind(context, component, new LinkedHashMap<>(options));
    }

    private String propertyName(String option) {
        return "camel.component." + scheme + "." + option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
