package io.github.camelbtp.sandbox.token;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import io.github.camelbtp.sandbox.destination.Tenants;
import io.github.camelbtp.sandbox.observe.Counters;
import io.github.camelbtp.sandbox.observe.Faults;
import io.github.camelbtp.sandbox.observe.RecordedRequests;
import io.github.camelbtp.sandbox.wire.HttpEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The XSUAA-like token service: {@code POST /oauth/token} (client credentials, client authentication by HTTP Basic
 * or in the form body; a subscriber's token with {@code x-zid: <zone ID>}), {@code POST /tenants/<subdomain>/oauth/token}
 * (a subscriber's token URL on loopback) and {@code GET /token_keys} (JWKS); with {@link #hostNameHandler} also under
 * the tenants' host names over TLS, as on BTP. Errors follow RFC 6749 §5.2 the way UAA words them.
 */
final class XsuaaService {

    private final OAuthClients clients;
    private final TokenAuthority authority;
    private final Counters counters;
    private final Faults faults;

    private final SandboxUsers users;
    private final IdentityAssertions assertions;
    private final Tenants tenants;
    private final RecordedRequests recorded;

    XsuaaService(OAuthClients clients, TokenAuthority authority, Counters counters, Faults faults, SandboxUsers users,
            IdentityAssertions assertions, Tenants tenants, RecordedRequests recorded) {
        this.tenants = tenants;
        this.recorded = recorded;
        this.users = users;
        this.assertions = assertions;
        this.clients = clients;
        this.authority = authority;
        this.counters = counters;
        this.faults = faults;
    }

    /** The token endpoint's handler, for the X.509 (mutual TLS) variant of the token service. */
    com.sun.net.httpserver.HttpHandler tokenHandler() {
        return this::token;
    }

    void register(HttpEndpoint endpoint) {
        endpoint.handle("/oauth/token", this::token);
        endpoint.handle("/tenants/", this::token);
        endpoint.handle("/token_keys", this::tokenKeys);
        endpoint.handle("/", exchange -> HttpEndpoint.sendJson(exchange, 404,
                Map.of("error", "not_found", "error_description", "No such endpoint")));
    }

    private void tokenKeys(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            HttpEndpoint.send(exchange, 405, null, (byte[]) null);
            return;
        }
        HttpEndpoint.send(exchange, 200, HttpEndpoint.JSON, authority.jwks());
    }

    /**
     * A tenant's token URL on loopback. On BTP a subscriber's token service is {@code https://<subdomain>.<uaa host>};
     * loopback has no subdomains, so the sandbox serves the tenant variant under {@code /tenants/<subdomain>/oauth/token}.
     */
    static final java.util.regex.Pattern TENANT_TOKEN_PATH = java.util.regex.Pattern.compile("^/tenants/([A-Za-z0-9-]+)/oauth/token$");

    /** XSUAA's request header naming the identity zone (tenant ID) a token is asked for. */
    static final String ZONE_ID_HEADER = "x-zid";

    private void token(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        recorded.record("token", exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders());
        java.util.regex.Matcher tenantPath = TENANT_TOKEN_PATH.matcher(path);
        String subdomain = tenantPath.matches() ? tenantPath.group(1) : null;
        if (subdomain == null && !"/oauth/token".equals(path)) {
            exchange.getRequestBody().readAllBytes();
            HttpEndpoint.sendJson(exchange, 404, Map.of("error", "not_found"));
            return;
        }
        token(exchange, subdomain);
    }

    /**
     * The handler of the token service's host names, as on BTP: {@code https://<subdomain>.<uaaDomain>/oauth/token}
     * issues the tokens of the tenant whose subdomain the {@code Host} header names (the provider's own subdomain
     * included), {@code https://<uaaDomain>/oauth/token} those of the provider or of the zone {@code x-zid} names
     * (what SAP's JavaScript SDK asks for a tenant ID: xssec's XsuaaService#getTokenUrl), and {@code /token_keys} the
     * JWKS under every name [multitenancy-in-the-destination-service-4e07f25].
     *
     * @param uaaDomain the domain, without port
     */
    com.sun.net.httpserver.HttpHandler hostNameHandler(String uaaDomain) {
        String suffix = "." + uaaDomain;
        return exchange -> {
            String path = exchange.getRequestURI().getPath();
            if ("/token_keys".equals(path)) {
                tokenKeys(exchange);
                return;
            }
            String host = hostName(exchange.getRequestHeaders().getFirst("Host"));
            recorded.record("token", exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders());
            String label = host.endsWith(suffix) ? host.substring(0, host.length() - suffix.length()) : null;
            boolean known = host.equals(uaaDomain) || (label != null && !label.isEmpty() && label.indexOf('.') < 0);
            if (!known || !"/oauth/token".equals(path)) {
                exchange.getRequestBody().readAllBytes();
                HttpEndpoint.sendJson(exchange, 404, error("not_found", known ? "No such endpoint"
                        : "No identity zone is served under host '" + host + "'"));
                return;
            }
            token(exchange, label);
        };
    }

    /** The host name of a {@code Host} header, lower case, without port; empty when there is none. */
    private static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String host = hostHeader.trim().toLowerCase(java.util.Locale.ROOT);
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }

    /** Issues a token of the zone {@code subdomain} names ({@code null}: the provider's URL, where x-zid may name one). */
    private void token(HttpExchange exchange, String subdomain) throws IOException {
        // the provider's own subdomain names the provider's zone, as a Common token URL with {tenant} resolves it
        boolean providerPath = subdomain == null || Tenants.PROVIDER_SUBDOMAIN.equals(subdomain);
        Tenants.Tenant tenant = providerPath ? null : tenants.bySubdomain(subdomain).orElse(null);
        if (!providerPath && tenant == null) {
            exchange.getRequestBody().readAllBytes();
            HttpEndpoint.sendJson(exchange, 404, error("not_found", "Identity zone for subdomain '" + subdomain
                    + "' not found"));
            return;
        }
        String zid = exchange.getRequestHeaders().getFirst(ZONE_ID_HEADER);
        if (zid != null) {
            // XSUAA issues a subscriber's token at the provider's token URL for the zone x-zid names
            // [multitenancy-in-the-destination-service-4e07f25]; a zone that is not subscribed (or another zone than
            // the URL's) has no such client: 401, as XSUAA answers for a client unknown in the zone
            String urlZone = tenant == null ? authority.zoneId() : tenant.zoneId();
            Optional<Tenants.Tenant> byZone = tenants.byZoneId(zid.trim());
            boolean provider = zid.trim().equals(authority.zoneId());
            if (providerPath && byZone.isPresent()) {
                tenant = byZone.get();
            } else if (!(provider || byZone.isPresent()) || !zid.trim().equals(urlZone)) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"UAA/client\", error=\"unauthorized\"");
                HttpEndpoint.sendJson(exchange, 401, error("unauthorized", "No subscribed identity zone with ID '"
                        + zid.trim() + "' for this client (" + ZONE_ID_HEADER + ")"));
                return;
            }
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        int failure = faults.tokenServiceFailureStatus();
        if (failure != 0) {
            HttpEndpoint.sendJson(exchange, failure, Map.of("error", "server_error"));
            return;
        }
        Faults.pause(faults.tokenServiceLatency());
        if (faults.tokenServiceGarbage() != Faults.Garbage.NONE) {
            HttpEndpoint.send(exchange, 200, HttpEndpoint.JSON, faults.tokenServiceGarbage().body());
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            HttpEndpoint.sendJson(exchange, 405, error("method_not_allowed",
                    "Request method '" + exchange.getRequestMethod() + "' is not supported"));
            return;
        }
        Map<String, List<String>> form = URLUtils.parseParameters(new String(body, StandardCharsets.UTF_8));
        String[] credentials = clientCredentials(exchange.getRequestHeaders().getFirst("Authorization"), form);
        Optional<OAuthClients.Client> byCertificate = certificateClient(exchange, first(form, "client_id"));
        if (credentials == null && byCertificate.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"UAA/client\", error=\"unauthorized\"");
            HttpEndpoint.sendJson(exchange, 401, error("unauthorized",
                    "Full authentication is required to access this resource"));
            return;
        }
        Optional<OAuthClients.Client> client = byCertificate.isPresent() ? byCertificate
                : clients.authenticate(credentials[0], credentials[1]);
        if (client.isEmpty() && credentials != null && credentials.length > 2) {
            client = clients.authenticate(credentials[0], credentials[2]);
        }
        if (client.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"UAA/client\", error=\"invalid_client\"");
            HttpEndpoint.sendJson(exchange, 401, error("invalid_client", "Bad credentials"));
            return;
        }
        String grantType = first(form, "grant_type");
        if (grantType == null || grantType.isBlank()) {
            HttpEndpoint.sendJson(exchange, 400, error("invalid_request", "Missing grant type"));
            return;
        }
        String clientId = client.get().clientId();
        UserGrant user = "client_credentials".equals(grantType) ? new UserGrant(null, null) : userGrant(grantType, form, clientId);
        if (user.error() != null) {
            HttpEndpoint.sendJson(exchange, 400, user.error());
            return;
        }
        TokenAuthority.IssuedToken token = authority.issue(clientId, client.get().scopes(), user.user(), grantType, tenant);
        counters.tokenGrant(clientId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token.value());
        answer.put("token_type", "bearer");
        answer.put("expires_in", token.expiresInSeconds());
        answer.put("scope", String.join(" ", token.scopes()));
        answer.put("jti", token.jti());
        if (user.user() != null && !"refresh_token".equals(grantType)) {
            // UAA hands a refresh token out with user tokens
            answer.put("refresh_token", users.newRefreshToken(user.user(), clientId));
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
        HttpEndpoint.sendJson(exchange, 200, answer);
    }

    /**
     * {@code tls_client_auth} on the X.509 endpoint: the client whose id the verified TLS client certificate's CN
     * names, when the form's {@code client_id} is that client.
     */
    private Optional<OAuthClients.Client> certificateClient(HttpExchange exchange, String clientId) {
        if (!(exchange instanceof com.sun.net.httpserver.HttpsExchange https) || clientId == null) {
            return Optional.empty();
        }
        try {
            java.security.cert.Certificate[] chain = https.getSSLSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof java.security.cert.X509Certificate x509)) {
                return Optional.empty();
            }
            String subject = x509.getSubjectX500Principal().getName();
            return ("CN=" + clientId).equals(subject) ? clients.byId(clientId) : Optional.empty();
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    /** The user a grant acts for, or the OAuth error answering it (RFC 6749 §5.2). */
    private record UserGrant(String user, Map<String, String> error) {
    }

    private static UserGrant invalidGrant(String description) {
        return new UserGrant(null, error("invalid_grant", description));
    }

    /** Runs the user grants XSUAA supports; each yields the user the new token acts for. */
    private UserGrant userGrant(String grantType, Map<String, List<String>> form, String clientId) {
        switch (grantType) {
            case "password" -> {
                String username = first(form, "username");
                return users.authenticate(username, first(form, "password")) ? new UserGrant(username, null)
                        : invalidGrant("User authentication failed.");
            }
            case "refresh_token" -> {
                return users.refreshToken(first(form, "refresh_token"))
                        .filter(g -> g.clientId().equals(clientId))
                        .map(g -> new UserGrant(g.user(), null))
                        .orElseGet(() -> invalidGrant("Invalid refresh token: unknown, or issued to another client"));
            }
            case "authorization_code" -> {
                var code = users.takeCode(first(form, "code"));
                if (code.isEmpty() || !code.get().clientId().equals(clientId)) {
                    return invalidGrant("Invalid authorization code");
                }
                if (code.get().redirectUri() != null && !code.get().redirectUri().equals(first(form, "redirect_uri"))) {
                    return invalidGrant("Redirect URI mismatch.");
                }
                String verifier = first(form, "code_verifier");
                if (code.get().codeChallenge() != null
                        && (verifier == null || !SandboxUsers.s256(verifier).equals(code.get().codeChallenge()))) {
                    return invalidGrant("PKCE verification failed: code_verifier does not match the code_challenge");
                }
                return new UserGrant(code.get().user(), null);
            }
            case "urn:ietf:params:oauth:grant-type:jwt-bearer" -> {
                return authority.verify(first(form, "assertion"))
                        .filter(TokenAuthority.VerifiedToken::isUserToken)
                        .map(t -> new UserGrant(t.userName(), null))
                        .orElseGet(() -> invalidGrant("The assertion is not a valid user token of this identity zone"));
            }
            case "urn:ietf:params:oauth:grant-type:token-exchange" -> {
                String type = first(form, "subject_token_type");
                if (type == null || !(type.equals("urn:ietf:params:oauth:token-type:access_token")
                        || type.equals("urn:ietf:params:oauth:token-type:jwt")
                        || type.equals("urn:ietf:params:oauth:token-type:id_token"))) {
                    return new UserGrant(null, error("invalid_request", "Unsupported subject_token_type: " + type));
                }
                return authority.verify(first(form, "subject_token"))
                        .filter(TokenAuthority.VerifiedToken::isUserToken)
                        .map(t -> new UserGrant(t.userName(), null))
                        .orElseGet(() -> invalidGrant("The subject token is not a valid user token of this identity zone"));
            }
            case "urn:ietf:params:oauth:grant-type:saml2-bearer" -> {
                return assertions.verifySaml(Optional.ofNullable(first(form, "assertion")).orElse(""))
                        .map(subject -> new UserGrant(subject.user(), null))
                        .orElseGet(() -> invalidGrant("The SAML assertion is not valid or was not issued by a trusted"
                                + " identity provider"));
            }
            default -> {
                return new UserGrant(null, error("unsupported_grant_type", "Unsupported grant type: " + grantType));
            }
        }
    }

    /** [id, secret, alternative secret?] from the Basic header (preferred) or the form; null when neither carries a client id. */
    private static String[] clientCredentials(String authorization, Map<String, List<String>> form) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    // RFC 6749 §2.3.1 form-encodes id and secret before Basic encoding, but not every client
                    // does: the secret is tried as sent, then form-decoded.
                    String secret = decoded.substring(colon + 1);
                    return new String[] {HttpEndpoint.decode(decoded.substring(0, colon)), secret,
                        HttpEndpoint.decode(secret)};
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
            return null;
        }
        String id = first(form, "client_id");
        return id == null ? null : new String[] {id, first(form, "client_secret")};
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, String> error(String code, String description) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("error", code);
        error.put("error_description", description);
        return error;
    }
}
