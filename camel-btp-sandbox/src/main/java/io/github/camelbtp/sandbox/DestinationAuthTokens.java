package io.github.camelbtp.sandbox;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
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
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code authTokens} of a find-destination answer [find-a-destination-response-structure-83a3f3b]:
 * Basic credentials encoded by the service, and OAuth tokens the service fetches itself, over real HTTP, from the
 * destination's {@code tokenServiceURL}. A failed retrieval becomes an entry with empty type and value and an
 * {@code error} text, never an HTTP error of the find call — as the real service does.
 */
final class DestinationAuthTokens {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;

    /** The tokens for {@code destination}; an empty list means "no authTokens member". */
    List<Map<String, Object>> tokensFor(Map<String, String> destination) {
        String authentication = destination.getOrDefault("Authentication", "NoAuthentication");
        return switch (authentication) {
            case "NoAuthentication", "PrincipalPropagation", "ClientCertificateAuthentication" -> List.of();
            case "BasicAuthentication" -> List.of(basic(destination));
            case "OAuth2ClientCredentials" -> List.of(oauth(destination, new ClientCredentialsGrant(), "Authorization"));
            case "OAuth2TechnicalUserPropagation" -> List.of(oauth(destination, new ClientCredentialsGrant(),
                    "SAP-Connectivity-Technical-Authentication"));
            case "OAuth2Password" -> List.of(password(destination));
            default -> List.of(failed("the sandbox Destination Service does not retrieve tokens for authentication "
                    + "type " + authentication));
        };
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

    private static Map<String, Object> password(Map<String, String> destination) {
        String user = destination.get("User");
        String password = destination.get("Password");
        if (user == null || password == null) {
            return failed("User or Password is missing");
        }
        return oauth(destination, new ResourceOwnerPasswordCredentialsGrant(user, new Secret(password)),
                "Authorization");
    }

    private static Map<String, Object> oauth(Map<String, String> destination, AuthorizationGrant grant,
            String headerKey) {
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
