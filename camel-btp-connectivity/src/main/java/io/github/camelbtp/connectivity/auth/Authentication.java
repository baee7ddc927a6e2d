package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.http.HttpHeader;

import java.util.List;

/**
 * What step 3, <em>Authenticate</em>, produces for one request: headers to add and, for Basic authentication with
 * {@code Preemptive=FALSE}, credentials to answer a challenge with.
 *
 * @param headers              headers to set on the request (e.g. {@code Authorization})
 * @param challengeCredentials credentials to send only when the server asks (401), else {@code null}
 */
public record Authentication(List<HttpHeader> headers, BasicCredentials challengeCredentials) {

    public static final Authentication NONE = new Authentication(List.of(), null);

    public Authentication {
        headers = List.copyOf(headers);
    }

    public static Authentication header(String name, String value) {
        return new Authentication(List.of(new HttpHeader(name, value)), null);
    }
}
