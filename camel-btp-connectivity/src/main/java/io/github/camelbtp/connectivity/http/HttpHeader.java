package io.github.camelbtp.connectivity.http;

import java.util.Set;

/**
 * A header the engine adds to a request. Values of headers that are not known to be harmless are masked in
 * {@code toString()}: authorization headers and {@code URL.headers.*} values (API keys) are secrets.
 */
public record HttpHeader(String name, String value) {

    private static final Set<String> SHOWN = Set.of("sap-connectivity-scc-location_id", "accept", "content-type", "sap-client",
            "sap-language");

    @Override
    public String toString() {
        return name + ": " + (SHOWN.contains(name.toLowerCase(java.util.Locale.ROOT)) ? value : "****");
    }
}
