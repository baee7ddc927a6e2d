package io.github.camelbtp.sandbox.cloud;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelbtp.sandbox.observe.Counters;
import io.github.camelbtp.sandbox.observe.Faults;
import io.github.camelbtp.sandbox.observe.RecordedRequests;
import io.github.camelbtp.sandbox.token.IdentityAssertions;
import io.github.camelbtp.sandbox.token.TokenAuthority;
import io.github.camelbtp.sandbox.wire.HttpEndpoint;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Internet API behind OAuth: {@code GET /api/v1/products} needs a bearer token of the sandbox token
 * service (any registered client); {@code GET /public/ping} and {@code GET /public/catalog} need nothing.
 */
public final class CloudApiService {

    private static final List<Map<String, Object>> PRODUCTS = List.of(
            product("P-100", "Industrial Pump", "1299.00"),
            product("P-200", "Pressure Sensor", "249.90"),
            product("P-300", "Control Valve", "589.50"));

    private final TokenAuthority authority;
    private final Counters counters;
    private final RecordedRequests recorded;
    private final Faults faults;
    /** What a backend cutting its body sends half of (the {@code backendCutsBodies} fault). */
    private static final byte[] CUT_BODY = "{\"d\":{\"results\":[{\"id\":\"0000000001\"},{\"id\":\"0000000002\"}]}}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final IdentityAssertions assertions;

    public CloudApiService(TokenAuthority authority, Counters counters, RecordedRequests recorded, Faults faults,
            IdentityAssertions assertions) {
        this.assertions = assertions;
        this.authority = authority;
        this.counters = counters;
        this.recorded = recorded;
        this.faults = faults;
    }

    public void register(HttpEndpoint endpoint) {
        endpoint.handle("/", this::serve);
    }

    private void serve(HttpExchange exchange) throws IOException {
        counters.backendCall();
        recorded.record("cloud-api", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders());
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        Faults.pause(faults.backendLatency());
        if (faults.backendCutsBodies()) {
            HttpEndpoint.sendCut(exchange, CUT_BODY);
            return;
        }
        boolean known = path.equals("/api/v1/products") || path.equals("/api/v1/me") || path.equals("/public/ping") || path.equals("/public/catalog");
        if (!known) {
            HttpEndpoint.sendJson(exchange, 404, Map.of("error", "not_found", "message", "No resource at " + path));
            return;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            HttpEndpoint.sendJson(exchange, 405, Map.of("error", "method_not_allowed"));
            return;
        }
        switch (path) {
            case "/public/ping" -> HttpEndpoint.sendJson(exchange, 200, Map.of("status", "UP"));
            case "/public/catalog" -> HttpEndpoint.sendJson(exchange, 200, List.of(
                    Map.of("category", "pumps", "products", 1), Map.of("category", "sensors", "products", 1),
                    Map.of("category", "valves", "products", 1)));
            case "/api/v1/me" -> me(exchange);
            default -> products(exchange);
        }
    }

    private void products(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String token = TokenAuthority.bearer(header);
        if (authority.verify(token).isEmpty()) {
            // RFC 6750 §3: error="invalid_token" only when a token was presented
            exchange.getResponseHeaders().set("WWW-Authenticate", token == null
                    ? "Bearer realm=\"cloud-api\""
                    : "Bearer realm=\"cloud-api\", error=\"invalid_token\"");
            HttpEndpoint.sendJson(exchange, 401, Map.of("error", "unauthorized",
                    "message", "A valid bearer token is required"));
            return;
        }
        HttpEndpoint.sendJson(exchange, 200, PRODUCTS);
    }

    /**
     * Who the request is authenticated as: a bearer token of the sandbox (a client's, or a user's), a SAML 2.0
     * assertion ({@code Authorization: SAML2.0 <base64>}; with {@code x-sap-security-session: create} a session
     * cookie is set, as SAP systems do), or an SAP logon ticket ({@code Cookie: MYSAPSSO2=…}).
     */
    private void me(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, Object> answer = new LinkedHashMap<>();
        var bearer = authority.verify(TokenAuthority.bearer(authorization));
        if (bearer.isPresent()) {
            answer.put("authenticatedBy", "bearer");
            answer.put("user", bearer.get().userName());
            answer.put("client", bearer.get().clientId());
            answer.put("grantType", bearer.get().grantType());
        } else if (authorization != null && authorization.regionMatches(true, 0, "SAML2.0 ", 0, 8)) {
            var subject = assertions.verifySaml(authorization.substring(8));
            if (subject.isPresent()) {
                answer.put("authenticatedBy", "saml2");
                answer.put("user", subject.get().user());
                answer.put("audience", subject.get().audience());
                if ("create".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("x-sap-security-session"))) {
                    exchange.getResponseHeaders().add("Set-Cookie", "SAP_SESSIONID_SBX=" + java.util.UUID.randomUUID()
                            + "; Path=/; HttpOnly");
                }
            }
        } else {
            String cookies = exchange.getRequestHeaders().getFirst("Cookie");
            String ticket = null;
            if (cookies != null) {
                for (String cookie : cookies.split(";")) {
                    String c = cookie.trim();
                    if (c.startsWith("MYSAPSSO2=")) {
                        ticket = c.substring("MYSAPSSO2=".length());
                    }
                }
            }
            assertions.verifyTicket(ticket).ifPresent(user -> {
                answer.put("authenticatedBy", "MYSAPSSO2");
                answer.put("user", user);
            });
        }
        if (answer.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"cloud-api\"");
            HttpEndpoint.sendJson(exchange, 401, Map.of("error", "unauthorized", "message", "No valid credentials"));
            return;
        }
        HttpEndpoint.sendJson(exchange, 200, answer);
    }

    private static Map<String, Object> product(String id, String name, String price) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", id);
        product.put("name", name);
        product.put("price", price);
        product.put("currency", "EUR");
        return product;
    }
}
