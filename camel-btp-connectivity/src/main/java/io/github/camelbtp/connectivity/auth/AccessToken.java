package io.github.camelbtp.connectivity.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token and when it expires. {@code toString()} never shows the value.
 * <p>
 * A class rather than a record so the header value is built once per token, not once per request: a cached token
 * serves thousands of requests, and {@code "Bearer " + value} copied a JWT of about 1 KB each time (issue 12: over
 * half of the bytes the engine allocated per on-premise request).
 */
public final class AccessToken {

    private final String value;
    private final Instant expiresAt;
    private final String bearer;

    public AccessToken(String value, Instant expiresAt) {
        this.value = value;
        this.expiresAt = expiresAt;
        this.bearer = "Bearer " + value;
    }

    public String value() {
        return value;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** The token as an {@code Authorization}/{@code Proxy-Authorization} header value. */
    public String bearer() {
        return bearer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessToken other && Objects.equals(value, other.value)
                && Objects.equals(expiresAt, other.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + ", value=****]";
    }
}
