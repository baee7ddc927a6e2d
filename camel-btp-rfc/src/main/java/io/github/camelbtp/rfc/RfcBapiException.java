package io.github.camelbtp.rfc;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A BAPI reported an error in its {@code RETURN} parameter (a message of type {@code E} or {@code A}). Raised when
 * the endpoint option {@code checkReturn} is on, and always when {@code commit=true} (the call is then rolled back).
 */
public class RfcBapiException extends RfcException {

    private final List<Map<String, Object>> messages;

    public RfcBapiException(String destinationName, String function, List<Map<String, Object>> messages) {
        super(destinationName, function, "BAPI " + function + " (destination '" + destinationName + "') returned "
                + messages.stream().filter(RfcBapiException::isError).map(RfcBapiException::describe)
                        .collect(Collectors.joining("; ")) + ". The call's changes were not committed.");
        this.messages = List.copyOf(messages);
    }

    /** Every {@code RETURN} message (all types: S, I, W, E, A), as the BAPI returned them. */
    public List<Map<String, Object>> messages() {
        return messages;
    }

    /** The text of the first error message. */
    public String firstError() {
        return messages.stream().filter(RfcBapiException::isError).map(m -> String.valueOf(m.get("MESSAGE")))
                .findFirst().orElse("");
    }

    static boolean isError(Map<String, Object> message) {
        Object type = message.get("TYPE");
        return "E".equals(type) || "A".equals(type);
    }

    private static String describe(Map<String, Object> m) {
        Object id = m.get("ID") != null ? m.get("ID") : m.get("CODE");
        Object number = m.get("NUMBER");
        return m.get("TYPE") + (id == null || id.toString().isBlank() ? "" : " " + id + (number == null ? "" : "/" + number))
                + " '" + m.get("MESSAGE") + "'";
    }
}
