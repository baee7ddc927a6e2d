package io.github.camelbtp.rfc;

import java.util.regex.Pattern;

/**
 * The shape of an ABAP repository name — a function module, parameter, structure field or table: at most 30
 * characters (FUNCNAME, PARAMETER and FIELDNAME are CHAR 30 in the ABAP dictionary) of letters, digits and
 * {@code _}, optionally behind a namespace prefix such as {@code /BIC/}. Names reach the SOAP-RFC request as XML element
 * names and the function also reaches the {@code SOAPAction} header and the WSDL query, so anything else (markup,
 * quotes, spaces, line breaks) is refused before a byte is sent.
 */
public final class AbapName {

    /** Longest ABAP name, namespace prefix included. */
    public static final int MAX_LENGTH = 30;

    private static final Pattern NAME = Pattern.compile("(/[A-Za-z0-9_]{1,8}/)?[A-Za-z0-9_]+");

    private AbapName() {
    }

    /** Whether {@code name} has the shape of an ABAP name. */
    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    /** Why {@code name} is refused, for messages; {@code what} says which kind of name it is ("parameter", …). */
    public static String problem(String what, String name) {
        return "the " + what + " name '" + printable(name) + "' is not an ABAP name (at most " + MAX_LENGTH
                + " letters, digits or '_', optionally behind a namespace such as /BIC/)";
    }

    /**
     * The function module name of an endpoint or a call, checked.
     *
     * @throws RfcConversionException naming the destination and the refused name
     */
    public static String requireFunction(String destinationName, String function) {
        if (!isValid(function)) {
            throw new RfcConversionException(destinationName, printable(function), "Cannot call function module '"
                    + printable(function) + "' through destination '" + destinationName + "': "
                    + problem("function module", function) + ". Check the name in transaction SE37.");
        }
        return function;
    }

    /** The name as it may appear in a message: control characters shown as {@code \\uXXXX}, cut at 60 characters. */
    static String printable(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && i < 60; i++) {
            char c = name.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return name.length() > 60 ? out + "…" : out.toString();
    }
}
