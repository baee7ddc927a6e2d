package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.http.HttpHeader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code sap-client} and {@code sap-language} of an HTTP destination to an SAP system, as request headers — what
 * SAP's SDKs do (facts §2): without them the request silently runs in the system's default client.
 * A {@code URL.headers.*} entry of the same name wins.
 */
enum SapSystemHeaders {
    CLIENT(DestinationProperty.SAP_CLIENT, "\\d{3}", "an ABAP client is three digits, for example 100."),
    LANGUAGE(DestinationProperty.SAP_LANGUAGE, "[A-Za-z0-9]{1,2}|[A-Za-z]{2,3}[-_][A-Za-z]{2}",
            "a logon language is an SAP language key or ISO code such as EN, DE or en-US.");

    private final String property;
    private final Pattern shape;
    private final String expected;

    SapSystemHeaders(String property, String shape, String expected) {
        this.property = property;
        this.shape = Pattern.compile(shape);
        this.expected = expected;
    }

    /** The headers the destination's {@code sap-client} / {@code sap-language} properties add. */
    static List<HttpHeader> of(Destination destination) {
        List<HttpHeader> headers = new ArrayList<>(2);
        Set<String> urlHeaders = new HashSet<>();
        destination.propertiesWithPrefix(DestinationProperty.URL_HEADERS_PREFIX).keySet()
                .forEach(k -> urlHeaders.add(k.toLowerCase(Locale.ROOT)));
        for (SapSystemHeaders header : values()) {
            destination.property(header.property).map(String::trim)
                    .filter(v -> !v.isEmpty() && !urlHeaders.contains(header.property)).ifPresent(value -> {
                        if (!header.shape.matcher(value).matches()) {
                            throw new DestinationConfigurationException(destination.name(), header.property, "is '"
                                    + DestinationProperty.forMessage(header.property, value) + "', but " + header.expected);
                        }
                        headers.add(new HttpHeader(header.property, value));
                    });
        }
        return headers;
    }
}
