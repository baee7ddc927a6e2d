package io.github.camelbtp.sandbox.onpremise.abap;

import java.util.List;
import java.util.Objects;

/**
 * The interface of a remote-enabled function module as SAP's WSDL generator describes it
 * ({@code /sap/bc/soap/wsdl11?services=FUNCTION}): importing, exporting, changing and table parameters, each a
 * scalar of an ABAP type, a structure or a table of a structure.
 */
final class AbapInterface {

    private AbapInterface() {
    }

    enum Direction { IMPORTING, EXPORTING, CHANGING, TABLES }

    /**
     * An ABAP elementary type and the XSD type SAP's generator gives it: CHAR n → {@code char<n>}, NUMC n →
     * {@code numeric<n>}, DATS → {@code date}, TIMS → {@code time}, INT4 → {@code xsd:int}, P(l,d) →
     * {@code decimal<l>.<d>}, FLTP → {@code xsd:double}, STRING → {@code xsd:string}.
     */
    record Type(String kind, int length, int decimals) {

        static Type charN(int length) {
            return new Type("CHAR", length, 0);
        }

        static Type numc(int length) {
            return new Type("NUMC", length, 0);
        }

        static Type packed(int digits, int decimals) {
            return new Type("P", digits, decimals);
        }

        static final Type DATE = new Type("DATS", 8, 0);
        static final Type TIME = new Type("TIMS", 6, 0);
        static final Type INT = new Type("INT4", 10, 0);
        static final Type FLOAT = new Type("FLTP", 16, 0);
        static final Type STRING = new Type("STRING", 0, 0);

        /** The XSD type as written in the WSDL ({@code s0:} prefix for SAP's own simple types). */
        String xsd() {
            return switch (kind) {
                case "CHAR" -> "s0:char" + length;
                case "NUMC" -> "s0:numeric" + length;
                case "DATS" -> "s0:date";
                case "TIMS" -> "s0:time";
                case "INT4" -> "xsd:int";
                case "P" -> "s0:decimal" + length + "." + decimals;
                case "FLTP" -> "xsd:double";
                default -> "xsd:string";
            };
        }

        /** The initial value ABAP sends for an empty field of this type. */
        String initial() {
            return switch (kind) {
                case "NUMC" -> "0".repeat(length);
                case "DATS" -> "0000-00-00";
                case "TIMS" -> "00:00:00";
                case "INT4" -> "0";
                case "P" -> decimals == 0 ? "0" : "0." + "0".repeat(decimals);
                case "FLTP" -> "0.0E+00";
                default -> "";
            };
        }
    }

    record Field(String name, Type type) {
    }

    /** A named structure type (a DDIC structure such as BAPIRET2). */
    record Structure(String name, List<Field> fields) {

        Structure {
            fields = List.copyOf(fields);
        }

        Type typeOf(String field) {
            return fields.stream().filter(f -> f.name().equals(field)).map(Field::type).findFirst().orElse(null);
        }
    }

    /**
     * One parameter: a scalar ({@code type}) or a structure ({@code structure}); TABLES parameters are tables of
     * {@code structure}.
     */
    record Parameter(String name, Direction direction, Type type, Structure structure, boolean optional) {

        Parameter {
            Objects.requireNonNull(name);
            if ((type == null) == (structure == null)) {
                throw new IllegalArgumentException(name + ": a parameter is a scalar or a structure");
            }
        }

        boolean isTable() {
            return direction == Direction.TABLES;
        }

        boolean isInput() {
            return direction != Direction.EXPORTING;
        }

        boolean isOutput() {
            return direction != Direction.IMPORTING;
        }
    }

    static Parameter importing(String name, Type type) {
        return new Parameter(name, Direction.IMPORTING, type, null, true);
    }

    static Parameter importing(String name, Structure structure) {
        return new Parameter(name, Direction.IMPORTING, null, structure, true);
    }

    static Parameter exporting(String name, Type type) {
        return new Parameter(name, Direction.EXPORTING, type, null, false);
    }

    static Parameter exporting(String name, Structure structure) {
        return new Parameter(name, Direction.EXPORTING, null, structure, false);
    }

    static Parameter changing(String name, Type type) {
        return new Parameter(name, Direction.CHANGING, type, null, true);
    }

    static Parameter tables(String name, Structure structure) {
        return new Parameter(name, Direction.TABLES, null, structure, true);
    }
}
