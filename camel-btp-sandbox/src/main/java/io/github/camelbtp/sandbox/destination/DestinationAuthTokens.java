package io.github.camelbtp.sandbox.destination;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.connectivity.CloudConnector;
import io.github.camelbtp.sandbox.token.IdentityAssertions;
import io.github.camelbtp.sandbox.token.TokenAuthority;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the {@code authTokens} of a find-destination answer [find-a-destination-response-structure-83a3f3b]:
 * Basic credentials encoded by the service, and OAuth tokens the service fetches itself, over real HTTP, from the
 * destination's {@code tokenServiceURL}. A failed retrieval becomes an entry with empty type and value and an
 * {@code error} text, never an HTTP error of the find call — as the real service does.
 */
final class DestinationAuthTokens {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;

    private final TokenAuthority authority;
    private final IdentityAssertions assertions;

    private final CloudConnector cloudConnector;
    /**
     * Origins ({@code scheme://host:port}) of the landscape's own token services. The real service calls any
     * tokenServiceURL on the Internet; this one runs on a developer's machine, where the same freedom would let a
     * destination make it send client credentials (and users' tokens) to any local port — so it calls only these,
     * and systems behind its Cloud Connector.
     */
    private final java.util.Set<String> ownTokenServices = java.util.concurrent.ConcurrentHashMap.newKeySet();

    DestinationAuthTokens(TokenAuthority authority, IdentityAssertions assertions, CloudConnector cloudConnector) {
        this.authority = authority;
        this.assertions = assertions;
        this.cloudConnector = cloudConnector;
    }

    /** Lets the service fetch tokens from the token service at {@code base} (its scheme, host and port). */
    void trustTokenService(URI base) {
        ownTokenServices.add(origin(base));
    }

    /** {@code scheme://host:port}, with the loopback names taken as one host. */
    private static String origin(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        if (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1")) {
            host = "loopback";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + host + ":" + port;
    }

    /**
     * The tokens for {@code destination}; an empty list means "no authTokens member". {@code header} reads the find
     * request's headers ({@code X-user-token}, {@code X-refresh-token}, {@code X-code}, {@code X-Subject-Token} …).
     */
    List<Map<String, Object>> tokensFor(Map<String, String> stored, Function<String, String> header) {
        String authentication = stored.getOrDefault("Authentication", "NoAuthentication");
        Map<String, String> destination = switch (authentication) {
            case "OAuth2ClientCredentials", "OAuth2TechnicalUserPropagation" -> forTenant(stored, header.apply("x-tenant"));
            default -> stored;
        };
        String userToken = header.apply("X-user-token");
        return switch (authentication) {
            case "NoAuthentication", "PrincipalPropagation", "ClientCertificateAuthentication" -> List.of();
            case "BasicAuthentication" -> List.of(basic(destination));
            case "OAuth2ClientCredentials" -> List.of(oauth(destination, grant("client_credentials"), "Authorization"));
            case "OAuth2TechnicalUserPropagation" -> List.of(oauth(destination, grant("client_credentials"),
                    "SAP-Connectivity-Technical-Authentication"));
            case "OAuth2Password" -> List.of(password(destination));
            // XSUAA runs the user token exchange as a JWT bearer grant with the user's token as assertion
            case "OAuth2UserTokenExchange", "OAuth2JWTBearer" -> List.of(userToken == null
                    ? failed("the request has no user token (X-user-token), which " + authentication + " needs")
                    : oauth(destination, grant("urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", userToken),
                            "Authorization"));
            case "OAuth2RefreshToken" -> List.of(header.apply("X-refresh-token") == null
                    ? failed("the request has no refresh token (X-refresh-token)")
                    : oauth(destination, grant("refresh_token", "refresh_token", header.apply("X-refresh-token")),
                            "Authorization"));
            case "OAuth2AuthorizationCode" -> List.of(header.apply("X-code") == null
                    ? failed("the request has no authorization code (X-code)")
                    : oauth(destination, grant("authorization_code", "code", header.apply("X-code"), "redirect_uri",
                            header.apply("X-redirect-uri"), "code_verifier", header.apply("X-code-verifier")),
                            "Authorization"));
            case "OAuth2TokenExchange" -> List.of(header.apply("X-Subject-Token") == null
                    ? failed("the request has no subject token (X-Subject-Token)")
                    : oauth(destination, grant("urn:ietf:params:oauth:grant-type:token-exchange", "subject_token",
                            header.apply("X-Subject-Token"), "subject_token_type",
                            Optional.ofNullable(header.apply("X-Subject-Token-Type"))
                                    .orElse("urn:ietf:params:oauth:token-type:access_token")), "Authorization"));
            case "OAuth2SAMLBearerAssertion" -> List.of(samlBearer(destination, userToken));
            case "SAMLAssertion" -> List.of(samlAssertion(destination, userToken));
            case "SAPAssertionSSO" -> List.of(logonTicket(destination, userToken));
            default -> List.of(failed("authentication type " + authentication + " is not supported"));
        };
    }

    /**
     * The destination with a {@code tokenServiceURLType: Common} token URL made the tenant's
     * [oauth-client-credentials-authentication-4e1d742]: {@code {tenant}} replaced by the subdomain ({@code x-tenant},
     * else the caller's own); without the placeholder the subdomain goes before the host — on loopback, which has no
     * subdomains, into the path as the sandbox's subscriber token URLs have it ({@code /tenants/<subdomain>/…}).
     */
    private static Map<String, String> forTenant(Map<String, String> destination, String subdomain) {
        String url = destination.get("tokenServiceURL");
        if (url == null || subdomain == null || !"Common".equalsIgnoreCase(destination.getOrDefault("tokenServiceURLType", "").trim())) {
            return destination;
        }
        String resolved;
        if (url.contains("{tenant}")) {
            resolved = url.replace("{tenant}", subdomain);
        } else if (subdomain.equals(Tenants.PROVIDER_SUBDOMAIN)) {
            resolved = url;
        } else {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                return destination;
            }
            if (uri.getHost() == null) {
                return destination;
            }
            resolved = origin(uri).startsWith(uri.getScheme() + "://loopback")
                    ? uri.getScheme() + "://" + uri.getRawAuthority() + "/tenants/" + subdomain + uri.getRawPath()
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    : url.replaceFirst(java.util.regex.Pattern.quote(uri.getHost()), subdomain + "." + uri.getHost());
        }
        Map<String, String> copy = new java.util.LinkedHashMap<>(destination);
        copy.put("tokenServiceURL", resolved);
        return copy;
    }

    /** The user the service asserts: the destination's SystemUser, else the verified user token's user. */
    private Optional<String> assertedUser(Map<String, String> destination, String userToken, boolean systemUserAllowed) {
        String systemUser = destination.get("SystemUser");
        if (systemUserAllowed && systemUser != null && !systemUser.isBlank()) {
            return Optional.of(systemUser.trim());
        }
        return authority.verify(userToken).filter(TokenAuthority.VerifiedToken::isUserToken)
                .map(TokenAuthority.VerifiedToken::userName);
    }

    private Map<String, Object> samlBearer(Map<String, String> destination, String userToken) {
        Optional<String> user = assertedUser(destination, userToken, true);
        if (user.isEmpty()) {
            return failed(userToken == null ? "the request has no user token (X-user-token) and the destination no SystemUser"
                    : "the user token (X-user-token) is not valid");
        }
        String assertion = assertions.samlAssertion(user.get(), destination.getOrDefault("audience", ""),
                destination.getOrDefault("authnContextClassRef", ""));
        // RFC 7522 §2.1: the assertion travels base64url-encoded
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(assertion));
        Map<String, String> client = new LinkedHashMap<>(destination);
        // the token service knows the client by clientKey; tokenServiceUser/tokenServicePassword authenticate it
        client.put("clientId", destination.getOrDefault("tokenServiceUser", destination.get("clientKey")));
        client.putIfAbsent("clientSecret", destination.getOrDefault("tokenServicePassword", ""));
        if (destination.containsKey("tokenServicePassword")) {
            client.put("clientSecret", destination.get("tokenServicePassword"));
        }
        return oauth(client, grant("urn:ietf:params:oauth:grant-type:saml2-bearer", "assertion", encoded), "Authorization");
    }

    private Map<String, Object> samlAssertion(Map<String, String> destination, String userToken) {
        Optional<String> user = assertedUser(destination, userToken, false);
        if (user.isEmpty()) {
            return failed(userToken == null ? "the request has no user token (X-user-token)"
                    : "the user token (X-user-token) is not valid");
        }
        String assertion = assertions.samlAssertion(user.get(), destination.getOrDefault("audience", ""),
                destination.getOrDefault("authnContextClassRef", ""));
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("type", "SAML2.0");
        token.put("value", assertion);
        token.put("http_header", header("Authorization", "SAML2.0 " + assertion));
        return token;
    }

    private Map<String, Object> logonTicket(Map<String, String> destination, String userToken) {
        Optional<String> user = assertedUser(destination, userToken, true);
        if (user.isEmpty()) {
            return failed(userToken == null ? "the request has no user token (X-user-token) and the destination no SystemUser"
                    : "the user token (X-user-token) is not valid");
        }
        String ticket = assertions.logonTicket(user.get());
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("type", "MYSAPSSO2");
        token.put("value", ticket);
        token.put("http_header", header("Cookie", "MYSAPSSO2=" + ticket));
        return token;
    }

    /** A grant from its type and name/value pairs (null values left out), parsed and validated by Nimbus. */
    private static AuthorizationGrant grant(String type, String... nameValues) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("grant_type", List.of(type));
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                form.put(nameValues[i], List.of(nameValues[i + 1]));
            }
        }
        try {
            return AuthorizationGrant.parse(form);
        } catch (ParseException e) {
            return new InvalidGrant(e.getMessage());
        }
    }

    /** A grant the request's values could not form (e.g. an assertion that is not a JWT): reported as a failed token. */
    private static final class InvalidGrant extends AuthorizationGrant {
        private final String reason;

        InvalidGrant(String reason) {
            super(new GrantType("invalid"));
            this.reason = reason;
        }

        @Override
        public Map<String, List<String>> toParameters() {
            return Map.of();
        }
    }

    private static Map<String, Object> basic(Map<String, String> destination) {
        String user = destination.get("User");
        String password = destination.get("Password");
        if (user == null || password == null) {
            return failed("User or Password is missing");
        }
        String value = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("type", "Basic");
        token.put("value", value);
        token.put("http_header", header("Authorization", "Basic " + value));
        return token;
    }

    private Map<String, Object> password(Map<String, String> destination) {
        String user = destination.get("User");
        String password = destination.get("Password");
        if (user == null || password == null) {
            return failed("User or Password is missing");
        }
        return oauth(destination, new ResourceOwnerPasswordCredentialsGrant(user, new Secret(password)),
                "Authorization");
    }

    private Map<String, Object> oauth(Map<String, String> destination, AuthorizationGrant grant,
            String headerKey) {
        if (grant instanceof InvalidGrant invalid) {
            return failed("the request's token cannot be used: " + invalid.reason);
        }
        String tokenServiceUrl = destination.get("tokenServiceURL");
        String clientId = destination.get("clientId");
        String clientSecret = destination.get("clientSecret");
        if (tokenServiceUrl == null || clientId == null || clientSecret == null) {
            return failed("tokenServiceURL, clientId or clientSecret is missing");
        }
        URI tokenUri;
        try {
            tokenUri = URI.create(tokenServiceUrl);
        } catch (IllegalArgumentException e) {
            return failed("tokenServiceURL is not a valid URL");
        }
        if ("OnPremise".equalsIgnoreCase(destination.getOrDefault("tokenServiceURL.ProxyType", "Internet").trim())) {
            // the service reaches a token service behind the Cloud Connector through it: the same checks apply
            Route route = throughCloudConnector(destination, tokenUri);
            if (route.failure() != null) {
                return route.failure();
            }
            tokenUri = route.internalUri();
        } else if (!ownTokenServices.contains(origin(tokenUri))) {
            return failed("tokenServiceURL " + origin(tokenUri).replace("loopback", tokenUri.getHost()) + " is not a token"
                    + " service of this sandbox: its Destination Service fetches tokens only from the sandbox's own token"
                    + " services (Sandbox.tokenServiceUri(), x509TokenService) and, with tokenServiceURL.ProxyType=OnPremise,"
                    + " from systems behind its Cloud Connector");
        }
        // tokenService.addClientCredentialsInBody defaults to true [oauth-client-credentials-authentication-4e1d742]
        boolean inBody = !"false".equalsIgnoreCase(destination.get("tokenService.addClientCredentialsInBody"));
        ClientAuthentication auth = inBody
                ? new ClientSecretPost(new ClientID(clientId), new Secret(clientSecret))
                : new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret));
        String scopeProperty = destination.get("scope");
        Scope scope = scopeProperty == null || scopeProperty.isBlank() ? null : Scope.parse(scopeProperty);
        try {
            HTTPRequest request = new TokenRequest(tokenUri, auth, grant, scope).toHTTPRequest();
            request.setConnectTimeout(CONNECT_TIMEOUT_MS);
            request.setReadTimeout(READ_TIMEOUT_MS);
            TokenResponse response = TokenResponse.parse(request.send());
            if (!response.indicatesSuccess()) {
                return failed(describe(response.toErrorResponse().getErrorObject()));
            }
            AccessToken accessToken = response.toSuccessResponse().getTokens().getAccessToken();
            Map<String, Object> token = new LinkedHashMap<>();
            token.put("type", "bearer");
            token.put("value", accessToken.getValue());
            token.put("expires_in", Long.toString(accessToken.getLifetime()));
            if (accessToken.getScope() != null) {
                token.put("scope", accessToken.getScope().toString());
            }
            token.put("http_header", header(headerKey, "Bearer " + accessToken.getValue()));
            return token;
        } catch (IOException e) {
            return failed("I/O error calling " + tokenUri.getScheme() + "://" + tokenUri.getAuthority() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (ParseException | RuntimeException e) {
            return failed("the token service answer could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The internal address of a token service behind the Cloud Connector ({@code tokenServiceURL.ProxyType=OnPremise}):
     * the connector of the destination's location must be connected, the virtual host mapped and the path allowed
     * (denials are audited) — else a failed token.
     */
    private Route throughCloudConnector(Map<String, String> destination, URI tokenUri) {
        if (!"http".equalsIgnoreCase(tokenUri.getScheme()) || tokenUri.getHost() == null) {
            return Route.failed("tokenServiceURL must be http://<virtual host>:<port>/... when tokenServiceURL.ProxyType is OnPremise");
        }
        String location = destination.getOrDefault("CloudConnectorLocationId", "").trim();
        var connector = cloudConnector.find(location).filter(CloudConnector.Connector::isConnected);
        if (connector.isEmpty()) {
            return Route.failed(CloudConnector.notConnected(location));
        }
        String host = tokenUri.getHost().toLowerCase(java.util.Locale.ROOT);
        int port = tokenUri.getPort() < 0 ? 80 : tokenUri.getPort();
        String path = tokenUri.getPath() == null || tokenUri.getPath().isEmpty() ? "/" : tokenUri.getPath();
        CloudConnector.Decision decision = connector.get().decide(host, port, path);
        if (decision.target() == null) {
            cloudConnector.deny(location, host, port, path, decision.denial());
            return Route.failed("Access denied to system " + host + ":" + port);
        }
        return new Route(URI.create("http://" + decision.target().internalHost() + ":" + decision.target().internalPort()
                + tokenUri.getRawPath() + (tokenUri.getRawQuery() == null ? "" : "?" + tokenUri.getRawQuery())), null);
    }

    /** Where a token request behind the Cloud Connector goes: the internal address, or the failed token answering it. */
    private record Route(URI internalUri, Map<String, Object> failure) {

        static Route failed(String reason) {
            return new Route(null, DestinationAuthTokens.failed(reason));
        }
    }

    /** "401 invalid_client: Bad credentials" — status, code and description, which never carry the secret. */
    private static String describe(ErrorObject error) {
        StringBuilder reason = new StringBuilder();
        if (error.getHTTPStatusCode() > 0) {
            reason.append(error.getHTTPStatusCode());
        }
        if (error.getCode() != null) {
            reason.append(reason.length() > 0 ? " " : "").append(error.getCode());
        }
        if (error.getDescription() != null) {
            reason.append(": ").append(error.getDescription());
        }
        return reason.length() == 0 ? "unknown error" : reason.toString();
    }

    private static Map<String, Object> failed(String reason) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("type", "");
        token.put("value", "");
        token.put("error", "Retrieval of OAuth token failed due to: " + reason);
        return token;
    }

    private static Map<String, String> header(String key, String value) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("key", key);
        header.put("value", value);
        return header;
    }
}
