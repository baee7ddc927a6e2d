package io.github.camelbtp.connectivity.destination;

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

    /** Whether the service failed to obtain this token. */
    public boolean failed() {
        return error != null && !error.isEmpty();
    }

    @Override
    public String toString() {
        return "AuthToken[type=" + type + ", header=" + headerName + ", expiresAt=" + expiresAt
                + (failed() ? ", error=" + error : "") + ", value=****]";
    }
}
