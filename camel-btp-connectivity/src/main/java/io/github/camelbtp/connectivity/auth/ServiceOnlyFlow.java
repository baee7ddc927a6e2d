package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.destination.DestinationServiceLoader;

/**
 * The SAML types (SAMLAssertion, SAPAssertionSSO, OAuth2SAMLBearerAssertion): only the Destination Service runs their
 * flows, so without its {@code authTokens} they are a configuration error that says why.
 */
final class ServiceOnlyFlow implements AuthenticationFlow {

    @Override
    public Authentication authenticate(Destination destination, DestinationOptions options, AuthenticationType type) {
        throw unsupportedWithoutService(destination, type.name());
    }

    static DestinationConfigurationException unsupportedWithoutService(Destination d, String type) {
        String why = DestinationServiceLoader.SOURCE.equals(d.source())
                ? "the Destination Service returned no token for it (was $skipTokenRetrieval used, or is the type"
                  + " missing its user token?)."
                : "this authentication type needs the Destination Service to run its token flow, and destination '"
                  + d.name() + "' comes from " + d.source() + ". Define it in the Destination Service, or use a type"
                  + " camel-btp runs client-side: NoAuthentication, BasicAuthentication, OAuth2ClientCredentials,"
                  + " OAuth2Password, OAuth2JWTBearer, OAuth2UserTokenExchange, OAuth2RefreshToken,"
                  + " OAuth2AuthorizationCode, OAuth2TokenExchange, OAuth2TechnicalUserPropagation, PrincipalPropagation.";
        return new DestinationConfigurationException(d.name(), DestinationProperty.AUTHENTICATION, "'" + type + "': " + why);
    }
}
