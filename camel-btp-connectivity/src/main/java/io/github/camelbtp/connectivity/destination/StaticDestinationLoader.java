package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationOptions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Destinations given in configuration (component or Spring Boot properties, tests). Immutable. Each is checked when
 * the loader is created ({@link DestinationLoader#checkConfigured}), so a mistake fails the start.
 */
public final class StaticDestinationLoader implements DestinationLoader {

    public static final String SOURCE = "static configuration";

    private final Map<String, Destination> destinations;

    public StaticDestinationLoader(Collection<Destination> destinations) {
        Map<String, Destination> byName = new LinkedHashMap<>();
        destinations.forEach(d -> byName.put(d.name(), DestinationLoader.checkConfigured(d)));
        this.destinations = Map.copyOf(byName);
    }

    /** From a map of destination name to its properties. */
    public static StaticDestinationLoader of(Map<String, Map<String, String>> destinations) {
        return new StaticDestinationLoader(destinations.entrySet().stream()
                .map(e -> Destination.of(e.getKey(), e.getValue(), SOURCE)).toList());
    }

    @Override
    public Optional<Destination> load(String name, DestinationOptions options) {
        return Optional.ofNullable(destinations.get(name));
    }

    @Override
    public String describe() {
        return SOURCE + " (" + destinations.size() + " destinations)";
    }
}
