package io.github.camelbtp.rfc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ABAP type of a scalar parameter or field, as far as SAP's WSDL generator tells it
 * ({@code /sap/bc/soap/wsdl11}): it names its simple types after the ABAP type ({@code char10}, {@code numeric6},
 * {@code date}, {@code time}, {@code decimal15.2}, {@code byte16}) and uses XSD's own types for integers, floats and
 * strings.
 *
 * @param kind     the conversion family
 * @param length   characters (CHAR, NUMC) or total digits (DECIMAL); 0 when unbounded or not applicable
 * @param decimals digits after the point (DECIMAL)
 */
public record AbapType(Kind kind, int length, int decimals) {

    /** How values of a type are converted between Java and the wire. */
    public enum Kind {
        /** CHAR, SSTRING, STRING: {@code String}. */
        CHAR,
        /** NUMC: digits kept as a {@code String} with leading zeros (document numbers, not quantities). */
        NUMC,
        /** INT1, INT2, INT4: {@code Integer}; INT8: {@code Long}. */
        INTEGER,
        /** P, DEC, CURR, QUAN: {@code BigDecimal}. */
        DECIMAL,
        /** FLTP: {@code Double}. */
        FLOAT,
        /** DATS: {@code LocalDate}, wire {@code YYYY-MM-DD}; the initial date {@code 0000-00-00} is {@code null}. */
        DATE,
        /** TIMS: {@code LocalTime}, wire {@code HH:MM:SS}. */
        TIME,
        /** RAW, XSTRING: {@code byte[]}, wire base64. */
        BINARY
    }

    public static final AbapType STRING = new AbapType(Kind.CHAR, 0, 0);

    private static final Pattern SAP_SIMPLE = Pattern.compile("^(char|numeric|decimal|byte|string)(\\d*)(?:\\.(\\d+))?$");

    /**
     * The type for an XSD type name of SAP's WSDL, namespace prefix removed ({@code char10}, {@code int},
     * {@code decimal15.2} …); {@code null} when the name says nothing (then the simple type's restriction decides).
     */
    public static AbapType fromXsdName(String name) {
        String local = name.substring(name.indexOf(':') + 1);
        switch (local) {
            case "date":
                return new AbapType(Kind.DATE, 10, 0);
            case "time":
                return new AbapType(Kind.TIME, 8, 0);
            case "int", "short", "byte", "unsignedByte", "unsignedShort", "integer":
                return new AbapType(Kind.INTEGER, 0, 0);
            case "long":
                return new AbapType(Kind.INTEGER, 19, 0);
            case "double", "float":
                return new AbapType(Kind.FLOAT, 0, 0);
            case "base64Binary":
                return new AbapType(Kind.BINARY, 0, 0);
            case "string":
                return STRING;
            case "decimal":
                return new AbapType(Kind.DECIMAL, 0, 0);
            default:
                break;
        }
        Matcher m = SAP_SIMPLE.matcher(local.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        int length = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
        return switch (m.group(1)) {
            case "char", "string" -> new AbapType(Kind.CHAR, length, 0);
            case "numeric" -> new AbapType(Kind.NUMC, length, 0);
            case "decimal" -> new AbapType(Kind.DECIMAL, length, m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
            default -> new AbapType(Kind.BINARY, length, 0);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CHAR -> length == 0 ? "string" : "char" + length;
            case NUMC -> "numeric" + length;
            case DECIMAL -> "decimal" + length + "." + decimals;
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
