package io.github.camelbtp.sandbox.onpremise.abap;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelbtp.sandbox.observe.Counters;
import io.github.camelbtp.sandbox.observe.RecordedRequests;
import io.github.camelbtp.sandbox.onpremise.abap.AbapLogon.User;
import io.github.camelbtp.sandbox.wire.BackendForwarder;
import io.github.camelbtp.sandbox.wire.HttpEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

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
    static final String DEFAULT_CLIENT = "100";
    private static final Set<String> CLIENTS = Set.of("000", "001", "100");

    private final String systemId;
    private final AbapSalesOrders orders = new AbapSalesOrders();
    private final AbapFunctions functions;
    private final Counters counters;
    private final RecordedRequests recorded;
    private final AbapLogon logon = new AbapLogon();
    private final AbapSessions sessions = new AbapSessions(orders);

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
        logon.add(name, password, alias, rfcNames);
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
        User user = certificateLogon ? logon.certificate(principal)
                : logon.basic(exchange.getRequestHeaders().getFirst("Authorization"));
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


    private void unauthorized(HttpExchange exchange, String client, String text) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate",
                "Basic realm=\"SAP NetWeaver Application Server [" + systemId + "/" + client + "]\"");
        HttpEndpoint.send(exchange, 401, HttpEndpoint.TEXT, text);
    }

    private void call(HttpExchange exchange, User user, String client, String language, String sessionCommand)
            throws IOException {
        AbapSessions.Scope scope = sessions.enter(exchange, user.name(), sessionCommand, RFC_PATH);
        // the user context ends before the answer is sent: a client that has the answer sees the session closed
        Runnable finish = scope.finish();
        try {
            SoapRfcEnvelope.ParsedCall parsed;
            try (InputStream body = exchange.getRequestBody()) {
                parsed = SoapRfcEnvelope.parse(body);
            } catch (XMLStreamException | IllegalArgumentException e) {
                finish.run();
                SoapRfcEnvelope.fault(exchange, "soap-env:Client", "CX_ST_DESERIALIZATION_ERROR", "Request is not a SOAP-RFC call: "
                        + e.getMessage(), null);
                return;
            }
            var function = functions.find(parsed.function());
            if (function.isEmpty()) {
                finish.run();
                SoapRfcEnvelope.fault(exchange, "soap-env:Server", "FU_NOT_FOUND", "Function module " + parsed.function()
                        + " not found", parsed.function());
                return;
            }
            if (!user.mayCall(parsed.function())) {
                finish.run();
                SoapRfcEnvelope.fault(exchange, "soap-env:Client", "RFC_NO_AUTHORITY", "User " + user.name() + " has no RFC"
                        + " authorization for function module " + parsed.function(), parsed.function());
                return;
            }
            Map<String, Object> input;
            try {
                input = XsdTypes.validate(function.get(), parsed.parameters());
            } catch (AbapException e) {
                finish.run();
                SoapRfcEnvelope.fault(exchange, "soap-env:Client", e.name(), e.getMessage(), parsed.function());
                return;
            }
            Map<String, Object> output;
            try {
                output = function.get().implementation().call(new AbapFunctions.Call(input, scope.session(), user.name(), client,
                        language));
            } catch (AbapException e) {
                finish.run();
                SoapRfcEnvelope.fault(exchange, "soap-env:Client", e.name(), e.getMessage(), parsed.function());
                return;
            }
            finish.run();
            SoapRfcEnvelope.respond(exchange, function.get(), parsed.parameters().keySet(), output);
        } finally {
            finish.run();
        }
    }

    private void wsdl(HttpExchange exchange, String services) throws IOException {
        String name = services == null ? "" : services.trim();
        var function = functions.find(name);
        if (function.isEmpty()) {
            HttpEndpoint.send(exchange, 404, HttpEndpoint.TEXT, "Function module " + name + " not found or not"
                    + " remote-enabled");
            return;
        }
        HttpEndpoint.send(exchange, 200, SoapRfcEnvelope.XML, Wsdl.document(function.get()));
    }
}
