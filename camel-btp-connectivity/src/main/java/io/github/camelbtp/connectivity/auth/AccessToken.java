package io.github.camelbtp.connectivity.auth;

import java.time.Duration;
import java.time.Instant;

/** An access token and when it expires. {@code toString()} never shows the value. */
public record AccessToken(String value, Instant expiresAt) {

    /** The token as an {@code Authorization}/{@code Proxy-Authorization} header value. */
    public String bearer() {
        return "Bearer " + value;
    }

    /**
     * How long before expiry a token with this {@code lifetime} is renewed: the configured {@code margin}, but at most
     * half the lifetime. SAP documents no margin; a fixed one longer than a short-lived token (20 s tokens, a 30 s
     * margin) would make every call fetch a new token, while half the lifetime still leaves ample time for clock skew
     * and a request in flight.
     */
    public static Duration refreshMargin(Duration margin, Duration lifetime) {
        Duration half = lifetime.isNegative() ? Duration.ZERO : lifetime.dividedBy(2);
        return margin.compareTo(half) > 0 ? half : margin;
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + ", value=****]";
    }
}
