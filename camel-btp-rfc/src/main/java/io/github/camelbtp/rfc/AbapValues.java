package io.github.camelbtp.rfc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

/**
 * Converts values between Java and SOAP-RFC's XML text for an {@link AbapType}: numbers, dates ({@code YYYY-MM-DD}),
 * times ({@code HH:MM:SS}) and ABAP flags ({@code X} / blank for {@code true} / {@code false}). Without a type (no
 * metadata) values go out as their text and come back as {@code String}s.
 * Failures are {@link IllegalArgumentException}s whose message says what was expected; callers add where.
 */
public final class AbapValues {

    private static final DateTimeFormatter ABAP_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter ABAP_TIME = DateTimeFormatter.ofPattern("HHmmss");

    private AbapValues() {
    }

    /** The wire text of {@code value}; {@code null} for a {@code null} value (the parameter is then left out). */
    public static String toWire(AbapType type, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean flag) {
            // ABAP has no boolean: flags are CHAR1, 'X' for true and blank for false
            return flag ? "X" : "";
        }
        if (type == null) {
            return untyped(value);
        }
        return switch (type.kind()) {
            case CHAR -> {
                String text = value instanceof byte[] ? Base64.getEncoder().encodeToString((byte[]) value) : untyped(value);
                if (type.length() > 0 && text.length() > type.length()) {
                    throw new IllegalArgumentException("'" + abbreviate(text) + "' has " + text.length()
                            + " characters, but " + type + " holds " + type.length());
                }
                yield text;
            }
            case NUMC -> {
                String digits = value instanceof Number n ? integral(n).toString() : value.toString().trim();
                if (!digits.matches("\\d*") || type.length() > 0 && digits.length() > type.length()) {
                    throw new IllegalArgumentException("'" + abbreviate(digits) + "' is not a " + type
                            + " (up to " + type.length() + " digits)");
                }
                yield type.length() > 0 && !digits.isEmpty() ? "0".repeat(type.length() - digits.length()) + digits : digits;
            }
            case INTEGER -> {
                if (value instanceof Number n) {
                    yield integral(n).toString();
                }
                String text = value.toString().trim();
                try {
                    yield Long.toString(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + abbreviate(text) + "' is not an integer");
                }
            }
            case DECIMAL -> {
                BigDecimal decimal;
                try {
                    decimal = value instanceof BigDecimal b ? b : new BigDecimal(value.toString().trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + abbreviate(value.toString()) + "' is not a decimal number");
                }
                BigDecimal stripped = decimal.stripTrailingZeros();
                if (stripped.scale() > type.decimals() && type.length() > 0) {
                    throw new IllegalArgumentException(decimal.toPlainString() + " has more than " + type.decimals()
                            + " decimals, which " + type + " would round away");
                }
                yield decimal.toPlainString();
            }
            case FLOAT -> {
                try {
                    yield Double.toString(value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + abbreviate(value.toString()) + "' is not a number");
                }
            }
            case DATE -> date(value);
            case TIME -> time(value);
            case BINARY -> value instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : value.toString();
        };
    }

    /** The Java value of wire text: typed when {@code type} is known, a {@code Boolean} for flags, else the text. */
    public static Object fromWire(AbapType type, String text, boolean flag) {
        if (flag) {
            return "X".equals(text.trim());
        }
        if (type == null) {
            return text;
        }
        String trimmed = text.trim();
        try {
            return switch (type.kind()) {
                case CHAR, NUMC -> text;
                case INTEGER -> trimmed.isEmpty() ? null : type.length() > 10 ? (Object) Long.valueOf(trimmed)
                        : (Object) Integer.valueOf(trimmed);
                case DECIMAL -> trimmed.isEmpty() ? null : new BigDecimal(trimmed);
                case FLOAT -> trimmed.isEmpty() ? null : Double.valueOf(trimmed);
                case DATE -> trimmed.isEmpty() || trimmed.chars().allMatch(c -> c == '0' || c == '-') ? null
                        : trimmed.length() == 8 ? LocalDate.parse(trimmed, ABAP_DATE) : isoDate(trimmed);
                case TIME -> trimmed.isEmpty() ? null : trimmed.length() == 6 ? LocalTime.parse(trimmed, ABAP_TIME)
                        : isoTime(trimmed);
                case BINARY -> Base64.getMimeDecoder().decode(trimmed);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a valid " + type);
        }
    }

    /**
     * {@code YYYY-MM-DD}, the form SOAP-RFC answers carry, read by its digits: a large table has two dates a row, and
     * {@link LocalDate#parse} costs most of such an answer's parsing (docs/performance.md, target 7). As strict as
     * ISO_LOCAL_DATE ({@link LocalDate#of} refuses February 30); any other form goes to {@link LocalDate#parse}.
     */
    private static LocalDate isoDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** {@code HH:MM:SS} by its digits, as strict as ISO_LOCAL_TIME; any other form goes to {@link LocalTime#parse}. */
    private static LocalTime isoTime(String text) {
        if (text.length() == 8 && text.charAt(2) == ':' && text.charAt(5) == ':') {
            int hour = digits(text, 0, 2);
            int minute = digits(text, 3, 5);
            int second = digits(text, 6, 8);
            if (hour >= 0 && minute >= 0 && second >= 0) {
                return LocalTime.of(hour, minute, second);
            }
        }
        return LocalTime.parse(text);
    }

    /** The decimal number text[from, to) spells, or -1 when a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String untyped(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return date(value);
        }
        if (value instanceof LocalTime) {
            return time(value);
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }

    private static BigInteger integral(Number n) {
        if (n instanceof BigDecimal b) {
            try {
                return b.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(b.toPlainString() + " is not a whole number");
            }
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException(d + " is not a whole number");
            }
            return BigDecimal.valueOf(d).toBigInteger();
        }
        return n instanceof BigInteger bi ? bi : BigInteger.valueOf(n.longValue());
    }

    private static String date(Object value) {
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof LocalDateTime dt) {
            return dt.toLocalDate().toString();
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return "";
        }
        try {
            // ISO (what SOAP-RFC carries) or ABAP's internal YYYYMMDD
            return (text.length() == 8 ? LocalDate.parse(text, ABAP_DATE) : LocalDate.parse(text)).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static String time(Object value) {
        LocalTime time;
        if (value instanceof LocalTime t) {
            time = t;
        } else {
            String text = value.toString().trim();
            if (text.isEmpty()) {
                return "";
            }
            try {
                time = text.length() == 6 ? LocalTime.parse(text, ABAP_TIME) : LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a time (HH:MM:SS)");
            }
        }
        return String.format(Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
