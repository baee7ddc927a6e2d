package io.github.camelbtp.sandbox.onpremise.abap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code RFC_READ_TABLE}: rows of a few demo tables ({@code T000}, {@code TCURC}, {@code KNA1}) as SAP returns them —
 * fixed-width work areas in {@code DATA}, the chosen fields with offsets and lengths in {@code FIELDS}, simple
 * {@code FIELD = 'value'} conditions in {@code OPTIONS}, {@code ROWCOUNT} and {@code ROWSKIPS}.
 */
final class ReadTable {

    /** Tables {@code RFC_READ_TABLE} can read: name → (fields, rows). */
    private static final Map<String, List<String[]>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("T000", List.of(new String[] {"MANDT:3", "MTEXT:25", "ORT01:25", "MWAER:5"},
                new String[] {"000", "SAP AG Konzern", "Walldorf", "EUR"},
                new String[] {"001", "Auslieferungsmandant R11", "Kundstadt", "EUR"},
                new String[] {"100", "camel-btp sandbox", "Walldorf", "EUR"}));
        TABLES.put("TCURC", List.of(new String[] {"MANDT:3", "WAERS:5", "ISOCD:3"},
                new String[] {"100", "EUR", "EUR"}, new String[] {"100", "USD", "USD"},
                new String[] {"100", "JPY", "JPY"}, new String[] {"100", "CHF", "CHF"}));
        TABLES.put("KNA1", List.of(new String[] {"MANDT:3", "KUNNR:10", "NAME1:35", "LAND1:3", "ORT01:35"},
                new String[] {"100", "0000001000", "Becker Berlin", "DE", "Berlin"},
                new String[] {"100", "0000001172", "Carson Industries", "US", "Denver"},
                new String[] {"100", "0000001390", "Dupont Lyon", "FR", "Lyon"}));
    }

    private ReadTable() {
    }

    /** Is {@code kunnr} a customer of table KNA1 (the sales order BAPI checks the sold-to party against it). */
    static boolean isCustomer(String kunnr) {
        return TABLES.get("KNA1").stream().anyMatch(row -> row[1].equals(kunnr));
    }

    static Map<String, Object> call(AbapFunctions.Call call) throws AbapException {
        String table = call.string("QUERY_TABLE").trim();
        List<String[]> content = TABLES.get(table);
        if (content == null) {
            throw new AbapException("TABLE_NOT_AVAILABLE", "Table " + table + " is not available");
        }
        String delimiter = call.string("DELIMITER");
        String[] allFields = content.get(0);
        List<Integer> chosen = new ArrayList<>();
        for (Map<String, String> field : call.table("FIELDS")) {
            String wanted = field.getOrDefault("FIELDNAME", "").trim();
            int index = -1;
            for (int i = 0; i < allFields.length; i++) {
                if (allFields[i].startsWith(wanted + ":")) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new AbapException("FIELD_NOT_VALID", "Field " + wanted + " is not a field of table " + table);
            }
            chosen.add(index);
        }
        if (chosen.isEmpty()) {
            for (int i = 0; i < allFields.length; i++) {
                chosen.add(i);
            }
        }
        // OPTIONS: the WHERE clause, one line per row; this system understands "FIELD = 'VALUE'" joined by AND
        StringBuilder where = new StringBuilder();
        call.table("OPTIONS").forEach(o -> where.append(o.getOrDefault("TEXT", "")).append(' '));
        List<String[]> conditions = new ArrayList<>();
        for (String part : where.toString().trim().split("(?i)\\s+AND\\s+")) {
            if (part.isBlank()) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(\\w+)\\s*(?:=|EQ)\\s*'([^']*)'\\s*$")
                    .matcher(part);
            if (!m.matches()) {
                throw new AbapException("OPTION_NOT_VALID", "Selection option not understood: " + part.trim());
            }
            conditions.add(new String[] {m.group(1), m.group(2)});
        }
        int rowCount = parseInt(call.string("ROWCOUNT"));
        int skip = parseInt(call.string("ROWSKIPS"));
        List<Map<String, String>> fields = new ArrayList<>();
        int offset = 0;
        for (int index : chosen) {
            String[] nameLength = allFields[index].split(":");
            int length = Integer.parseInt(nameLength[1]);
            Map<String, String> f = new LinkedHashMap<>();
            f.put("FIELDNAME", nameLength[0]);
            f.put("OFFSET", String.format("%06d", offset));
            f.put("LENGTH", String.format("%06d", length));
            f.put("TYPE", "C");
            fields.add(f);
            offset += length + delimiter.length();
        }
        List<Map<String, String>> data = new ArrayList<>();
        int seen = 0;
        rows:
        for (String[] row : content.subList(1, content.size())) {
            for (String[] condition : conditions) {
                int column = columnOf(allFields, condition[0]);
                if (column < 0) {
                    throw new AbapException("FIELD_NOT_VALID", "Field " + condition[0] + " is not a field of table " + table);
                }
                if (!row[column].equals(condition[1])) {
                    continue rows;
                }
            }
            if (seen++ < skip) {
                continue;
            }
            if (rowCount > 0 && data.size() >= rowCount) {
                break;
            }
            StringBuilder wa = new StringBuilder();
            for (int i = 0; i < chosen.size(); i++) {
                int index = chosen.get(i);
                int length = Integer.parseInt(allFields[index].split(":")[1]);
                if (i > 0) {
                    wa.append(delimiter);
                }
                wa.append(pad(row[index], length));
            }
            data.add(Map.of("WA", wa.toString()));
        }
        return Map.of("FIELDS", fields, "DATA", data, "OPTIONS", call.table("OPTIONS"));
    }

    private static int columnOf(String[] fields, String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].startsWith(name + ":")) {
                return i;
            }
        }
        return -1;
    }

    private static String pad(String value, int length) {
        return value.length() >= length ? value.substring(0, length) : value + " ".repeat(length - value.length());
    }

    private static int parseInt(String value) {
        return value == null || value.isBlank() ? 0 : Integer.parseInt(value.trim());
    }
}
