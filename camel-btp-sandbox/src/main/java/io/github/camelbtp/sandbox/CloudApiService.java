package io.github.camelbtp.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Internet API behind OAuth: {@code GET /api/v1/products} needs a bearer token of the sandbox token
 * service (any registered client); {@code GET /public/ping} and {@code GET /public/catalog} need nothing.
 */
final class CloudApiService {

    private static final List<Map<String, Object>> PRODUCTS = List.of(
            product("P-100", "Industrial Pump", "1299.00"),
            product("P-200", "Pressure Sensor", "249.90"),
            product("P-300", "Control Valve", "589.50"));

    private final TokenAuthority authority;
    private final Counters counters;
    private final RecordedRequests recorded;

    CloudApiService(TokenAuthority authority, Counters counters, RecordedRequests recorded) {
        this.authority = authority;
        this.counters = counters;
        this.recorded = recorded;
    }

    void register(HttpEndpoint endpoint) {
        endpoint.handle("/", this::serve);
    }

    private void serve(HttpExchange exchange) throws IOException {
        counters.backendCall();
        recorded.record("cloud-api", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders());
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        boolean known = path.equals("/api/v1/products") || path.equals("/public/ping") || path.equals("/public/catalog");
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

    private static Map<String, Object> product(String id, String name, String price) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", id);
        product.put("name", name);
        product.put("price", price);
        product.put("currency", "EUR");
        return product;
    }
}
