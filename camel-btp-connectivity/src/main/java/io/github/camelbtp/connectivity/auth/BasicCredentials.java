package io.github.camelbtp.connectivity.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user and password for HTTP Basic authentication. {@code toString()} masks the password. */
public record BasicCredentials(String user, String password) {

    /** {@code Basic base64(user:password)} (RFC 7617, UTF-8). */
    public String headerValue() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + ", password=****]";
    }
}
