package io.github.camelbtp.connectivity.destination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.http.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Destinations from the {@code destinations} environment variable (the SAP approuter and Cloud SDK convention for
 * local runs): a JSON array of objects with {@code name}, {@code url} and any other destination property, usually
 * in lower camel case ({@code proxyType}, {@code authentication}, {@code user}). Known properties are normalised to
 * SAP's spelling ({@code url} → {@code URL}); others are kept as written.
 */
public final class EnvironmentDestinationLoader implements DestinationLoader {

    public static final String VARIABLE = "destinations";
    public static final String SOURCE = "'destinations' environment variable";

    private final Map<String, Destination> destinations;

    /** Parses the variable's value; {@code null} or blank means no destinations. */
    public EnvironmentDestinationLoader(String json) {
        this.destinations = json == null || json.isBlank() ? Map.of() : parse(json);
    }

    /** Reads {@code System.getenv("destinations")}. */
    public static EnvironmentDestinationLoader fromEnvironment() {
        return new EnvironmentDestinationLoader(System.getenv(VARIABLE));
    }

    private static Map<String, Destination> parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the input, which can hold passwords: report the position only.
            throw new DestinationConfigurationException(null, VARIABLE, "the environment variable is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "). It must be a JSON array of objects like [{\"name\":\"X\",\"url\":\"https://…\"}].");
        }
        if (!root.isArray()) {
            throw new DestinationConfigurationException(null, VARIABLE,
                    "the environment variable must be a JSON array of destination objects, found " + root.getNodeType() + ".");
        }
        Map<String, Destination> result = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode entry : root) {
            if (!entry.isObject() || !entry.hasNonNull("name")) {
                throw new DestinationConfigurationException(null, VARIABLE,
                        "entry " + index + " of the environment variable has no \"name\".");
            }
            Map<String, String> properties = new LinkedHashMap<>();
            entry.fields().forEachRemaining(field -> properties.put(
                    DestinationProperty.canonical(field.getKey()),
                    field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
            String name = properties.get(DestinationProperty.NAME);
            result.put(name, Destination.of(name, properties, SOURCE));
            index++;
        }
        return Map.copyOf(result);
    }

    @Override
    public Optional<Destination> load(String name, DestinationOptions options) {
        return Optional.ofNullable(destinations.get(name));
    }

    @Override
    public String describe() {
        return SOURCE;
    }
}
