package io.github.camelbtp.connectivity.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Everything that defines an OAuth 2.0 client-credentials token request. Being a record, it is also the token
 * cache key: two requests that would yield different tokens never share one. {@code toString()} masks the secret.
 *
 * @param tokenEndpoint        full token URL, including {@code tokenServiceURL.queries.*}
 * @param clientId             client ID
 * @param clientSecret         client secret
 * @param credentialsInBody    client authentication in the form body ({@code client_secret_post}) rather than Basic
 * @param scope                space-separated scopes, or {@code null}
 * @param headers              extra request headers ({@code tokenServiceURL.headers.*})
 * @param bodyParameters       extra form parameters ({@code tokenService.body.*})
 * @param connectTimeout       connect timeout to the token service
 * @param readTimeout          read timeout
 * @param grant                the grant; {@link TokenGrant#CLIENT_CREDENTIALS} unless a flow needs another
 */
public record TokenRequest(URI tokenEndpoint, String clientId, String clientSecret, boolean credentialsInBody, String scope,
        Map<String, String> headers, Map<String, String> bodyParameters, Duration connectTimeout, Duration readTimeout,
        TokenGrant grant) {

    public TokenRequest {
        headers = Map.copyOf(headers);
        bodyParameters = Map.copyOf(bodyParameters);
        grant = grant == null ? TokenGrant.CLIENT_CREDENTIALS : grant;
    }

    /** A client-credentials request. */
    public TokenRequest(URI tokenEndpoint, String clientId, String clientSecret, boolean credentialsInBody, String scope,
            Map<String, String> headers, Map<String, String> bodyParameters, Duration connectTimeout, Duration readTimeout) {
        this(tokenEndpoint, clientId, clientSecret, credentialsInBody, scope, headers, bodyParameters, connectTimeout,
                readTimeout, TokenGrant.CLIENT_CREDENTIALS);
    }

    /** The same client and token service with another grant. */
    public TokenRequest withGrant(TokenGrant newGrant) {
        return new TokenRequest(tokenEndpoint, clientId, clientSecret, credentialsInBody, scope, headers, bodyParameters,
                connectTimeout, readTimeout, newGrant);
    }

    /** The same request sent to another token endpoint (a tenant's, for {@code tokenServiceURLType=Common}). */
    public TokenRequest withTokenEndpoint(URI endpoint) {
        return new TokenRequest(endpoint, clientId, clientSecret, credentialsInBody, scope, headers, bodyParameters,
                connectTimeout, readTimeout, grant);
    }

    @Override
    public String toString() {
        return "TokenRequest[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + ", credentialsInBody="
                + credentialsInBody + ", scope=" + scope + ", headers=" + headers.keySet() + ", bodyParameters="
                + bodyParameters.keySet() + ", grant=" + grant + ", clientSecret=****]";
    }
}
