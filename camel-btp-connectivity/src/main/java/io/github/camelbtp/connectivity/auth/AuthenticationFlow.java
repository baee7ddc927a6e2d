package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.destination.Destination;

/**
 * How one family of {@code Authentication} types produces a request's credentials; {@link Authenticator} picks the
 * family by {@link AuthenticationType}. Families: {@link BasicFlow} (none, Basic), {@link ClientSideOAuthFlow} (OAuth
 * grants run here), {@link ServiceTokenFlow} (tokens the Destination Service supplied), {@link ServiceOnlyFlow} (SAML
 * types, service only), and none at all for the types whose identity travels elsewhere (principal propagation: to the
 * Connectivity proxy; client certificate: in the TLS handshake).
 */
interface AuthenticationFlow {

    /** No header: the identity travels outside the request's headers. */
    AuthenticationFlow NO_HEADER = (destination, options, type) -> Authentication.NONE;

    Authentication authenticate(Destination destination, DestinationOptions options, AuthenticationType type);
}
