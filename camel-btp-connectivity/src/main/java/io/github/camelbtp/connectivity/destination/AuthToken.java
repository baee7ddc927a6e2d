package io.github.camelbtp.connectivity.destination;

import java.time.Duration;
import java.time.Instant;

/**
 * One entry of the find-destination response's {@code authTokens} [find-a-destination-response-structure-83a3f3b].
 * A failed token has an empty type and value and a non-null {@link #error()}.
 *
 * @param type       token type ({@code Basic}, {@code bearer}, …)
 * @param value      the token
 * @param headerName the header to send ({@code http_header.key}), e.g. {@code Authorization}
 * @param headerValue the header value to send as is ({@code http_header.value})
 * @param expiresAt  when the token expires, or {@code null} when the service did not say
 * @param error      the service's error text for a token it could not obtain, else {@code null}
 */
public record AuthToken(String type, String value, String headerName, String headerValue, Instant expiresAt, String error) {

    /**
     * Longer lifetimes than this are not taken as an expiry: a token "valid" for centuries is cached like a
     * destination without expiry (by the cache TTL), and {@code now + expires_in} can never overflow.
     */
    static final Duration LONGEST_EXPIRY = Duration.ofDays(3650);

    /**
     * When a token expires, from the find response's {@code expires_in} (seconds, as a string; a number is accepted
     * too) [find-a-destination-response-structure-83a3f3b]: {@code null} when the service did not say, or said
     * something that is no usable lifetime (not a number, or beyond {@link #LONGEST_EXPIRY}); a negative value means
     * already expired.
     */
    static Instant expiresAt(Instant now, String expiresIn) {
        if (expiresIn == null || expiresIn.isBlank()) {
            return null;
        }
        long seconds;
        try {
            seconds = Long.parseLong(expiresIn.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (seconds > LONGEST_EXPIRY.toSeconds()) {
            return null;
        }
        return now.plusSeconds(Math.max(seconds, 0));
    }

    /** Whether the service failed to obtain this token. */
    public boolean failed() {
        return error != null && !error.isEmpty();
    }

    @Override
    public String toString() {
        return "AuthToken[type=" + type + ", header=" + headerName + ", expiresAt=" + expiresAt
                + (failed() ? ", error=" + error : "") + ", value=****]";
    }

    /**
     * How long before expiry a token with this {@code lifetime} is renewed — a service {@code authTokens} entry (its
     * cache entry) or a token the engine fetched itself: the configured {@code margin}, but at most half the lifetime. SAP documents no margin; a fixed one longer than a short-lived token (20 s tokens, a 30 s
     * margin) would make every call fetch a new token, while half the lifetime still leaves ample time for clock skew
     * and a request in flight.
     */
    public static Duration refreshMargin(Duration margin, Duration lifetime) {
        Duration half = lifetime.isNegative() ? Duration.ZERO : lifetime.dividedBy(2);
        return margin.compareTo(half) > 0 ? half : margin;
    }
}
