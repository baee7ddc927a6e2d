package io.github.camelbtp.sandbox.observe;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One request as it arrived at a sandbox server.
 *
 * @param server   which server received it: {@code "sales"} (on-premise OData backend), {@code "cloud-api"} or
 *                 {@code "proxy"} (the connectivity proxy, before any check)
 * @param method   the HTTP method
 * @param path     the decoded path, without query
 * @param rawQuery the query exactly as sent (still percent-encoded), or {@code null} when there was none
 * @param headers  the request headers; names compare case-insensitively
 * @param time     when it arrived
 */
public record RecordedRequest(String server, String method, String path, String rawQuery,
        Map<String, List<String>> headers, Instant time) {

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "x-csrf-token", "sap-connectivity-authentication", "sap-connectivity-technical-authentication");

    /** Copies the headers into an immutable, case-insensitive map. */
    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
            List<String> merged = new java.util.ArrayList<>(a);
            merged.addAll(b);
            return List.copyOf(merged);
        }));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of header {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of header {@code name} (case-insensitive); empty when absent. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** Whether header {@code name} was sent. */
    public boolean hasHeader(String name) {
        return headers.containsKey(name);
    }

    /** Shows header names and values, but never the values of credential-carrying headers. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("RecordedRequest[").append(server).append(' ').append(method)
                .append(' ').append(path);
        if (rawQuery != null) {
            text.append('?').append(rawQuery);
        }
        text.append(", headers={");
        boolean first = true;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (!first) {
                text.append(", ");
            }
            first = false;
            boolean secret = SECRET_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT));
            text.append(header.getKey()).append('=').append(secret ? "****" : header.getValue());
        }
        return text.append("}, time=").append(time).append(']').toString();
    }
}
