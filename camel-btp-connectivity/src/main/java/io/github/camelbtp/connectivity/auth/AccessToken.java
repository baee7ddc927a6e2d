package io.github.camelbtp.connectivity.auth;

import java.time.Instant;

/** An access token and when it expires. {@code toString()} never shows the value. */
public record AccessToken(String value, Instant expiresAt) {

    /** The token as an {@code Authorization}/{@code Proxy-Authorization} header value. */
    public String bearer() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + ", value=****]";
    }
}
