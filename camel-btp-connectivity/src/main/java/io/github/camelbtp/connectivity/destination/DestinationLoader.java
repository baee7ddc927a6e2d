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
}
