package io.github.camelbtp.rfc;

/**
 * The function module raised an ABAP exception ({@code RAISE} / {@code MESSAGE … RAISING}), which SOAP-RFC answers
 * as a SOAP fault naming the exception [facts §7].
 */
public class RfcAbapException extends RfcException {

    private final String key;
    private final String text;

    public RfcAbapException(String destinationName, String function, String key, String text) {
        super(destinationName, function, "Function module " + function + " (destination '" + destinationName
                + "') raised ABAP exception " + key + (text == null || text.isBlank() || text.equals(key) ? "" : ": " + text)
                + ". This is the function's answer, not a connectivity problem; see the function's documentation (SE37)"
                + " for when it raises " + key + ".");
        this.key = key;
        this.text = text;
    }

    /** The exception's name in the function's interface, e.g. {@code TABLE_NOT_AVAILABLE}. */
    public String key() {
        return key;
    }

    /** The exception's message text, or the key when the system sent none. */
    public String text() {
        return text;
    }
}
