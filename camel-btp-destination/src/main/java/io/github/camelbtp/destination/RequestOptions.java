package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The per-request lookup options of one exchange, read from the headers the endpoint's options name: the user's JWT
 * (default: the incoming {@code Authorization: Bearer} header), refresh token, authorization code, subject token,
 * tenant; fragment and chain come from the endpoint itself. Also which headers are the caller's credentials, taken off
 * the message for the call: the lookup inputs, and — unless the endpoint forwards the caller's credentials —
 * {@code Authorization} of any scheme and {@code Cookie}, which a platform-http consumer passes on from its own caller.
 *
 * @param options           the lookup options
 * @param credentialHeaders the headers to take off the message for the call
 * @param forwarded         a hash of the caller's credentials that do reach the target ({@code forwardCallerCredentials}),
 *                          part of the session scope; {@code null} when none do
 */
record RequestOptions(DestinationOptions options, List<String> credentialHeaders, String forwarded) {

    /** The caller's own credentials as HTTP consumers deliver them: never sent on unless the endpoint asks. */
    static final List<String> CALLER_CREDENTIALS = List.of("Authorization", "Cookie");

    static RequestOptions of(BtpDestinationEndpoint endpoint, Message in) {
        DestinationOptions options = DestinationOptions.builder()
                .tenant(header(in, endpoint.getLookup().getTenantHeader()))
                .userToken(bearer(header(in, endpoint.getLookup().getUserTokenHeader())))
                .refreshToken(header(in, endpoint.getLookup().getRefreshTokenHeader()))
                .authorizationCode(header(in, endpoint.getLookup().getCodeHeader()), header(in, endpoint.getLookup().getRedirectUriHeader()),
                        header(in, endpoint.getLookup().getCodeVerifierHeader()))
                .subjectToken(bearer(header(in, endpoint.getLookup().getSubjectTokenHeader())), header(in, endpoint.getLookup().getSubjectTokenTypeHeader()))
                .fragment(endpoint.getLookup().getFragmentName(), endpoint.getLookup().isFragmentOptional())
                .chain(endpoint.getLookup().getChainName(), endpoint.getLookup().getChainVariables())
                .build();
        boolean forward = endpoint.getLookup().isForwardCallerCredentials();
        // a forwarded user-token header stays on the message; else it is taken off when it held a bearer token (any
        // other Authorization is taken off below, as a caller credential)
        Stream<String> inputs = Stream.of(options.userToken() != null && !forward ? endpoint.getLookup().getUserTokenHeader() : null,
                endpoint.getLookup().getRefreshTokenHeader(), endpoint.getLookup().getCodeHeader(), endpoint.getLookup().getCodeVerifierHeader(),
                endpoint.getLookup().getSubjectTokenHeader());
        List<String> credentials = Stream.concat(inputs, forward ? Stream.empty() : CALLER_CREDENTIALS.stream())
                .filter(Objects::nonNull).distinct().toList();
        return new RequestOptions(options, credentials, forward ? forwarded(in) : null);
    }

    /**
     * {@link #of} for every exchange of one endpoint, with the work that depends on the endpoint alone done once: an
     * exchange that carries none of the lookup headers (the common case: no tenant, no user token) gets the options
     * built at start instead of a builder's worth of work per exchange (issue 12).
     */
    static final class Reader {
        private final BtpDestinationEndpoint endpoint;
        private final String[] lookupHeaders;
        /** {@link #of} for a message without lookup headers, built by the first such exchange. */
        private volatile RequestOptions withoutLookupHeaders;

        Reader(BtpDestinationEndpoint endpoint) {
            this.endpoint = endpoint;
            LookupOptions lookup = endpoint.getLookup();
            this.lookupHeaders = Stream.of(lookup.getTenantHeader(), lookup.getUserTokenHeader(), lookup.getRefreshTokenHeader(),
                    lookup.getCodeHeader(), lookup.getRedirectUriHeader(), lookup.getCodeVerifierHeader(),
                    lookup.getSubjectTokenHeader(), lookup.getSubjectTokenTypeHeader())
                    .filter(name -> name != null && !name.isBlank()).distinct().toArray(String[]::new);
        }

        RequestOptions read(Message in) {
            for (String name : lookupHeaders) {
                if (in.getHeader(name) != null) {
                    return of(endpoint, in);
                }
            }
            RequestOptions plain = withoutLookupHeaders;
            if (plain == null) {
                // what of() makes of a message without those headers (the caller's forwarded credentials aside)
                plain = of(endpoint, new DefaultMessage(in.getExchange().getContext()));
                withoutLookupHeaders = plain;
            }
            if (endpoint.getLookup().isForwardCallerCredentials()) {
                return new RequestOptions(plain.options, plain.credentialHeaders, forwarded(in));
            }
            return plain;
        }
    }

    /** A hash of the caller's credentials that travel to the target, or {@code null} when the message has none. */
    private static String forwarded(Message in) {
        StringBuilder values = new StringBuilder();
        for (String name : CALLER_CREDENTIALS) {
            String value = header(in, name);
            if (value != null) {
                values.append(name).append('=').append(value).append('\n');
            }
        }
        return values.isEmpty() ? null : DestinationOptions.hash(values.toString());
    }

    /** What the request acts as at the target: the destination's identity, and the caller's forwarded credentials. */
    String identityScope(ResolvedDestination resolved) {
        String scope = resolved.identityScope(options);
        return forwarded == null ? scope : scope + "|caller=" + forwarded;
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
