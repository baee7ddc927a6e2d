package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.destination.AuthToken;
import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.PerDestination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.http.HttpHeader;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokens the Destination Service returned ({@code authTokens}), used as given: {@code http_header} when present, else
 * {@code Authorization: <type> <value>}. A token the service failed to get ({@code error}) is a {@link TokenException}
 * with the service's text [find-a-destination-response-structure-83a3f3b]. A SAMLAssertion also asks the backend for a
 * security session [http-destinations-42a0e6b].
 */
final class ServiceTokenFlow implements AuthenticationFlow {

    /**
     * The headers of each destination object, built once: they come from its {@code authTokens} alone, and a cached
     * destination serves many requests (issue 12). Keyed by identity (weak keys): a refreshed destination, with new
     * tokens, is a new object. Failed tokens are never remembered: they throw on every request.
     */
    private final PerDestination<Authentication> built = new PerDestination<>();

    @Override
    public Authentication authenticate(Destination destination, DestinationOptions options, AuthenticationType type) {
        Authentication fromService = built.get(destination);
        if (fromService == null) {
            fromService = fromServiceTokens(destination, type.name());
            built.put(destination, fromService);
        }
        if (type == AuthenticationType.SAMLAssertion) {
            // the backend opens a security session from the assertion and answers with its session cookie
            // [http-destinations-42a0e6b]
            List<HttpHeader> headers = new ArrayList<>(fromService.headers());
            headers.add(new HttpHeader(Authenticator.SECURITY_SESSION_HEADER, "create"));
            return new Authentication(headers, null);
        }
        return fromService;
    }

    private static Authentication fromServiceTokens(Destination destination, String type) {
        List<HttpHeader> headers = new ArrayList<>();
        for (AuthToken token : destination.authTokens()) {
            if (token.failed()) {
                if (destination.authentication() == AuthenticationType.BasicAuthentication) {
                    // the service could not encode Basic credentials: name the missing property, as for local destinations
                    destination.requireProperty(DestinationProperty.USER, "BasicAuthentication needs a user");
                    destination.requireProperty(DestinationProperty.PASSWORD, "BasicAuthentication needs a password");
                }
                throw new TokenException(destination.name(), null, "destination_service_token_error", "The Destination Service"
                        + " could not obtain a token for destination '" + destination.name() + "' (Authentication=" + type
                        + "): " + token.error() + ". Check the destination's token service settings (tokenServiceURL,"
                        + " clientId, clientSecret, scope) in the BTP cockpit.", null);
            }
            if (token.headerName() != null && token.headerValue() != null) {
                headers.add(new HttpHeader(token.headerName(), token.headerValue()));
            } else if (!token.value().isEmpty()) {
                headers.add(new HttpHeader("Authorization", (token.type().isEmpty() ? "Bearer" : token.type()) + " " + token.value()));
            }
        }
        return new Authentication(headers, null);
    }
}
