package io.github.camelbtp.sandbox.destination;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subaccount's certificate files (key and trust stores) the Destination Service keeps next to destinations
 * (admin API {@code subaccountCertificates}); a find answer carries the ones its destination names in
 * {@code KeyStoreLocation}/{@code TrustStoreLocation} as {@code certificates[]}. Thread-safe.
 */
public final class Certificates {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    public Certificates() {
    }

    /** Uploads (or replaces) a file under {@code name}, e.g. {@code client.p12}. */
    public Certificates put(String name, byte[] content) {
        files.put(Objects.requireNonNull(name, "name"), content.clone());
        return this;
    }

    public boolean delete(String name) {
        return files.remove(name) != null;
    }

    Optional<byte[]> get(String name) {
        return Optional.ofNullable(name == null ? null : files.get(name)).map(byte[]::clone);
    }

    @Override
    public String toString() {
        return "Certificates" + files.keySet();
    }
}
