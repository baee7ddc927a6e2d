package io.github.camelbtp.rfc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code RETURN} parameter of a BAPI: a structure (BAPIRETURN, BAPIRET2) or a table of them. Messages of type
 * {@code E} (error) or {@code A} (abort) mean the BAPI did not do its work (SAP's BAPI programming guide).
 */
final class BapiReturn {

    static final String PARAMETER = "RETURN";

    private BapiReturn() {
    }

    /** Every message in {@code RETURN}, empty when there is none (or only an empty structure). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> messages(Map<String, Object> output) {
        Object value = output.get(PARAMETER);
        List<Map<String, Object>> messages = new ArrayList<>();
        if (value instanceof Map<?, ?> single) {
            add(messages, (Map<String, Object>) single);
        } else if (value instanceof List<?> rows) {
            rows.forEach(row -> {
                if (row instanceof Map<?, ?> m) {
                    add(messages, (Map<String, Object>) m);
                }
            });
        }
        return messages;
    }

    private static void add(List<Map<String, Object>> messages, Map<String, Object> message) {
        Object type = message.get("TYPE");
        if (type != null && !type.toString().isBlank()) {
            messages.add(message);
        }
    }

    /** Throws {@link RfcBapiException} when a message is of type E or A. */
    static void check(String destination, String function, List<Map<String, Object>> messages) {
        if (messages.stream().anyMatch(RfcBapiException::isError)) {
            throw new RfcBapiException(destination, function, messages);
        }
    }
}
