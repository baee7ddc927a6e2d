package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationOptions;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Asks each loader in order; the first that knows the name wins. Errors of a loader are not swallowed. */
public final class ChainedDestinationLoader implements DestinationLoader {

    private final List<DestinationLoader> loaders;

    public ChainedDestinationLoader(List<DestinationLoader> loaders) {
        this.loaders = List.copyOf(loaders);
    }

    @Override
    public Optional<Destination> load(String name, DestinationOptions options) {
        DestinationNames.requireValid(name);
        for (DestinationLoader loader : loaders) {
            Optional<Destination> found = loader.load(name, options);
            if (found.isPresent()) {
                // once per load, before anything is sent: an unknown ProxyType must never mean Internet
                EnumeratedProperty.checkAll(found.get());
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return loaders.isEmpty() ? "no destination source configured"
                : loaders.stream().map(DestinationLoader::describe).collect(Collectors.joining(", "));
    }
}
