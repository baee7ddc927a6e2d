package io.github.camelbtp.sandbox.onpremise.abap;

import io.github.camelbtp.sandbox.observe.Counters;
import io.github.camelbtp.sandbox.observe.RecordedRequests;
import io.github.camelbtp.sandbox.wire.BackendForwarder;
import io.github.camelbtp.sandbox.wire.HttpEndpoint;
import com.sun.net.httpserver.HttpExchange;
import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Parameter;
import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Structure;
import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Type;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * The demo ABAP system's ICF services for remote-enabled function modules [rfc-destinations-238d027, facts §7]:
 * <ul>
 * <li>{@code POST /sap/bc/soap/rfc?sap-client=NNN} — SOAP-RFC: a SOAP 1.1 envelope whose body element
 * {@code <urn:FUNCTION xmlns:urn="urn:sap-com:document:sap:rfc:functions">} holds importing, changing and table
 * parameters (tables as {@code <item>} rows); the answer is {@code <urn:FUNCTION.Response>} with exporting and
 * changing parameters and the tables the caller sent (an empty element asks for an output table). ABAP exceptions are
 * SOAP faults (HTTP 500) whose detail {@code FUNCTION.Exception} carries {@code Name} and {@code Text}. Names
 * containing {@code /} travel as {@code _-}.</li>
 * <li>{@code GET /sap/bc/soap/wsdl11?services=FUNCTION&sap-client=NNN} — the function's interface as WSDL 1.1 with
 * SAP's simple types ({@code char10}, {@code numeric6}, {@code date}, {@code time}, {@code decimal15.2}, …).</li>
 * </ul>
 * Logon is HTTP Basic (user or alias user) in the client {@code sap-client} names (default {@value #DEFAULT_CLIENT});
 * {@code sap-language} chooses the logon language. A request with {@code sap-sessioncmd=open} opens a stateful
 * session ({@code sap-contextid} cookie) in which changes of a BAPI stay pending until
 * {@code BAPI_TRANSACTION_COMMIT}; {@code sap-sessioncmd=close} ends it; a stateless request's pending changes are
 * discarded when it ends, as ABAP discards update tasks without {@code COMMIT WORK}.
 */
public final class AbapSystem {

    public static final String RFC_PATH = "/sap/bc/soap/rfc";
    public static final String WSDL_PATH = "/sap/bc/soap/wsdl11";
    static final String RFC_NAMESPACE = "urn:sap-com:document:sap:rfc:functions";
    static final String SOAP_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String DEFAULT_CLIENT = "100";
    private static final String XML = "text/xml; charset=utf-8";
    private static final Set<String> CLIENTS = Set.of("000", "001", "100");
    private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}:\\d{2}");

    static {
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /**
     * A user of the system: its password and its RFC authorization — the RFC_NAME values of authorization object
     * S_RFC: exact function module names or generic values ending in {@code *} ({@code BAPI_SALESORDER_*}, {@code *}
     * for all). SOAP-RFC reaches the system over an HTTP mapping of the Cloud Connector, which checks only the path
     * [configure-access-control-http-e7d4927]; this check is what refuses a function (facts §8).
     */
    private record User(String name, byte[] password, Set<String> rfcNames) {

        boolean mayCall(String function) {
            for (String value : rfcNames) {
                if (value.endsWith("*") ? function.startsWith(value.substring(0, value.length() - 1)) : function.equals(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A user context: the changes of BAPIs not yet committed. */
    final class Session {
        private final String user;
        private final List<AbapSalesOrders.Order> pending = new ArrayList<>();

        Session(String user) {
            this.user = user;
        }

        synchronized void pending(AbapSalesOrders.Order order) {
            pending.add(order);
        }

        synchronized void commit() {
            orders.commit(pending);
            pending.clear();
        }

        synchronized void rollback() {
            pending.clear();
        }
    }

    private final String systemId;
    private final AbapSalesOrders orders = new AbapSalesOrders();
    private final AbapFunctions functions;
    private final Counters counters;
    private final RecordedRequests recorded;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public AbapSystem(String systemId, Counters counters, RecordedRequests recorded) {
        this.systemId = systemId;
        this.functions = new AbapFunctions(orders, systemId);
        this.counters = counters;
        this.recorded = recorded;
    }

    /**
     * Adds a user with RFC authorization (S_RFC) for {@code rfcNames} — exact names, or generic values ending in
     * {@code *} — optionally with an alias (up to 40 characters).
     */
    public AbapSystem user(String name, String password, String alias, Set<String> rfcNames) {
        users.put(name, new User(name, password.getBytes(StandardCharsets.UTF_8), Set.copyOf(rfcNames)));
        if (alias != null) {
            aliases.put(alias, name);
        }
        return this;
    }

    public void register(HttpEndpoint endpoint) {
        endpoint.handle("/", this::serve);
    }

    /** The system's sales orders: committed ones only. */
    public AbapSalesOrders salesOrders() {
        return orders;
    }

    /** Stateful sessions currently open ({@code sap-sessioncmd=open} without a {@code close} yet). */
    public int openSessions() {
        return sessions.size();
    }

    /** The system ID ({@code SY-SYSID}). */
    public String systemId() {
        return systemId;
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    private void serve(HttpExchange exchange) throws IOException {
        counters.backendCall();
        recorded.record("abap", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders());
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = HttpEndpoint.queryParameters(exchange.getRequestURI().getRawQuery());
        if (!path.equals(RFC_PATH) && !path.equals(WSDL_PATH)) {
            exchange.getRequestBody().readAllBytes();
            HttpEndpoint.send(exchange, 404, HttpEndpoint.TEXT, "Service cannot be reached: " + path);
            return;
        }
        String client = query.getOrDefault("sap-client", DEFAULT_CLIENT);
        if (!CLIENTS.contains(client)) {
            exchange.getRequestBody().readAllBytes();
            unauthorized(exchange, client, "Logon failed: client " + client + " does not exist in system " + systemId);
            return;
        }
        String principal = exchange.getRequestHeaders().getFirst(BackendForwarder.PRINCIPAL_HEADER);
        boolean certificateLogon = principal != null && principal.startsWith("CN=");
        // the Cloud Connector logs a propagated user on with a short-lived X.509 certificate; ICF maps its subject to
        // an ABAP user (rule CN=<user>, user names upper-case). Without a mapped user the logon fails, as in ABAP.
        User user = certificateLogon ? users.get(principal.substring(3).toUpperCase(Locale.ROOT))
                : logon(exchange.getRequestHeaders().getFirst("Authorization"));
        if (user == null) {
            exchange.getRequestBody().readAllBytes();
            unauthorized(exchange, client, certificateLogon ? "Logon failed: no user is mapped to certificate subject "
                    + principal : "Logon failed: name or password is incorrect");
            return;
        }
        String language = query.getOrDefault("sap-language", "EN").toUpperCase(Locale.ROOT);
        if (path.equals(WSDL_PATH)) {
            exchange.getRequestBody().readAllBytes();
            wsdl(exchange, query.get("services"));
        } else if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Allow", "POST");
            HttpEndpoint.send(exchange, 405, HttpEndpoint.TEXT, "SOAP-RFC requests are POSTs");
        } else {
            call(exchange, user, client, language, query.get("sap-sessioncmd"));
        }
    }

    private User logon(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String name = decoded.substring(0, colon);
        // ICF logon accepts the user name (case-insensitive, as SAP stores it upper-case) or the alias (exact)
        User user = users.get(aliases.getOrDefault(name, name.toUpperCase(Locale.ROOT)));
        byte[] presented = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        return user != null && MessageDigest.isEqual(user.password(), presented) ? user : null;
    }

    private void unauthorized(HttpExchange exchange, String client, String text) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate",
                "Basic realm=\"SAP NetWeaver Application Server [" + systemId + "/" + client + "]\"");
        HttpEndpoint.send(exchange, 401, HttpEndpoint.TEXT, text);
    }

    private void call(HttpExchange exchange, User user, String client, String language, String sessionCommand)
            throws IOException {
        Session session;
        boolean stateful;
        String contextId = cookie(exchange.getRequestHeaders().getFirst("Cookie"), "sap-contextid");
        Session existing = contextId == null ? null : sessions.get(contextId);
        if (existing != null && existing.user.equals(user.name())) {
            session = existing;
            stateful = true;
        } else if ("open".equalsIgnoreCase(sessionCommand)) {
            contextId = HexFormat.of().formatHex(randomBytes());
            session = new Session(user.name());
            sessions.put(contextId, session);
            exchange.getResponseHeaders().add("Set-Cookie", "sap-contextid=" + contextId + "; path=" + RFC_PATH
                    + "; HttpOnly");
            stateful = true;
        } else {
            session = new Session(user.name());
            stateful = false;
        }
        boolean keep = stateful && !"close".equalsIgnoreCase(sessionCommand);
        String context = stateful ? contextId : null;
        // the user context ends before the answer is sent: a client that has the answer sees the session closed
        Runnable finish = () -> {
            if (!keep) {
                session.rollback();
                if (context != null) {
                    sessions.remove(context);
                }
            }
        };
        try {
            ParsedCall parsed;
            try (InputStream body = exchange.getRequestBody()) {
                parsed = parse(body);
            } catch (XMLStreamException | IllegalArgumentException e) {
                finish.run();
                fault(exchange, "soap-env:Client", "CX_ST_DESERIALIZATION_ERROR", "Request is not a SOAP-RFC call: "
                        + e.getMessage(), null);
                return;
            }
            var function = functions.find(parsed.function());
            if (function.isEmpty()) {
                finish.run();
                fault(exchange, "soap-env:Server", "FU_NOT_FOUND", "Function module " + parsed.function()
                        + " not found", parsed.function());
                return;
            }
            if (!user.mayCall(parsed.function())) {
                finish.run();
                fault(exchange, "soap-env:Client", "RFC_NO_AUTHORITY", "User " + user.name() + " has no RFC"
                        + " authorization for function module " + parsed.function(), parsed.function());
                return;
            }
            Map<String, Object> input;
            try {
                input = validate(function.get(), parsed.parameters());
            } catch (AbapException e) {
                finish.run();
                fault(exchange, "soap-env:Client", e.name(), e.getMessage(), parsed.function());
                return;
            }
            Map<String, Object> output;
            try {
                output = function.get().implementation().call(new AbapFunctions.Call(input, session, user.name(), client,
                        language));
            } catch (AbapException e) {
                finish.run();
                fault(exchange, "soap-env:Client", e.name(), e.getMessage(), parsed.function());
                return;
            }
            finish.run();
            respond(exchange, function.get(), parsed.parameters().keySet(), output);
        } finally {
            finish.run();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String cookie(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }

    // ---- SOAP in ------------------------------------------------------------------------------------------------

    private record ParsedCall(String function, Map<String, Object> parameters) {
    }

    /** Reads the envelope: the body's first element is the function, its children the parameters. */
    private static ParsedCall parse(InputStream body) throws XMLStreamException {
        XMLStreamReader reader = INPUT.createXMLStreamReader(body);
        try {
            boolean inBody = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!inBody) {
                    inBody = SOAP_NAMESPACE.equals(reader.getNamespaceURI()) && reader.getLocalName().equals("Body");
                    continue;
                }
                if (!RFC_NAMESPACE.equals(reader.getNamespaceURI())) {
                    throw new IllegalArgumentException("the body element must be in namespace " + RFC_NAMESPACE);
                }
                String function = decodeName(reader.getLocalName());
                Map<String, Object> parameters = new LinkedHashMap<>();
                while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    parameters.put(decodeName(reader.getLocalName()), value(reader));
                }
                return new ParsedCall(function, parameters);
            }
            throw new IllegalArgumentException("no SOAP body");
        } finally {
            reader.close();
        }
    }

    /** An element's content: text, a structure (map) or a table (list of maps of {@code item} rows). */
    private static Object value(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        Map<String, String> fields = null;
        List<Map<String, String>> rows = null;
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (reader.getLocalName().equals("item")) {
                    if (rows == null) {
                        rows = new ArrayList<>();
                    }
                    Map<String, String> row = new LinkedHashMap<>();
                    while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        String name = decodeName(reader.getLocalName());
                        row.put(name, reader.getElementText());
                    }
                    rows.add(row);
                } else {
                    if (fields == null) {
                        fields = new LinkedHashMap<>();
                    }
                    String name = decodeName(reader.getLocalName());
                    fields.put(name, reader.getElementText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (rows != null) {
                    return rows;
                }
                return fields != null ? fields : text.toString();
            }
        }
    }

    /** SAP writes {@code /} in ABAP names as {@code _-} in XML names. */
    static String decodeName(String xmlName) {
        return xmlName.replace("_-", "/");
    }

    static String encodeName(String abapName) {
        return abapName.replace("/", "_-");
    }

    /** Checks inputs against the interface and the formats of SAP's XSD types, as the SOAP runtime does. */
    private static Map<String, Object> validate(AbapFunctions.Function function, Map<String, Object> parameters)
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

    // ---- SOAP out -----------------------------------------------------------------------------------------------

    private void respond(HttpExchange exchange, AbapFunctions.Function function, Set<String> sent,
            Map<String, Object> output) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", XML);
        exchange.sendResponseHeaders(200, 0); // chunked: a large table is written while it is produced
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soap-env", "Envelope", SOAP_NAMESPACE);
            xml.writeNamespace("soap-env", SOAP_NAMESPACE);
            xml.writeEmptyElement("soap-env", "Header", SOAP_NAMESPACE);
            xml.writeStartElement("soap-env", "Body", SOAP_NAMESPACE);
            xml.writeStartElement("urn", encodeName(function.name()) + ".Response", RFC_NAMESPACE);
            xml.writeNamespace("urn", RFC_NAMESPACE);
            for (Parameter parameter : function.parameters()) {
                // tables come back only when the caller sent them (an empty element requests an output table)
                if (!parameter.isOutput() || parameter.isTable() && !sent.contains(parameter.name())) {
                    continue;
                }
                Object value = output.get(parameter.name());
                xml.writeStartElement(encodeName(parameter.name()));
                if (parameter.isTable()) {
                    if (value instanceof Iterable<?> rows) {
                        for (Object row : rows) {
                            xml.writeStartElement("item");
                            writeStructure(xml, parameter.structure(), (Map<?, ?>) row);
                            xml.writeEndElement();
                        }
                    }
                } else if (parameter.structure() != null) {
                    writeStructure(xml, parameter.structure(), value instanceof Map<?, ?> m ? m : Map.of());
                } else {
                    xml.writeCharacters(format(parameter.type(), value));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            exchange.close();
        }
    }

    private static void writeStructure(XMLStreamWriter xml, Structure structure, Map<?, ?> values)
            throws XMLStreamException {
        for (AbapInterface.Field field : structure.fields()) {
            xml.writeStartElement(encodeName(field.name()));
            xml.writeCharacters(format(field.type(), values.get(field.name())));
            xml.writeEndElement();
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

    private void fault(HttpExchange exchange, String code, String name, String text, String function)
            throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .append("<soap-env:Envelope xmlns:soap-env=\"").append(SOAP_NAMESPACE).append("\"><soap-env:Body>")
                .append("<soap-env:Fault><faultcode>").append(code).append("</faultcode>")
                .append("<faultstring xml:lang=\"en\">").append(escape(name)).append("</faultstring><detail>");
        String element = encodeName(function == null ? "RFC" : function) + ".Exception";
        xml.append("<urn:").append(element).append(" xmlns:urn=\"").append(RFC_NAMESPACE).append("\">")
                .append("<Name>").append(escape(name)).append("</Name><Text>").append(escape(text)).append("</Text>")
                .append("<Message><ID>CBTP</ID><Number>001</Number></Message></urn:").append(element).append(">")
                .append("</detail></soap-env:Fault></soap-env:Body></soap-env:Envelope>");
        HttpEndpoint.send(exchange, 500, XML, xml.toString());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- WSDL ---------------------------------------------------------------------------------------------------

    private void wsdl(HttpExchange exchange, String services) throws IOException {
        String name = services == null ? "" : services.trim();
        var function = functions.find(name);
        if (function.isEmpty()) {
            HttpEndpoint.send(exchange, 404, HttpEndpoint.TEXT, "Function module " + name + " not found or not"
                    + " remote-enabled");
            return;
        }
        HttpEndpoint.send(exchange, 200, XML, wsdlDocument(function.get()));
    }

    /** SAP's WSDL for one function: request and response elements, table types and SAP's simple types. */
    static String wsdlDocument(AbapFunctions.Function function) {
        String fn = encodeName(function.name());
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .append("<wsdl:definitions targetNamespace=\"").append(RFC_NAMESPACE)
                .append("\" xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\" xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap/\"")
                .append(" xmlns:s0=\"").append(RFC_NAMESPACE).append("\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">")
                .append("<wsdl:types><xsd:schema elementFormDefault=\"unqualified\" targetNamespace=\"")
                .append(RFC_NAMESPACE).append("\">");
        Map<String, Type> simpleTypes = new LinkedHashMap<>();
        Map<String, Structure> structures = new LinkedHashMap<>();
        Set<String> tableTypes = new java.util.LinkedHashSet<>();
        for (boolean response : new boolean[] {false, true}) {
            s.append("<xsd:element name=\"").append(fn).append(response ? ".Response" : "").append("\"><xsd:complexType><xsd:all>");
            for (Parameter p : function.parameters()) {
                boolean include = p.isTable() || (response ? p.isOutput() : p.isInput());
                if (!include) {
                    continue;
                }
                String type;
                if (p.isTable()) {
                    type = "s0:TABLE_OF_" + p.structure().name();
                    tableTypes.add(p.structure().name());
                    structures.put(p.structure().name(), p.structure());
                } else if (p.structure() != null) {
                    type = "s0:" + p.structure().name();
                    structures.put(p.structure().name(), p.structure());
                } else {
                    type = p.type().xsd();
                    simpleTypes.put(type, p.type());
                }
                s.append("<xsd:element name=\"").append(encodeName(p.name())).append("\" type=\"").append(type).append('"');
                if (!response && p.optional() || response && p.isTable()) {
                    s.append(" minOccurs=\"0\"");
                }
                s.append("/>");
            }
            s.append("</xsd:all></xsd:complexType></xsd:element>");
        }
        for (Structure structure : structures.values()) {
            s.append("<xsd:complexType name=\"").append(structure.name()).append("\"><xsd:sequence>");
            for (AbapInterface.Field field : structure.fields()) {
                s.append("<xsd:element name=\"").append(encodeName(field.name())).append("\" type=\"")
                        .append(field.type().xsd()).append("\"/>");
                simpleTypes.put(field.type().xsd(), field.type());
            }
            s.append("</xsd:sequence></xsd:complexType>");
        }
        for (String table : tableTypes) {
            s.append("<xsd:complexType name=\"TABLE_OF_").append(table).append("\"><xsd:sequence><xsd:element")
                    .append(" name=\"item\" type=\"s0:").append(table)
                    .append("\" minOccurs=\"0\" maxOccurs=\"unbounded\"/></xsd:sequence></xsd:complexType>");
        }
        for (Map.Entry<String, Type> simple : simpleTypes.entrySet()) {
            if (!simple.getKey().startsWith("s0:")) {
                continue;
            }
            Type t = simple.getValue();
            s.append("<xsd:simpleType name=\"").append(simple.getKey().substring(3)).append("\">");
            switch (t.kind()) {
                case "CHAR" -> s.append("<xsd:restriction base=\"xsd:string\"><xsd:maxLength value=\"").append(t.length())
                        .append("\"/></xsd:restriction>");
                case "NUMC" -> s.append("<xsd:restriction base=\"xsd:string\"><xsd:maxLength value=\"").append(t.length())
                        .append("\"/><xsd:pattern value=\"\\d*\"/></xsd:restriction>");
                case "DATS" -> s.append("<xsd:restriction base=\"xsd:string\"><xsd:maxLength value=\"10\"/>")
                        .append("<xsd:pattern value=\"\\d\\d\\d\\d-\\d\\d-\\d\\d\"/></xsd:restriction>");
                case "TIMS" -> s.append("<xsd:restriction base=\"xsd:time\"><xsd:pattern value=\"\\d\\d:\\d\\d:\\d\\d\"/>")
                        .append("</xsd:restriction>");
                case "P" -> s.append("<xsd:restriction base=\"xsd:decimal\"><xsd:totalDigits value=\"").append(t.length())
                        .append("\"/><xsd:fractionDigits value=\"").append(t.decimals()).append("\"/></xsd:restriction>");
                default -> s.append("<xsd:restriction base=\"xsd:string\"/>");
            }
            s.append("</xsd:simpleType>");
        }
        s.append("</xsd:schema></wsdl:types>")
                .append("<wsdl:message name=\"").append(fn).append("Input\"><wsdl:part name=\"parameters\" element=\"s0:")
                .append(fn).append("\"/></wsdl:message>")
                .append("<wsdl:message name=\"").append(fn).append("Output\"><wsdl:part name=\"parameters\" element=\"s0:")
                .append(fn).append(".Response\"/></wsdl:message>")
                .append("<wsdl:portType name=\"").append(fn).append("PortType\"><wsdl:operation name=\"").append(fn)
                .append("\"><wsdl:input message=\"s0:").append(fn).append("Input\"/><wsdl:output message=\"s0:").append(fn)
                .append("Output\"/></wsdl:operation></wsdl:portType></wsdl:definitions>");
        return s.toString();
    }
}
