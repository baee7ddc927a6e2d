package io.github.camelbtp.sandbox.onpremise.abap;

import static io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.changing;
import static io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.exporting;
import static io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.importing;
import static io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.tables;

import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Field;
import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Parameter;
import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Structure;
import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The remote-enabled function modules of the sandbox ABAP system: SAP's standard ones ({@code RFC_PING},
 * {@code STFC_CONNECTION}, {@code RFC_READ_TABLE}, {@code RFC_SYSTEM_INFO}, the sales order BAPIs and
 * {@code BAPI_TRANSACTION_COMMIT}/{@code ROLLBACK}) with simplified but faithful interfaces, and custom ones
 * ({@code Z_GET_SALES_DATA}, {@code Z_CBTP_TYPES}, {@code Z_CBTP_RAISE}, {@code /CBTP/ECHO}).
 */
final class AbapFunctions {

    /** What an implementation receives: parameters as sent (strings, maps of strings, lists of maps) and its context. */
    record Call(Map<String, Object> input, AbapSessions.Session session, String user, String client, String language) {

        String string(String name) {
            Object value = input.get(name);
            return value instanceof String s ? s : "";
        }

        @SuppressWarnings("unchecked")
        Map<String, String> structure(String name) {
            Object value = input.get(name);
            return value instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, String>> table(String name) {
            Object value = input.get(name);
            return value instanceof List<?> l ? (List<Map<String, String>>) l : List.of();
        }
    }

    @FunctionalInterface
    interface Implementation {
        /** Returns the output parameters: scalars, structures as maps, tables as {@link Iterable}s of maps. */
        Map<String, Object> call(Call call) throws AbapException;
    }

    /** A function module: its interface and what it does. */
    record Function(String name, List<Parameter> parameters, Implementation implementation) {

        Optional<Parameter> parameter(String parameterName) {
            return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
        }
    }

    static final Structure BAPIRET2 = new Structure("BAPIRET2", List.of(
            new Field("TYPE", Type.charN(1)), new Field("ID", Type.charN(20)), new Field("NUMBER", Type.numc(3)),
            new Field("MESSAGE", Type.charN(220)), new Field("MESSAGE_V1", Type.charN(50)),
            new Field("PARAMETER", Type.charN(32)), new Field("ROW", Type.INT), new Field("FIELD", Type.charN(30)),
            new Field("SYSTEM", Type.charN(10))));
    static final Structure BAPIRETURN = new Structure("BAPIRETURN", List.of(
            new Field("TYPE", Type.charN(1)), new Field("CODE", Type.charN(5)), new Field("MESSAGE", Type.charN(220)),
            new Field("MESSAGE_V1", Type.charN(50))));
    static final Structure BAPIORDERS = new Structure("BAPIORDERS", List.of(
            new Field("SD_DOC", Type.charN(10)), new Field("ITM_NUMBER", Type.numc(6)),
            new Field("MATERIAL", Type.charN(40)), new Field("SHORT_TEXT", Type.charN(40)),
            new Field("DOC_TYPE", Type.charN(4)), new Field("DOC_DATE", Type.DATE),
            new Field("REQ_QTY", Type.packed(15, 3)), new Field("NET_VALUE", Type.packed(15, 2)),
            new Field("CURRENCY", Type.charN(5)), new Field("SOLD_TO", Type.charN(10)),
            new Field("SALES_ORG", Type.charN(4)), new Field("PURCH_NO", Type.charN(20))));
    static final Structure BAPISDHD1 = new Structure("BAPISDHD1", List.of(
            new Field("DOC_TYPE", Type.charN(4)), new Field("SALES_ORG", Type.charN(4)),
            new Field("DISTR_CHAN", Type.charN(2)), new Field("DIVISION", Type.charN(2)),
            new Field("PURCH_NO_C", Type.charN(35)), new Field("REQ_DATE_H", Type.DATE),
            new Field("CURRENCY", Type.charN(5))));
    static final Structure BAPIPARNR = new Structure("BAPIPARNR", List.of(
            new Field("PARTN_ROLE", Type.charN(2)), new Field("PARTN_NUMB", Type.charN(10))));
    static final Structure BAPISDITM = new Structure("BAPISDITM", List.of(
            new Field("ITM_NUMBER", Type.numc(6)), new Field("MATERIAL", Type.charN(40)),
            new Field("SHORT_TEXT", Type.charN(40)), new Field("TARGET_QTY", Type.packed(13, 3)),
            new Field("NET_VALUE", Type.packed(15, 2))));
    static final Structure RFC_DB_OPT = new Structure("RFC_DB_OPT", List.of(new Field("TEXT", Type.charN(72))));
    static final Structure RFC_DB_FLD = new Structure("RFC_DB_FLD", List.of(
            new Field("FIELDNAME", Type.charN(30)), new Field("OFFSET", Type.numc(6)), new Field("LENGTH", Type.numc(6)),
            new Field("TYPE", Type.charN(1)), new Field("FIELDTEXT", Type.charN(60))));
    static final Structure TAB512 = new Structure("TAB512", List.of(new Field("WA", Type.charN(512))));
    static final Structure RFCSI = new Structure("RFCSI", List.of(
            new Field("RFCPROTO", Type.charN(3)), new Field("RFCSYSID", Type.charN(8)),
            new Field("RFCDBSYS", Type.charN(10)), new Field("RFCSAPRL", Type.charN(4))));
    static final Structure ZSALES = new Structure("ZCBTP_SALES", List.of(
            new Field("VBELN", Type.charN(10)), new Field("POSNR", Type.numc(6)), new Field("ERDAT", Type.DATE),
            new Field("ERZET", Type.TIME), new Field("MATNR", Type.charN(18)), new Field("KWMENG", Type.packed(13, 3)),
            new Field("NETWR", Type.packed(15, 2)), new Field("WAERK", Type.charN(5)),
            new Field("CANCELLED", Type.charN(1))));
    static final Structure ZTYPES = new Structure("ZCBTP_TYPES", List.of(
            new Field("FIELD_C", Type.charN(20)), new Field("FIELD_N", Type.numc(8)), new Field("FIELD_I", Type.INT),
            new Field("FIELD_P", Type.packed(11, 3)), new Field("FIELD_F", Type.FLOAT), new Field("FIELD_D", Type.DATE),
            new Field("FIELD_T", Type.TIME), new Field("FIELD_X", Type.charN(1))));

    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final AbapSalesOrders orders;
    private final String systemId;

    AbapFunctions(AbapSalesOrders orders, String systemId) {
        this.orders = orders;
        this.systemId = systemId;
        add("RFC_PING", List.of(), call -> Map.of());
        add("STFC_CONNECTION", List.of(importing("REQUTEXT", Type.charN(255)), exporting("ECHOTEXT", Type.charN(255)),
                exporting("RESPTEXT", Type.charN(255))), this::stfcConnection);
        add("RFC_SYSTEM_INFO", List.of(exporting("RFCSI_EXPORT", RFCSI)), call -> Map.of("RFCSI_EXPORT",
                Map.of("RFCPROTO", "011", "RFCSYSID", systemId, "RFCDBSYS", "HDB", "RFCSAPRL", "758")));
        add("RFC_READ_TABLE", List.of(importing("QUERY_TABLE", Type.charN(30)), importing("DELIMITER", Type.charN(1)),
                importing("ROWCOUNT", Type.INT), importing("ROWSKIPS", Type.INT), tables("OPTIONS", RFC_DB_OPT),
                tables("FIELDS", RFC_DB_FLD), tables("DATA", TAB512)), ReadTable::call);
        add("BAPI_SALESORDER_GETLIST", List.of(importing("CUSTOMER_NUMBER", Type.charN(10)),
                importing("SALES_ORGANIZATION", Type.charN(4)), importing("DOCUMENT_DATE", Type.DATE),
                importing("DOCUMENT_DATE_TO", Type.DATE), exporting("RETURN", BAPIRETURN),
                tables("SALES_ORDERS", BAPIORDERS)), this::salesOrderList);
        add("BAPI_SALESORDER_CREATEFROMDAT2", List.of(importing("ORDER_HEADER_IN", BAPISDHD1),
                importing("TESTRUN", Type.charN(1)), exporting("SALESDOCUMENT", Type.charN(10)),
                tables("RETURN", BAPIRET2), tables("ORDER_ITEMS_IN", BAPISDITM), tables("ORDER_PARTNERS", BAPIPARNR)),
                this::createSalesOrder);
        add("BAPI_TRANSACTION_COMMIT", List.of(importing("WAIT", Type.charN(1)), exporting("RETURN", BAPIRET2)),
                call -> {
                    call.session().commit();
                    return Map.of("RETURN", Map.of());
                });
        add("BAPI_TRANSACTION_ROLLBACK", List.of(exporting("RETURN", BAPIRET2)), call -> {
            call.session().rollback();
            return Map.of("RETURN", Map.of());
        });
        add("Z_GET_SALES_DATA", List.of(importing("IV_SALES_ORG", Type.charN(4)), importing("IV_FROM_DATE", Type.DATE),
                importing("IV_ROWS", Type.INT), importing("IV_INCLUDE_CANCELLED", Type.charN(1)),
                exporting("EV_COUNT", Type.INT), exporting("EV_TOTAL", Type.packed(15, 2)),
                exporting("EV_CURRENCY", Type.charN(5)), exporting("EV_RUN_DATE", Type.DATE),
                exporting("EV_RUN_TIME", Type.TIME), tables("ET_SALES", ZSALES)), this::salesData);
        add("Z_CBTP_TYPES", List.of(importing("IV_CHAR", Type.charN(10)), importing("IV_NUMC", Type.numc(8)),
                importing("IV_INT", Type.INT), importing("IV_DEC", Type.packed(15, 2)), importing("IV_FLOAT", Type.FLOAT),
                importing("IV_DATE", Type.DATE), importing("IV_TIME", Type.TIME), importing("IV_FLAG", Type.charN(1)),
                importing("IS_STRUCT", ZTYPES), changing("CV_COUNTER", Type.INT),
                exporting("EV_CHAR", Type.charN(10)), exporting("EV_NUMC", Type.numc(8)), exporting("EV_INT", Type.INT),
                exporting("EV_DEC", Type.packed(15, 2)), exporting("EV_FLOAT", Type.FLOAT),
                exporting("EV_DATE", Type.DATE), exporting("EV_TIME", Type.TIME), exporting("EV_FLAG", Type.charN(1)),
                exporting("ES_STRUCT", ZTYPES), tables("IT_ROWS", ZTYPES), tables("ET_ROWS", ZTYPES)), this::types);
        add("Z_CBTP_RAISE", List.of(importing("IV_EXCEPTION", Type.charN(30))), call -> {
            String name = call.string("IV_EXCEPTION");
            throw switch (name) {
                case "NOT_FOUND" -> new AbapException("NOT_FOUND", "The requested object does not exist");
                case "NO_AUTHORITY" -> new AbapException("NO_AUTHORITY", "No authorization for this object");
                default -> new AbapException("INVALID_INPUT", "Unknown exception requested: " + name);
            };
        });
        add("/CBTP/ECHO", List.of(importing("/CBTP/TEXT", Type.STRING), exporting("/CBTP/RESULT", Type.STRING)),
                call -> Map.of("/CBTP/RESULT", call.string("/CBTP/TEXT")));
    }

    private void add(String name, List<Parameter> parameters, Implementation implementation) {
        functions.put(name, new Function(name, List.copyOf(parameters), implementation));
    }

    Optional<Function> find(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    private Map<String, Object> stfcConnection(Call call) {
        LocalDate today = LocalDate.now();
        String resp = "SAP R/3 Rel. 758   Sysid: " + systemId + "      Date: " + today.toString().replace("-", "")
                + "   Time: " + LocalTime.now().withNano(0).toString().replace(":", "") + "   Logon_Data: "
                + call.client() + "/" + call.user() + "/" + call.language();
        return Map.of("ECHOTEXT", call.string("REQUTEXT"), "RESPTEXT", resp);
    }

    private Map<String, Object> salesOrderList(Call call) {
        String customer = alpha(call.string("CUSTOMER_NUMBER"), 10);
        String salesOrg = call.string("SALES_ORGANIZATION").trim();
        Map<String, Object> out = new LinkedHashMap<>();
        if (customer.isBlank() || customer.equals("0000000000")) {
            out.put("RETURN", Map.of("TYPE", "E", "CODE", "V1 219", "MESSAGE", "Enter a customer number"));
            out.put("SALES_ORDERS", List.of());
            return out;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AbapSalesOrders.Order order : orders.committed()) {
            if (!order.customer().equals(customer) || !salesOrg.isEmpty() && !order.salesOrganization().equals(salesOrg)) {
                continue;
            }
            for (AbapSalesOrders.Item item : order.items()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("SD_DOC", order.number());
                row.put("ITM_NUMBER", item.number());
                row.put("MATERIAL", item.material());
                row.put("SHORT_TEXT", item.text());
                row.put("DOC_TYPE", order.documentType());
                row.put("DOC_DATE", order.documentDate());
                row.put("REQ_QTY", item.quantity());
                row.put("NET_VALUE", item.netValue());
                row.put("CURRENCY", order.currency());
                row.put("SOLD_TO", order.customer());
                row.put("SALES_ORG", order.salesOrganization());
                row.put("PURCH_NO", order.purchaseOrder());
                rows.add(row);
            }
        }
        out.put("RETURN", Map.of());
        out.put("SALES_ORDERS", rows);
        return out;
    }

    private Map<String, Object> createSalesOrder(Call call) {
        Map<String, String> header = call.structure("ORDER_HEADER_IN");
        List<Map<String, Object>> messages = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("SALESDOCUMENT", "");
        out.put("RETURN", messages);
        String soldTo = call.table("ORDER_PARTNERS").stream()
                .filter(p -> "AG".equals(p.getOrDefault("PARTN_ROLE", "").trim()))
                .map(p -> alpha(p.getOrDefault("PARTN_NUMB", ""), 10)).findFirst().orElse(null);
        if (header.getOrDefault("DOC_TYPE", "").isBlank()) {
            messages.add(message("E", "V1", "384", "Sales document type is missing", "ORDER_HEADER_IN", "DOC_TYPE", ""));
        }
        if (soldTo == null) {
            messages.add(message("E", "V4", "219", "Sold-to party not maintained", "ORDER_PARTNERS", "PARTN_NUMB", ""));
        } else if (!ReadTable.isCustomer(soldTo)) {
            messages.add(message("E", "VP", "112", "Customer " + soldTo + " does not exist", "ORDER_PARTNERS",
                    "PARTN_NUMB", soldTo));
        }
        if (call.table("ORDER_ITEMS_IN").isEmpty()) {
            messages.add(message("E", "V1", "761", "No item data entered", "ORDER_ITEMS_IN", "", ""));
        }
        if (!messages.isEmpty()) {
            messages.add(message("E", "V4", "248", "Error in SALES_HEADER_IN", "", "", ""));
            return out;
        }
        if ("X".equals(call.string("TESTRUN"))) {
            messages.add(message("S", "V4", "233", "SALES_HEADER_IN has been processed successfully (test run)", "", "", ""));
            return out;
        }
        String number = orders.nextNumber();
        List<AbapSalesOrders.Item> items = new ArrayList<>();
        for (Map<String, String> item : call.table("ORDER_ITEMS_IN")) {
            items.add(new AbapSalesOrders.Item(item.getOrDefault("ITM_NUMBER", "000010"), item.getOrDefault("MATERIAL", ""),
                    item.getOrDefault("SHORT_TEXT", ""), decimal(item.get("TARGET_QTY")), decimal(item.get("NET_VALUE"))));
        }
        String date = header.getOrDefault("REQ_DATE_H", "");
        call.session().pending(new AbapSalesOrders.Order(number, soldTo, header.getOrDefault("SALES_ORG", "").trim(),
                header.get("DOC_TYPE").trim(), date.isBlank() || date.startsWith("0000") ? LocalDate.now() : LocalDate.parse(date),
                header.getOrDefault("PURCH_NO_C", ""), header.getOrDefault("CURRENCY", "").isBlank() ? "EUR"
                        : header.get("CURRENCY").trim(), items));
        out.put("SALESDOCUMENT", number);
        messages.add(message("S", "V1", "311", "Standard Order " + number + " has been saved", "SALES_HEADER_IN", "", number));
        return out;
    }

    private static BigDecimal decimal(String value) {
        return value == null || value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value.trim());
    }

    private Map<String, Object> message(String type, String id, String number, String text, String parameter,
            String field, String v1) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TYPE", type);
        m.put("ID", id);
        m.put("NUMBER", number);
        m.put("MESSAGE", text);
        m.put("MESSAGE_V1", v1);
        m.put("PARAMETER", parameter);
        m.put("ROW", 0);
        m.put("FIELD", field);
        m.put("SYSTEM", systemId + "CLNT100");
        return m;
    }

    /** SAP's ALPHA conversion: a numeric key padded with leading zeros. */
    private static String alpha(String value, int length) {
        String trimmed = value == null ? "" : value.trim();
        return trimmed.matches("\\d+") && trimmed.length() < length ? "0".repeat(length - trimmed.length()) + trimmed
                : trimmed;
    }

    /**
     * Deterministic sales lines, generated while they are written: a table of any size costs the sandbox no heap.
     * Row i: order 5000000000 + i/5, item (i % 5 + 1) * 10, every 7th line cancelled.
     */
    private Map<String, Object> salesData(Call call) {
        int rows = call.string("IV_ROWS").isBlank() ? 10 : Integer.parseInt(call.string("IV_ROWS").trim());
        boolean cancelled = "X".equals(call.string("IV_INCLUDE_CANCELLED"));
        String from = call.string("IV_FROM_DATE");
        LocalDate start = from.isBlank() || from.startsWith("0000") ? LocalDate.of(2024, 1, 1) : LocalDate.parse(from);
        BigDecimal total = BigDecimal.ZERO;
        int count = 0;
        for (int i = 0; i < rows; i++) {
            if (cancelled || i % 7 != 6) {
                total = total.add(netValue(i));
                count++;
            }
        }
        int finalCount = count;
        Iterable<Map<String, Object>> lines = () -> new Iterator<>() {
            private int i = nextIncluded(0);

            private int nextIncluded(int from) {
                int k = from;
                while (k < rows && !cancelled && k % 7 == 6) {
                    k++;
                }
                return k;
            }

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public Map<String, Object> next() {
                int k = i;
                i = nextIncluded(i + 1);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("VBELN", Long.toString(5_000_000_000L + k / 5));
                row.put("POSNR", String.format("%06d", (k % 5 + 1) * 10));
                row.put("ERDAT", start.plusDays(k % 365));
                row.put("ERZET", LocalTime.of(8 + k % 10, k % 60, (k * 7) % 60));
                row.put("MATNR", "M-" + (k % 50));
                row.put("KWMENG", BigDecimal.valueOf(k % 9 + 1).setScale(3, RoundingMode.UNNECESSARY));
                row.put("NETWR", netValue(k));
                row.put("WAERK", "EUR");
                row.put("CANCELLED", k % 7 == 6 ? "X" : "");
                return row;
            }
        };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("EV_COUNT", finalCount);
        out.put("EV_TOTAL", total);
        out.put("EV_CURRENCY", "EUR");
        out.put("EV_RUN_DATE", LocalDate.of(2024, 6, 30));
        out.put("EV_RUN_TIME", LocalTime.of(23, 59, 58));
        out.put("ET_SALES", lines);
        return out;
    }

    private static BigDecimal netValue(int k) {
        return BigDecimal.valueOf(10_000 + (k * 37L) % 90_000, 2);
    }

    /** Echoes every input, changed so a test sees the server really read it; counts CV_COUNTER up by one. */
    private Map<String, Object> types(Call call) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("EV_CHAR", call.string("IV_CHAR"));
        out.put("EV_NUMC", call.string("IV_NUMC"));
        out.put("EV_INT", call.string("IV_INT").isBlank() ? 0 : Integer.parseInt(call.string("IV_INT").trim()) * 2);
        out.put("EV_DEC", decimal(call.string("IV_DEC")).multiply(BigDecimal.TEN));
        out.put("EV_FLOAT", call.string("IV_FLOAT").isBlank() ? 0d : Double.parseDouble(call.string("IV_FLOAT")) / 2);
        String date = call.string("IV_DATE");
        out.put("EV_DATE", date.isBlank() || date.startsWith("0000") ? "" : LocalDate.parse(date).plusDays(1));
        String time = call.string("IV_TIME");
        out.put("EV_TIME", time.isBlank() ? "" : LocalTime.parse(time).plusHours(1));
        out.put("EV_FLAG", "X".equals(call.string("IV_FLAG")) ? "" : "X");
        out.put("ES_STRUCT", call.structure("IS_STRUCT"));
        out.put("CV_COUNTER", (call.string("CV_COUNTER").isBlank() ? 0 : Integer.parseInt(call.string("CV_COUNTER").trim())) + 1);
        List<Map<String, String>> reversed = new ArrayList<>(call.table("IT_ROWS"));
        java.util.Collections.reverse(reversed);
        out.put("ET_ROWS", reversed);
        out.put("IT_ROWS", call.table("IT_ROWS"));
        return out;
    }
}
