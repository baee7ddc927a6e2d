package io.github.camelbtp.rfc.soap;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cookies of one session with one ABAP system ({@code sap-contextid}, {@code SAP_SESSIONID_<SID>_<client>}, …):
 * taken from {@code Set-Cookie} answers and sent back on the session's later requests. All requests of a session go
 * to the same system and ICF service, so names and values are all that matters. Kept apart from HttpClient's cookie
 * handling, which matches a cookie's {@code Path} (ICF sets the service path, {@code /sap/bc/soap/rfc}) against the
 * request path including its query, and so would not send it back to {@code /sap/bc/soap/rfc?sap-client=…}.
 * Not thread-safe: a session belongs to one exchange.
 */
final class SessionCookies {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    void takeFrom(HttpResponse response) {
        for (Header header : response.getHeaders("Set-Cookie")) {
            String value = header.getValue();
            int end = value.indexOf(';');
            String pair = (end < 0 ? value : value.substring(0, end)).trim();
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String cookieValue = pair.substring(eq + 1).trim();
            String attributes = end < 0 ? "" : value.substring(end).toLowerCase(java.util.Locale.ROOT);
            if (cookieValue.isEmpty() || attributes.contains("max-age=0") || attributes.contains("expires=thu, 01")) {
                cookies.remove(name); // the server ended it
            } else {
                cookies.put(name, cookieValue);
            }
        }
    }

    void addTo(HttpRequest request) {
        if (!cookies.isEmpty()) {
            request.setHeader("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
    }

    boolean has(String name) {
        return cookies.containsKey(name);
    }

    void clear() {
        cookies.clear();
    }
}
