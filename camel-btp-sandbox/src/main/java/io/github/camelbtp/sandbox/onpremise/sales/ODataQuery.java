package io.github.camelbtp.sandbox.onpremise.sales;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData v2 system query options the demo sales service understands, for entity set {@code A_SalesOrder}:
 * {@code $filter} ({@code Property eq 'value'} on string properties, joined by {@code and}), {@code $orderby},
 * {@code $top}, {@code $skip}, {@code $select}, {@code $inlinecount=allpages} and {@code $format=json}.
 * Anything else in those options is rejected with an {@link IllegalArgumentException} (answered as 400).
 */
final class ODataQuery {

    /** The string properties of {@code A_SalesOrderType}, in metadata order. */
    static final Map<String, Function<SalesOrder, String>> STRING_PROPERTIES = new LinkedHashMap<>();

    static {
        STRING_PROPERTIES.put("SalesOrder", SalesOrder::salesOrder);
        STRING_PROPERTIES.put("SalesOrderType", SalesOrder::salesOrderType);
        STRING_PROPERTIES.put("SalesOrganization", SalesOrder::salesOrganization);
        STRING_PROPERTIES.put("DistributionChannel", SalesOrder::distributionChannel);
        STRING_PROPERTIES.put("OrganizationDivision", SalesOrder::organizationDivision);
        STRING_PROPERTIES.put("SoldToParty", SalesOrder::soldToParty);
        STRING_PROPERTIES.put("PurchaseOrderByCustomer", SalesOrder::purchaseOrderByCustomer);
        STRING_PROPERTIES.put("TransactionCurrency", SalesOrder::transactionCurrency);
    }

    static final List<String> ALL_PROPERTIES = List.of("SalesOrder", "SalesOrderType", "SalesOrganization",
            "DistributionChannel", "OrganizationDivision", "SoldToParty", "PurchaseOrderByCustomer", "TotalNetAmount",
            "TransactionCurrency", "CreationDate");

    private static final Pattern EQ = Pattern.compile("^\\(?\\s*(\\w+)\\s+eq\\s+'((?:[^']|'')*)'\\s*\\)?$");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

    final Predicate<SalesOrder> filter;
    final Comparator<SalesOrder> order;
    final int top;
    final int skip;
    final List<String> select;
    final boolean inlineCount;

    private ODataQuery(Predicate<SalesOrder> filter, Comparator<SalesOrder> order, int top, int skip,
            List<String> select, boolean inlineCount) {
        this.filter = filter;
        this.order = order;
        this.top = top;
        this.skip = skip;
        this.select = select;
        this.inlineCount = inlineCount;
    }

    static ODataQuery parse(Map<String, String> parameters) {
        String format = parameters.get("$format");
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw new IllegalArgumentException("The sandbox serves JSON only; $format=" + format + " is not supported");
        }
        Predicate<SalesOrder> filter = parameters.containsKey("$filter") ? filter(parameters.get("$filter")) : o -> true;
        Comparator<SalesOrder> order = parameters.containsKey("$orderby") ? orderBy(parameters.get("$orderby")) : null;
        int top = integer(parameters, "$top", Integer.MAX_VALUE);
        int skip = integer(parameters, "$skip", 0);
        List<String> select = parameters.containsKey("$select") ? select(parameters.get("$select")) : ALL_PROPERTIES;
        String inline = parameters.get("$inlinecount");
        if (inline != null && !inline.equals("allpages") && !inline.equals("none")) {
            throw new IllegalArgumentException("Invalid $inlinecount value '" + inline + "'");
        }
        return new ODataQuery(filter, order, top, skip, select, "allpages".equals(inline));
    }

    private static int integer(Map<String, String> parameters, String name, int absent) {
        String value = parameters.get(name);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for system query option " + name);
        }
    }

    private static Predicate<SalesOrder> filter(String expression) {
        Predicate<SalesOrder> all = o -> true;
        for (String term : splitOutsideQuotes(expression.trim())) {
            Matcher matcher = EQ.matcher(term.trim());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("Invalid filter expression: '" + expression + "' (the sandbox "
                        + "supports \"Property eq 'value'\" terms joined by 'and')");
            }
            Function<SalesOrder, String> property = STRING_PROPERTIES.get(matcher.group(1));
            if (property == null) {
                throw new IllegalArgumentException("Property '" + matcher.group(1) + "' not found or not filterable");
            }
            String literal = matcher.group(2).replace("''", "'");
            all = all.and(order -> literal.equals(property.apply(order)));
        }
        return all;
    }

    /** Splits on " and " that is not inside a quoted literal. */
    private static List<String> splitOutsideQuotes(String expression) {
        List<String> terms = new ArrayList<>();
        StringBuilder outside = new StringBuilder();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            outside.append(quoted || c == '\'' ? 'x' : c);
        }
        Matcher and = AND.matcher(outside);
        while (and.find()) {
            terms.add(expression.substring(start, and.start()));
            start = and.end();
        }
        terms.add(expression.substring(start));
        return terms;
    }

    private static Comparator<SalesOrder> orderBy(String expression) {
        Comparator<SalesOrder> comparator = null;
        for (String part : expression.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words.length > 2 || (words.length == 2 && !words[1].toLowerCase(Locale.ROOT).matches("asc|desc"))) {
                throw new IllegalArgumentException("Invalid $orderby expression '" + expression + "'");
            }
            Comparator<SalesOrder> next = comparator(words[0]);
            if (words.length == 2 && words[1].equalsIgnoreCase("desc")) {
                next = next.reversed();
            }
            comparator = comparator == null ? next : comparator.thenComparing(next);
        }
        return comparator;
    }

    private static Comparator<SalesOrder> comparator(String property) {
        return switch (property) {
            case "SalesOrder" -> Comparator.comparingLong(order -> Long.parseLong(order.salesOrder()));
            case "TotalNetAmount" -> Comparator.comparing(SalesOrder::totalNetAmount);
            case "CreationDate" -> Comparator.comparing(SalesOrder::creationDate);
            default -> {
                Function<SalesOrder, String> value = STRING_PROPERTIES.get(property);
                if (value == null) {
                    throw new IllegalArgumentException("Property '" + property + "' not found");
                }
                yield Comparator.comparing(value);
            }
        };
    }

    private static List<String> select(String expression) {
        List<String> properties = new ArrayList<>();
        for (String name : expression.split(",")) {
            String property = name.trim();
            if (property.equals("*")) {
                return ALL_PROPERTIES;
            }
            if (!ALL_PROPERTIES.contains(property)) {
                throw new IllegalArgumentException("Property '" + property + "' not found");
            }
            properties.add(property);
        }
        return properties;
    }
}
