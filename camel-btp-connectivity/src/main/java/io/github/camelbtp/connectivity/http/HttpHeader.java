package io.github.camelbtp.connectivity.http;

import java.util.Set;

/**
 * A header the engine adds to a request. Values of headers that are not known to be harmless are masked in
 * {@code toString()}: authorization headers and {@code URL.headers.*} values (API keys) are secrets.
 */
public record HttpHeader(String name, String value) {

    private static final Set<String> SHOWN = Set.of("sap-connectivity-scc-location_id", "accept", "content-type", "sap-client",
            "sap-language");

    /** RFC 9110 section 5.1: a field name is a token (letters, digits and !#$%&'*+-.^_`|~). */
    private static final java.util.regex.Pattern FIELD_NAME = java.util.regex.Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    /**
     * Whether {@code name} can be sent as a header name. A name with a line break or a colon would, written as it is,
     * end the header line and start another one the sender never meant (header injection).
     */
    public static boolean isFieldName(String name) {
        return name != null && FIELD_NAME.matcher(name).matches();
    }

    @Override
    public String toString() {
        return name + ": " + (SHOWN.contains(name.toLowerCase(java.util.Locale.ROOT)) ? value : "****");
    }
}
