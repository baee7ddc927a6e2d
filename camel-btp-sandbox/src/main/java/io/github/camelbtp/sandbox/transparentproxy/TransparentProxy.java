package io.github.camelbtp.sandbox.transparentproxy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.github.camelbtp.sandbox.destination.DestinationService;
import io.github.camelbtp.sandbox.destination.Tenants;
import io.github.camelbtp.sandbox.observe.RecordedRequests;
import io.github.camelbtp.sandbox.token.OAuthClients;
import io.github.camelbtp.sandbox.token.TokenAuthority;
import io.github.camelbtp.sandbox.wire.HttpEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * SAP's Transparent Proxy for Kubernetes as its destination gateway ({@code destinationRef.name: "*"})
 * [transparent-proxy-for-kubernetes-acc64ad, destination-gateway-dynamic-lookup-of-destinations-6836e00]: a request
 * names its destination in {@code X-Destination-Name} (optionally {@code X-Fragment-Name}); the proxy looks it up in
 * the Destination Service for the tenant of {@code X-Tenant-Subdomain} or {@code X-Tenant-Id} (exactly one; none: the
 * provider), sets the authentication the find answer's {@code authTokens} carry (user flows with the token of the
 * request's {@code Authorization}, token exchange with {@code x-subject-token-type}), adds {@code sap-client} and
 * {@code URL.headers.*}, and sends path and query on: Internet destinations directly, OnPremise ones through the
 * Connectivity proxy with the tenant's connectivity token and the Location ID. Its own errors carry SAP's headers
 * [error-response-headers-2b3a572]: {@code x-error-message}, {@code x-error-origin}, {@code x-internal-error-code},
 * {@code x-request-id}, {@code x-proxy-server: Transparent Proxy}.
 * <p>
 * Like the real proxy it consumes the Destination Service with an instance of its own, so its lookups are neither
 * counted nor recorded as the application's; the requests it receives are recorded as server
 * {@code "transparent-proxy"}.
 */
public final class TransparentProxy implements AutoCloseable {

    public static final String SERVER = "transparent-proxy";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    /** What the gateway consumes, and hop-by-hop headers: never sent on. */
    private static final Set<String> CONSUMED = Set.of("x-destination-name", "x-fragment-name", "x-tenant-subdomain",
            "x-tenant-id", "authorization", "x-subject-token-type", "x-actor-token", "x-actor-token-type", "host",
            "connection", "keep-alive", "content-length", "transfer-encoding", "te", "trailer", "upgrade", "expect",
            "proxy-authorization");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "content-length",
            "transfer-encoding", "date");

    private final HttpEndpoint endpoint = new HttpEndpoint(SERVER, 4);
    private final DestinationService destinationService;
    private final Tenants tenants;
    private final TokenAuthority authority;
    private final String connectivityClientId;
    private final InetSocketAddress connectivityProxy;
    private final RecordedRequests recorded;

    public TransparentProxy(DestinationService destinationService, Tenants tenants, TokenAuthority authority,
            String connectivityClientId, InetSocketAddress connectivityProxy, RecordedRequests recorded) {
        this.destinationService = destinationService;
        this.tenants = tenants;
        this.authority = authority;
        this.connectivityClientId = connectivityClientId;
        this.connectivityProxy = connectivityProxy;
        this.recorded = recorded;
        endpoint.handle("/", this::serve).start();
    }

    /** The gateway's address, as its Kubernetes service would be: {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return endpoint.uri();
    }

    /** An error answer of the proxy itself. */
    private record Refusal(int status, String origin, String code, String message) {
    }

    private void serve(HttpExchange exchange) throws IOException {
        Headers in = exchange.getRequestHeaders();
        recorded.record(SERVER, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), in);
        byte[] body = exchange.getRequestBody().readAllBytes();
        String requestId = UUID.randomUUID().toString();
        try {
            forward(exchange, in, body);
        } catch (RefusedException refused) {
            Refusal r = refused.refusal;
            Headers out = exchange.getResponseHeaders();
            out.set("x-error-message", r.message());
            out.set("x-error-origin", r.origin());
            out.set("x-internal-error-code", r.code());
            out.set("x-request-id", requestId);
            out.set("x-proxy-server", "Transparent Proxy");
            HttpEndpoint.send(exchange, r.status(), HttpEndpoint.TEXT, r.message());
        }
    }

    private void forward(HttpExchange exchange, Headers in, byte[] body) throws IOException {
        String name = in.getFirst("X-Destination-Name");
        if (name == null || name.isBlank()) {
            throw refused(400, "Transparent Proxy", "MISSING_HEADER", "Header 'X-Destination-Name' is missing");
        }
        if (!NAME.matcher(name).matches()) {
            throw refused(400, "Transparent Proxy", "INVALID_HEADER", "Header 'X-Destination-Name' is invalid: at most"
                    + " 200 letters, digits, '_' or '-'");
        }
        String subdomain = in.getFirst("X-Tenant-Subdomain");
        String tenantId = in.getFirst("X-Tenant-Id");
        if (subdomain != null && tenantId != null) {
            throw refused(400, "Transparent Proxy", "INVALID_HEADER", "Only one of 'X-Tenant-Subdomain' and"
                    + " 'X-Tenant-Id' may be sent");
        }
        Tenants.Tenant tenant = null;
        String tenantName = subdomain != null ? subdomain : tenantId;
        if (tenantName != null) {
            Optional<Tenants.Tenant> found = subdomain != null ? tenants.bySubdomain(subdomain.trim())
                    : tenants.byZoneId(tenantId.trim());
            if (found.isEmpty()) {
                throw refused(500, "XSUAA", "TENANT_NOT_FOUND", "Could not obtain a token for tenant '" + tenantName
                        + "': the tenant is unknown or not subscribed");
            }
            tenant = found.get();
        }
        String userToken = TokenAuthority.bearer(in.getFirst("Authorization"));
        String subjectTokenType = in.getFirst("x-subject-token-type");
        DestinationService.Found found = destinationService.findFor(tenant, name, header -> switch (header.toLowerCase(Locale.ROOT)) {
            case "x-fragment-name" -> in.getFirst("X-Fragment-Name");
            case "x-user-token" -> subjectTokenType == null ? userToken : null;
            case "x-subject-token" -> subjectTokenType != null ? userToken : null;
            case "x-subject-token-type" -> subjectTokenType;
            default -> null;
        });
        String tenantShown = tenant == null ? Tenants.PROVIDER_SUBDOMAIN : tenant.subdomain();
        if (found.status() == 404) {
            throw refused(502, "Destination Service", "DESTINATION_NOT_FOUND", "Destination '" + name + "' could not"
                    + " be found in tenant '" + tenantShown + "'");
        }
        if (found.status() != 200) {
            throw refused(502, "Destination Service", "DESTINATION_SERVICE_ERROR", "Destination Service answered "
                    + found.status() + " for destination '" + name + "': " + found.body().get("ErrorMessage"));
        }
        @SuppressWarnings("unchecked")
        Map<String, String> destination = (Map<String, String>) found.body().get("destinationConfiguration");
        String type = destination.getOrDefault("Type", "HTTP");
        if (!"HTTP".equals(type)) {
            throw refused(400, "Transparent Proxy", "UNSUPPORTED_DESTINATION_TYPE", "Destination '" + name
                    + "' is of type " + type + ": the destination gateway serves HTTP destinations; " + type
                    + " destinations are exposed as Kubernetes services of their own");
        }
        boolean onPremise = "OnPremise".equals(destination.get("ProxyType"));
        URI target = URI.create(destination.get("URL").replaceAll("/+$", "") + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection(onPremise
                ? new Proxy(Proxy.Type.HTTP, connectivityProxy) : Proxy.NO_PROXY);
        connection.setRequestMethod(exchange.getRequestMethod());
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        in.forEach((key, values) -> {
            if (!CONSUMED.contains(key.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> connection.addRequestProperty(key, v));
            }
        });
        authentication(name, found.body()).forEach(connection::setRequestProperty);
        destination.forEach((key, value) -> {
            if (key.startsWith("URL.headers.")) {
                connection.setRequestProperty(key.substring("URL.headers.".length()), value);
            }
        });
        Optional.ofNullable(destination.get("sap-client")).ifPresent(v -> connection.setRequestProperty("sap-client", v));
        if (onPremise) {
            connection.setRequestProperty("Proxy-Authorization", "Bearer " + authority.issue(connectivityClientId,
                    OAuthClients.DEFAULT_SCOPES, null, "client_credentials", tenant).value());
            Optional.ofNullable(destination.get("CloudConnectorLocationId")).filter(v -> !v.isBlank())
                    .ifPresent(v -> connection.setRequestProperty("SAP-Connectivity-SCC-Location_ID", v));
            if ("PrincipalPropagation".equals(destination.get("Authentication")) && userToken != null) {
                // the user travels to the Connectivity proxy next to the connectivity token [consuming-the-connectivity-service-313b215]
                connection.setRequestProperty("SAP-Connectivity-Authentication", "Bearer " + userToken);
            }
        }
        if (body.length > 0) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status;
        try {
            status = connection.getResponseCode();
        } catch (IOException e) {
            throw refused(502, "Transparent Proxy", "TARGET_UNREACHABLE", "Could not reach the target of destination '"
                    + name + "': " + e.getClass().getSimpleName());
        }
        byte[] answer;
        try (InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            answer = stream == null ? new byte[0] : stream.readAllBytes();
        }
        connection.getHeaderFields().forEach((key, values) -> {
            if (key != null && !NOT_RETURNED.contains(key.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(key, values);
            }
        });
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** The headers the find answer's {@code authTokens} carry; a failed retrieval is the proxy's error. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> authentication(String name, Map<String, Object> answer) {
        List<Map<String, Object>> tokens = (List<Map<String, Object>>) answer.getOrDefault("authTokens", List.of());
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Map<String, Object> token : tokens) {
            if (token.get("error") != null) {
                throw refused(502, "XSUAA/Destination Service", "TOKEN_RETRIEVAL_FAILED", "Could not retrieve the"
                        + " token of destination '" + name + "': " + token.get("error"));
            }
            Object header = token.get("http_header");
            if (header instanceof Map<?, ?> h) {
                headers.put(String.valueOf(h.get("key")), String.valueOf(h.get("value")));
            }
        }
        return headers;
    }

    private static RefusedException refused(int status, String origin, String code, String message) {
        return new RefusedException(new Refusal(status, origin, code, message));
    }

    /** Ends a request with the proxy's own error answer. */
    private static final class RefusedException extends RuntimeException {
        final transient Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
