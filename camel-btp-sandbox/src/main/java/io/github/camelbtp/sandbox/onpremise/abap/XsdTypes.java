package io.github.camelbtp.sandbox.onpremise.abap;

import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Parameter;
import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Structure;
import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SAP's simple XSD types of SOAP-RFC ({@code char10}, {@code numeric6}, {@code date}, {@code time},
 * {@code decimal15.2}, …): inputs are checked against the function's interface as the SOAP runtime does
 * ({@code CX_ST_MATCH_ELEMENT}, {@code CX_SY_CONVERSION_ERROR}), outputs formatted as SAP's serializer writes them.
 */
final class XsdTypes {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}:\\d{2}");

    private XsdTypes() {
    }

    /** Checks inputs against the interface and the formats of SAP's XSD types, as the SOAP runtime does. */
    static Map<String, Object> validate(AbapFunctions.Function function, Map<String, Object> parameters)
            throws AbapException {
        Map<String, Object> input = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : parameters.entrySet()) {
            Parameter parameter = function.parameter(entry.getKey()).orElseThrow(() -> new AbapException(
                    "CX_ST_MATCH_ELEMENT", "Function module " + function.name() + " has no parameter " + entry.getKey()));
            if (!parameter.isInput()) {
                continue; // an exporting parameter sent by a client is ignored, as SAP does
            }
            Object value = entry.getValue();
            if (parameter.isTable()) {
                List<Map<String, String>> rows = new ArrayList<>();
                if (value instanceof List<?> list) {
                    for (Object row : list) {
                        rows.add(checkStructure(parameter.name(), parameter.structure(), asMap(row)));
                    }
                } else if (value instanceof Map<?, ?> || !value.toString().isBlank()) {
                    throw new AbapException("CX_ST_MATCH_ELEMENT", "Table " + parameter.name() + " expects <item> rows");
                }
                input.put(parameter.name(), rows);
            } else if (parameter.structure() != null) {
                if (value instanceof String s && s.isBlank()) {
                    value = Map.of();
                }
                if (!(value instanceof Map<?, ?>)) {
                    throw new AbapException("CX_ST_MATCH_ELEMENT", "Structure " + parameter.name() + " expects fields");
                }
                input.put(parameter.name(), checkStructure(parameter.name(), parameter.structure(), asMap(value)));
            } else {
                if (!(value instanceof String s)) {
                    throw new AbapException("CX_ST_MATCH_ELEMENT", "Parameter " + parameter.name() + " is a scalar");
                }
                input.put(parameter.name(), check(parameter.name(), parameter.type(), s));
            }
        }
        return input;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    private static Map<String, String> checkStructure(String parameter, Structure structure, Map<String, String> fields)
            throws AbapException {
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            Type type = structure.typeOf(field.getKey());
            if (type == null) {
                throw new AbapException("CX_ST_MATCH_ELEMENT", "Structure " + structure.name() + " of parameter "
                        + parameter + " has no field " + field.getKey());
            }
            checked.put(field.getKey(), check(parameter + "-" + field.getKey(), type, field.getValue()));
        }
        return checked;
    }

    private static String check(String name, Type type, String raw) throws AbapException {
        String value = raw.strip();
        if (value.isEmpty()) {
            return "";
        }
        boolean valid = switch (type.kind()) {
            case "NUMC" -> value.matches("\\d{1," + type.length() + "}");
            case "DATS" -> DATE.matcher(value).matches() && (value.equals("0000-00-00") || parses(() -> LocalDate.parse(value)));
            case "TIMS" -> TIME.matcher(value).matches() && parses(() -> LocalTime.parse(value));
            case "INT4" -> value.matches("-?\\d{1,10}") && parses(() -> Integer.parseInt(value));
            case "P" -> parses(() -> new BigDecimal(value)) && new BigDecimal(value).scale() <= type.decimals();
            case "FLTP" -> parses(() -> Double.parseDouble(value));
            case "CHAR" -> raw.length() <= type.length();
            default -> true;
        };
        if (!valid) {
            throw new AbapException("CX_SY_CONVERSION_ERROR", "Value '" + raw + "' of " + name
                    + " does not match type " + type.xsd().replace("s0:", "").replace("xsd:", ""));
        }
        return type.kind().equals("NUMC") ? "0".repeat(type.length() - value.length()) + value
                : type.kind().equals("CHAR") ? raw.stripTrailing() : value;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A value as SAP's serializer writes it for the type; missing values are the type's initial value. */
    static String format(Type type, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return type.initial();
        }
        return switch (type.kind()) {
            case "NUMC" -> {
                String digits = value.toString().trim();
                yield digits.length() >= type.length() ? digits : "0".repeat(type.length() - digits.length()) + digits;
            }
            case "P" -> new BigDecimal(value.toString().trim()).setScale(type.decimals(), java.math.RoundingMode.HALF_UP)
                    .toPlainString();
            case "FLTP" -> String.format(Locale.ROOT, "%.16E", Double.parseDouble(value.toString()));
            case "TIMS" -> value instanceof LocalTime t
                    ? String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond())
                    : value.toString();
            case "CHAR" -> {
                String s = value.toString().stripTrailing();
                yield s.length() > type.length() ? s.substring(0, type.length()) : s;
            }
            default -> value.toString();
        };
    }
}
