package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.tls.TlsCache;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Step 3 of the engine, <em>Authenticate</em>: turns a destination's {@code Authentication} into request headers,
 * choosing the {@link AuthenticationFlow} of the type's family.
 * <ol>
 * <li>Tokens the Destination Service returned ({@code authTokens}) are used as given ({@link ServiceTokenFlow}).
 * Exception: BasicAuthentication with {@code Preemptive=FALSE} never sends a header unasked; its User/Password become
 * challenge credentials.</li>
 * <li>Otherwise (destinations from configuration or the environment variable) the flow runs here: Basic is encoded
 * locally ({@link BasicFlow}), OAuth grants run with the Nimbus SDK honouring SAP's token-service properties
 * ({@link ClientSideOAuthFlow}) [oauth-client-credentials-authentication-4e1d742].</li>
 * </ol>
 */
public final class Authenticator {

    /** SAP's 15 values of {@code Authentication} [http-destinations-42a0e6b]. */
    public static final Set<String> KNOWN_TYPES = java.util.Arrays.stream(AuthenticationType.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    /** Where OAuth2TechnicalUserPropagation's token goes [consuming-the-connectivity-service-313b215]. */
    public static final String TECHNICAL_AUTHENTICATION_HEADER = "SAP-Connectivity-Technical-Authentication";
    /** Sent with a SAMLAssertion so the backend creates a security session [http-destinations-42a0e6b]. */
    public static final String SECURITY_SESSION_HEADER = "x-sap-security-session";

    private final ClientSideOAuthFlow clientSideOAuth;
    private final AuthenticationFlow serviceTokens = new ServiceTokenFlow();
    /** The flow of each type for destinations without service {@code authTokens}. */
    private final Map<AuthenticationType, AuthenticationFlow> flows = new EnumMap<>(AuthenticationType.class);

    public Authenticator(TokenService tokens, TlsCache tlsCache) {
        this.clientSideOAuth = new ClientSideOAuthFlow(tokens, tlsCache);
        AuthenticationFlow basic = new BasicFlow();
        AuthenticationFlow serviceOnly = new ServiceOnlyFlow();
        for (AuthenticationType type : AuthenticationType.values()) {
            flows.put(type, switch (type) {
                case NoAuthentication, BasicAuthentication -> basic;
                // the user's identity travels to the Connectivity proxy, never as Authorization to the backend
                // [consuming-the-connectivity-service-313b215]; the certificate is presented in the TLS handshake
                case PrincipalPropagation, ClientCertificateAuthentication -> AuthenticationFlow.NO_HEADER;
                case SAMLAssertion, SAPAssertionSSO, OAuth2SAMLBearerAssertion -> serviceOnly;
                default -> clientSideOAuth;
            });
        }
    }

    /** Checks type, required properties and per-request input; see {@link AuthenticationType#validate}. */
    public AuthenticationType validate(Destination destination, DestinationOptions options) {
        AuthenticationType type = AuthenticationType.of(destination);
        type.validate(destination, options);
        return type;
    }

    public Authentication authenticate(Destination destination, DestinationOptions options) {
        return authenticateValidated(destination, options, validate(destination, options));
    }

    /** {@link #authenticate} for a destination {@link #validate} has just checked (and returned {@code type} for). */
    public Authentication authenticateValidated(Destination destination, DestinationOptions options, AuthenticationType type) {
        if (type == AuthenticationType.BasicAuthentication && !BasicFlow.preemptive(destination)) {
            // Preemptive=FALSE holds for service destinations too: the service's ready-made Basic header would
            // otherwise be sent unasked; answer the challenge with the destination's User/Password instead
            return BasicFlow.basic(destination);
        }
        if (type == AuthenticationType.PrincipalPropagation) {
            // the dispatch adds the header the Connectivity proxy needs
            return Authentication.NONE;
        }
        if (!destination.authTokens().isEmpty()) {
            return serviceTokens.authenticate(destination, options, type);
        }
        return flows.get(type).authenticate(destination, options, type);
    }

    /**
     * Drops the cached token of a destination whose OAuth flow runs client-side, after the target rejected it.
     *
     * @return whether the destination has such a token
     */
    public boolean forgetClientSideToken(Destination destination, DestinationOptions options) {
        return clientSideOAuth.forget(destination, options);
    }

    /** A property holding whole seconds, or the default; a value that is not a number is a configuration error. */
    public static Duration seconds(Destination d, String property, Duration defaultValue) {
        String value = d.property(property).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            long s = Long.parseLong(value);
            if (s <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            throw new DestinationConfigurationException(d.name(), property, "must be a positive number of seconds, was '" + value + "'.");
        }
    }
}
