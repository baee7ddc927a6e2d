package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationOptions;

import java.util.Optional;

/**
 * Step 1 of the engine, <em>Find</em>: looks a destination up by name in one source.
 * <p>
 * Returns an empty optional when this source does not know the name (so a chain can ask the next source), and
 * throws a {@link io.github.camelbtp.connectivity.BtpConnectivityException} when the source failed. Implementations
 * are thread-safe.
 */
public interface DestinationLoader {

    Optional<Destination> load(String name, DestinationOptions options);

    /** A short, human-readable description of the source, used in "not found" messages. */
    String describe();

    /**
     * What a source of configured destinations (static configuration, the {@code destinations} environment variable)
     * checks when it is created, so that a mistake fails the application's start instead of its first request: the
     * name, every enumerated property ({@link EnumeratedProperty}) and, for HTTP destinations, the {@code URL} and the
     * properties the authentication type requires. What depends on a request (the user's token) is checked at use.
     *
     * @return the destination
     * @throws io.github.camelbtp.connectivity.DestinationConfigurationException naming destination and property
     */
    static Destination checkConfigured(Destination destination) {
        DestinationNames.requireValid(destination.name());
        EnumeratedProperty.checkAll(destination);
        if (destination.type() == DestinationType.HTTP) {
            destination.requireProperty(DestinationProperty.URL, "an HTTP destination needs the address to call");
            AuthenticationType.of(destination).validateConfiguration(destination);
        }
        return destination;
    }
}
