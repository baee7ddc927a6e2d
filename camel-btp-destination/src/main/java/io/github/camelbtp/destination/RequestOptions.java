package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.DestinationOptions;
import org.apache.camel.Message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The per-request lookup options of one exchange, read from the headers the endpoint's options name: the user's JWT
 * (default: the incoming {@code Authorization: Bearer} header), refresh token, authorization code, subject token,
 * tenant; fragment and chain come from the endpoint itself.
 */
record RequestOptions(DestinationOptions options, List<String> credentialHeaders) {

    static RequestOptions of(BtpDestinationEndpoint endpoint, Message in) {
        DestinationOptions options = DestinationOptions.builder()
                .tenant(header(in, endpoint.getTenantHeader()))
                .userToken(bearer(header(in, endpoint.getUserTokenHeader())))
                .refreshToken(header(in, endpoint.getRefreshTokenHeader()))
                .authorizationCode(header(in, endpoint.getCodeHeader()), header(in, endpoint.getRedirectUriHeader()),
                        header(in, endpoint.getCodeVerifierHeader()))
                .subjectToken(bearer(header(in, endpoint.getSubjectTokenHeader())), header(in, endpoint.getSubjectTokenTypeHeader()))
                .fragment(endpoint.getFragmentName(), endpoint.isFragmentOptional())
                .chain(endpoint.getChainName(), endpoint.getChainVariables())
                .build();
        // the user-token header is taken off only when it held a bearer token: a route's own 'Authorization: Basic …'
        // for a NoAuthentication destination is left alone
        List<String> credentials = java.util.stream.Stream.of(options.userToken() != null ? endpoint.getUserTokenHeader() : null,
                endpoint.getRefreshTokenHeader(), endpoint.getCodeHeader(), endpoint.getCodeVerifierHeader(),
                endpoint.getSubjectTokenHeader())
                .filter(Objects::nonNull).toList();
        return new RequestOptions(options, credentials);
    }

    /** Takes the credential headers off the message; returns them to be put back after the call. */
    Map<String, Object> removeCredentialHeaders(Message in) {
        Map<String, Object> removed = new LinkedHashMap<>();
        for (String name : credentialHeaders) {
            Object value = in.removeHeader(name);
            if (value != null) {
                removed.put(name, value);
            }
        }
        return removed;
    }

    private static String header(Message in, String name) {
        return name == null || name.isBlank() ? null : in.getHeader(name, String.class);
    }

    /** A JWT with or without the "Bearer " prefix; another scheme (Basic …) carries no user JWT. */
    private static String bearer(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return v.substring(7).trim();
        }
        return v.contains(" ") ? null : v;
    }

    @Override
    public String toString() {
        return "RequestOptions[" + options + "]";
    }
}
