package io.github.camelbtp.connectivity.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An OAuth 2.0 grant: its {@code grant_type} and the form parameters that go with it (RFC 6749 §4, RFC 7523 JWT
 * bearer, RFC 8693 token exchange). Part of {@link TokenRequest}, so tokens obtained for different users, refresh
 * tokens or codes never share a cache entry. {@code toString()} shows parameter names, never their values.
 *
 * @param type       the {@code grant_type}
 * @param parameters the grant's form parameters ({@code username}, {@code assertion}, {@code refresh_token}, …)
 */
public record TokenGrant(String type, Map<String, String> parameters) {

    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    /** RFC 8693's type of an access token, the default subject token type. */
    public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    public static final TokenGrant CLIENT_CREDENTIALS = new TokenGrant("client_credentials", Map.of());

    /** Grants whose parameters identify a user: their tokens are per user. */
    private static final Set<String> USER_GRANTS = Set.of("password", JWT_BEARER, "refresh_token", "authorization_code",
            TOKEN_EXCHANGE);

    public TokenGrant {
        parameters = Map.copyOf(parameters);
    }

    /** Resource owner password credentials (RFC 6749 §4.3), used by OAuth2Password. */
    public static TokenGrant password(String user, String password) {
        return new TokenGrant("password", Map.of("username", user, "password", password));
    }

    /** JWT bearer (RFC 7523): a user's JWT exchanged for a token of this client, used by OAuth2JWTBearer. */
    public static TokenGrant jwtBearer(String userJwt) {
        return new TokenGrant(JWT_BEARER, Map.of("assertion", userJwt));
    }

    public static TokenGrant refreshToken(String refreshToken) {
        return new TokenGrant("refresh_token", Map.of("refresh_token", refreshToken));
    }

    public static TokenGrant authorizationCode(String code, String redirectUri, String codeVerifier) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("code", code);
        if (redirectUri != null) {
            p.put("redirect_uri", redirectUri);
        }
        if (codeVerifier != null) {
            p.put("code_verifier", codeVerifier);
        }
        return new TokenGrant("authorization_code", p);
    }

    /** Token exchange (RFC 8693); the subject token type defaults to an access token. */
    public static TokenGrant tokenExchange(String subjectToken, String subjectTokenType) {
        return new TokenGrant(TOKEN_EXCHANGE, Map.of("subject_token", subjectToken, "subject_token_type",
                subjectTokenType == null ? ACCESS_TOKEN_TYPE : subjectTokenType));
    }

    /** Whether the token this grant yields belongs to a user rather than to the client. */
    public boolean isUserGrant() {
        return USER_GRANTS.contains(type);
    }

    @Override
    public String toString() {
        return "TokenGrant[type=" + type + ", parameters=" + parameters.keySet() + "]";
    }
}
