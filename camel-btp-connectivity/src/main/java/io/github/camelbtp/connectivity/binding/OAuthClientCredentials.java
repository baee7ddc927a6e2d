package io.github.camelbtp.connectivity.binding;

import java.net.URI;

/**
 * A client ID and secret with the token endpoint they are valid at. {@code toString()} masks the secret.
 *
 * @param tokenEndpoint the full token endpoint ({@code …/oauth/token})
 */
public record OAuthClientCredentials(URI tokenEndpoint, String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "OAuthClientCredentials[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + ", clientSecret=****]";
    }
}
