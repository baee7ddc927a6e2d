package io.github.camelbtp.connectivity.binding;

import java.util.Map;
import java.util.Optional;

/**
 * One bound service instance: its name, its service label ({@code destination}, {@code connectivity}, …) and its
 * credentials as string values. {@code toString()} shows only the credential keys.
 */
public record ServiceBinding(String name, String label, Map<String, String> credentials) {

    public ServiceBinding {
        credentials = Map.copyOf(credentials);
    }

    /** The first non-blank value among the given keys (SAP renamed some keys over time). */
    public Optional<String> credential(String... keys) {
        for (String key : keys) {
            String value = credentials.get(key);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ServiceBinding[name=" + name + ", label=" + label + ", credentialKeys=" + credentials.keySet() + "]";
    }
}
