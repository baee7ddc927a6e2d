package io.github.camelbtp.sandbox.onpremise.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.github.camelbtp.sandbox.observe.Counters;
import io.github.camelbtp.sandbox.observe.Faults;
import io.github.camelbtp.sandbox.observe.RecordedRequests;
import io.github.camelbtp.sandbox.wire.BackendForwarder;
import io.github.camelbtp.sandbox.wire.HttpEndpoint;
import io.github.camelbtp.sandbox.wire.JsonCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The demo on-premise system: an SAP Gateway-style OData v2 service {@code API_SALES_ORDER_SRV} with entity set
 * {@code A_SalesOrder}. HTTP Basic logon (or an existing session cookie), SAP's CSRF protection for modifying
 * requests, JSON answers in the {@code {"d":…}} envelope and OData error JSON.
 */
public final class SalesOrderService {

    static final String BASE = "/sap/opu/odata/sap/API_SALES_ORDER_SRV";
    private static final String ENTITY_SET = "/A_SalesOrder";
    private static final Pattern ENTITY = Pattern.compile("^/A_SalesOrder\\((?:SalesOrder=)?'([^']*)'\\)$");
    private static final Set<String> MODIFYING = Set.of("POST", "PUT", "PATCH", "MERGE", "DELETE");
    private static final Set<String> CREATABLE = Set.of("SalesOrderType", "SalesOrganization", "DistributionChannel",
            "OrganizationDivision", "SoldToParty", "PurchaseOrderByCustomer", "TotalNetAmount", "TransactionCurrency");
    private static final String JSON = "application/json; charset=utf-8";

    /** Answers name the ABAP user the request was logged on as, so tests see who arrived. */
    static final String LOGON_USER_HEADER = "X-Sandbox-Logon-User";

    private final SalesOrders orders;
    private final String salesUser;
    private final Counters counters;
    private final RecordedRequests recorded;
    private final Faults faults;
    /** What a backend cutting its body sends half of (the {@code backendCutsBodies} fault). */
    private static final byte[] CUT_BODY = "{\"d\":{\"results\":[{\"id\":\"0000000001\"},{\"id\":\"0000000002\"}]}}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private final CsrfSessions sessions = new CsrfSessions();
    private final byte[] expectedAuthorization;
    private final String metadata;

    public SalesOrderService(SalesOrders orders, Counters counters, RecordedRequests recorded, Faults faults, String user, String password) {
        this.orders = orders;
        this.salesUser = user;
        this.counters = counters;
        this.recorded = recorded;
        this.faults = faults;
        this.expectedAuthorization = Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);
        this.metadata = metadataDocument();
    }

    public void register(HttpEndpoint endpoint) {
        endpoint.handle("/", this::serve);
    }

    private void serve(HttpExchange exchange) throws IOException {
        counters.backendCall();
        recorded.record("sales", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders());
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        Faults.pause(faults.backendLatency());
        if (faults.backendCutsBodies()) {
            HttpEndpoint.sendCut(exchange, CUT_BODY);
            return;
        }
        if (!path.equals(BASE) && !path.startsWith(BASE + "/")) {
            HttpEndpoint.send(exchange, 404, HttpEndpoint.TEXT, "Service cannot be reached: " + path);
            return;
        }
        Headers request = exchange.getRequestHeaders();
        String cookies = request.getFirst("Cookie");
        String principal = request.getFirst(BackendForwarder.PRINCIPAL_HEADER);
        // an ABAP security session first: its cookie logs the request on as the session's user, whatever
        // certificate or Authorization header came with it
        String user = sessions.user(cookies);
        if (user == null && principal != null && principal.startsWith("CN=")) {
            // logged on by the Cloud Connector with the propagated user's certificate: the ABAP user is mapped from
            // the subject's CN (rule "CN=${name}", upper-cased as ABAP user names are)
            user = principal.substring(3).toUpperCase(java.util.Locale.ROOT);
        } else if (user == null && basicLogon(request.getFirst("Authorization"))) {
            user = salesUser;
        }
        if (user == null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"SAP NetWeaver Application Server\"");
            HttpEndpoint.send(exchange, 401, HttpEndpoint.TEXT, "Logon failed");
            return;
        }
        exchange.getResponseHeaders().set(LOGON_USER_HEADER, user);
        String method = exchange.getRequestMethod();
        String csrfHeader = request.getFirst("x-csrf-token");
        if (MODIFYING.contains(method)) {
            if (!sessions.isValid(cookies, csrfHeader)) {
                exchange.getResponseHeaders().set("x-csrf-token", "Required");
                HttpEndpoint.send(exchange, 403, HttpEndpoint.TEXT, "CSRF token validation failed");
                return;
            }
        } else if ("fetch".equalsIgnoreCase(csrfHeader) && (method.equals("GET") || method.equals("HEAD"))) {
            CsrfSessions.Session session = sessions.fetch(cookies, user);
            exchange.getResponseHeaders().set("x-csrf-token", session.token());
            if (session.created()) {
                exchange.getResponseHeaders().add("Set-Cookie", CsrfSessions.setCookie(session));
            }
            counters.csrfFetch();
        }
        exchange.getResponseHeaders().set("DataServiceVersion", "2.0");
        String rest = path.substring(BASE.length());
        String serviceRoot = "http://" + Optional.ofNullable(request.getFirst("Host")).orElse("localhost") + BASE;
        route(exchange, method, rest, serviceRoot, body);
    }

    private boolean basicLogon(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] presented = authorization.substring(6).trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expectedAuthorization, presented);
    }

    private void route(HttpExchange exchange, String method, String rest, String serviceRoot, byte[] body)
            throws IOException {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (rest.isEmpty() || rest.equals("/")) {
            if (!read) {
                methodNotAllowed(exchange, method, "GET, HEAD");
                return;
            }
            HttpEndpoint.send(exchange, 200, JSON, JsonCodec.bytes(Map.of("d", Map.of("EntitySets", List.of("A_SalesOrder")))));
        } else if (rest.equals("/$metadata")) {
            if (!read) {
                methodNotAllowed(exchange, method, "GET, HEAD");
                return;
            }
            HttpEndpoint.send(exchange, 200, "application/xml", metadata);
        } else if (rest.equals(ENTITY_SET)) {
            if (read) {
                list(exchange, serviceRoot);
            } else if (method.equals("POST")) {
                create(exchange, serviceRoot, body);
            } else {
                methodNotAllowed(exchange, method, "GET, HEAD, POST");
            }
        } else {
            Matcher entity = ENTITY.matcher(rest);
            if (!entity.matches()) {
                error(exchange, 404, "/IWBEP/CM_MGW_RT/020", "Resource not found for segment '" + rest.substring(1) + "'");
            } else if (!read) {
                methodNotAllowed(exchange, method, "GET, HEAD");
            } else {
                Optional<SalesOrder> order = orders.get(entity.group(1));
                if (order.isEmpty()) {
                    error(exchange, 404, "/IWBEP/CM_MGW_RT/020", "Resource not found for segment 'A_SalesOrderType'");
                } else {
                    HttpEndpoint.send(exchange, 200, JSON, JsonCodec.bytes(Map.of("d",
                            entity(order.get(), serviceRoot, ODataQuery.ALL_PROPERTIES))));
                }
            }
        }
    }

    private void list(HttpExchange exchange, String serviceRoot) throws IOException {
        ODataQuery query;
        try {
            query = ODataQuery.parse(HttpEndpoint.queryParameters(exchange.getRequestURI().getRawQuery()));
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "/IWBEP/CM_MGW_RT/022", e.getMessage());
            return;
        }
        Stream<SalesOrder> matching = orders.all().stream().filter(query.filter);
        if (query.order != null) {
            matching = matching.sorted(query.order);
        }
        List<SalesOrder> all = matching.toList();
        List<Map<String, Object>> results = new ArrayList<>();
        all.stream().skip(query.skip).limit(query.top)
                .forEach(order -> results.add(entity(order, serviceRoot, query.select)));
        Map<String, Object> d = new LinkedHashMap<>();
        if (query.inlineCount) {
            d.put("__count", Integer.toString(all.size()));
        }
        d.put("results", results);
        HttpEndpoint.send(exchange, 200, JSON, JsonCodec.bytes(Map.of("d", d)));
    }

    private void create(HttpExchange exchange, String serviceRoot, byte[] body) throws IOException {
        JsonNode node;
        try {
            node = JsonCodec.MAPPER.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            error(exchange, 400, "/IWBEP/CM_MGW_RT/004", "The request body is not a JSON object");
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (name.equals("SalesOrder") || name.equals("__metadata") || name.startsWith("to_")) {
                continue; // the number is assigned by the system; deep inserts are not modelled
            }
            if (!CREATABLE.contains(name)) {
                error(exchange, 400, "/IWBEP/CM_MGW_RT/004", "Property '" + name + "' is invalid");
                return;
            }
            if (!field.getValue().isNull()) {
                values.put(name, field.getValue().asText());
            }
        }
        String soldToParty = values.get("SoldToParty");
        if (soldToParty == null || soldToParty.isBlank()) {
            error(exchange, 400, "V1/320", "Enter a sold-to party (property 'SoldToParty')");
            return;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(values.getOrDefault("TotalNetAmount", "0")).setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            error(exchange, 400, "/IWBEP/CM_MGW_RT/004", "Property 'TotalNetAmount' has an invalid value");
            return;
        }
        SalesOrder order = orders.create(values.getOrDefault("SalesOrderType", "OR"),
                values.getOrDefault("SalesOrganization", "1010"), values.getOrDefault("DistributionChannel", "10"),
                values.getOrDefault("OrganizationDivision", "00"), soldToParty,
                values.getOrDefault("PurchaseOrderByCustomer", ""), amount,
                values.getOrDefault("TransactionCurrency", "EUR"));
        exchange.getResponseHeaders().set("Location", entityUri(serviceRoot, order));
        HttpEndpoint.send(exchange, 201, JSON, JsonCodec.bytes(Map.of("d",
                entity(order, serviceRoot, ODataQuery.ALL_PROPERTIES))));
    }

    private static Map<String, Object> entity(SalesOrder order, String serviceRoot, List<String> select) {
        Map<String, Object> entity = new LinkedHashMap<>();
        String uri = entityUri(serviceRoot, order);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("id", uri);
        metadata.put("uri", uri);
        metadata.put("type", "API_SALES_ORDER_SRV.A_SalesOrderType");
        entity.put("__metadata", metadata);
        for (String property : select) {
            entity.put(property, switch (property) {
                case "TotalNetAmount" -> order.totalNetAmount().toPlainString();
                case "CreationDate" -> "/Date(" + order.creationDate().toEpochMilli() + ")/";
                default -> ODataQuery.STRING_PROPERTIES.get(property).apply(order);
            });
        }
        return entity;
    }

    private static String entityUri(String serviceRoot, SalesOrder order) {
        return serviceRoot + "/A_SalesOrder('" + order.salesOrder() + "')";
    }

    /** An origin server must say which methods it allows with a 405 (RFC 9110 §15.5.6); the proxy's own 405 does not. */
    private static void methodNotAllowed(HttpExchange exchange, String method, String allow) throws IOException {
        exchange.getResponseHeaders().set("Allow", allow);
        error(exchange, 405, "/IWBEP/CM_MGW_RT/021", "Method '" + method + "' is not allowed for this resource");
    }

    /** SAP Gateway's OData v2 error document. */
    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("component_id", "SD-SLS-API");
        application.put("service_namespace", "/SAP/");
        application.put("service_id", "API_SALES_ORDER_SRV");
        application.put("service_version", "0001");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("application", application);
        inner.put("transactionid", UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT));
        inner.put("errordetails", List.of());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", Map.of("lang", "en", "value", message));
        error.put("innererror", inner);
        HttpEndpoint.send(exchange, status, JSON, JsonCodec.bytes(Map.of("error", error)));
    }

    private static String metadataDocument() {
        StringBuilder properties = new StringBuilder();
        for (String property : ODataQuery.ALL_PROPERTIES) {
            String type = switch (property) {
                case "TotalNetAmount" -> "Edm.Decimal\" Precision=\"16\" Scale=\"3";
                case "CreationDate" -> "Edm.DateTime\" Precision=\"0";
                default -> "Edm.String";
            };
            properties.append("<Property Name=\"").append(property).append("\" Type=\"").append(type).append("\"")
                    .append(property.equals("SalesOrder") ? " Nullable=\"false\"" : "").append("/>");
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<edmx:Edmx Version=\"1.0\" xmlns:edmx=\"http://schemas.microsoft.com/ado/2007/06/edmx\" "
                + "xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\">"
                + "<edmx:DataServices m:DataServiceVersion=\"2.0\">"
                + "<Schema Namespace=\"API_SALES_ORDER_SRV\" xmlns=\"http://schemas.microsoft.com/ado/2008/09/edm\">"
                + "<EntityType Name=\"A_SalesOrderType\"><Key><PropertyRef Name=\"SalesOrder\"/></Key>"
                + properties + "</EntityType>"
                + "<EntityContainer Name=\"API_SALES_ORDER_SRV_Entities\" m:IsDefaultEntityContainer=\"true\">"
                + "<EntitySet Name=\"A_SalesOrder\" EntityType=\"API_SALES_ORDER_SRV.A_SalesOrderType\"/>"
                + "</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>";
    }
}
