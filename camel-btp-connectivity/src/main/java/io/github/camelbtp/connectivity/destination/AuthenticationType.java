package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;

import java.util.List;

/**
 * SAP's 15 values of {@code Authentication} for HTTP destinations [http-destinations-42a0e6b], each with the
 * properties it needs and the per-request input (user JWT, refresh token, code, subject token) its token flow needs.
 * Constants are spelled as SAP spells the values, so {@link #of} is an exact match.
 */
@SuppressWarnings("java:S115") // SAP's spelling, not Java's constant style: the value is the name
public enum AuthenticationType {

    NoAuthentication(Input.NONE),
    BasicAuthentication(Input.NONE, DestinationProperty.USER, DestinationProperty.PASSWORD),
    ClientCertificateAuthentication(Input.NONE, DestinationProperty.KEY_STORE_LOCATION),
    PrincipalPropagation(Input.USER_TOKEN),
    OAuth2ClientCredentials(Input.NONE, DestinationProperty.CLIENT_ID, DestinationProperty.TOKEN_SERVICE_URL),
    OAuth2Password(Input.NONE, DestinationProperty.CLIENT_ID, DestinationProperty.USER, DestinationProperty.PASSWORD,
            DestinationProperty.TOKEN_SERVICE_URL),
    OAuth2UserTokenExchange(Input.USER_TOKEN, DestinationProperty.CLIENT_ID, DestinationProperty.TOKEN_SERVICE_URL),
    OAuth2JWTBearer(Input.USER_TOKEN, DestinationProperty.CLIENT_ID, DestinationProperty.TOKEN_SERVICE_URL),
    OAuth2SAMLBearerAssertion(Input.USER_TOKEN_UNLESS_SYSTEM_USER, DestinationProperty.AUDIENCE,
            DestinationProperty.CLIENT_KEY, DestinationProperty.TOKEN_SERVICE_URL, DestinationProperty.AUTHN_CONTEXT_CLASS_REF),
    SAMLAssertion(Input.USER_TOKEN, DestinationProperty.AUDIENCE, DestinationProperty.AUTHN_CONTEXT_CLASS_REF),
    SAPAssertionSSO(Input.USER_TOKEN_UNLESS_SYSTEM_USER),
    OAuth2RefreshToken(Input.REFRESH_TOKEN, DestinationProperty.CLIENT_ID, DestinationProperty.TOKEN_SERVICE_URL),
    OAuth2AuthorizationCode(Input.CODE, DestinationProperty.CLIENT_ID, DestinationProperty.TOKEN_SERVICE_URL),
    OAuth2TokenExchange(Input.SUBJECT_TOKEN, DestinationProperty.CLIENT_ID, DestinationProperty.TOKEN_SERVICE_URL),
    OAuth2TechnicalUserPropagation(Input.NONE, DestinationProperty.CLIENT_ID, DestinationProperty.TOKEN_SERVICE_URL);

    /** What a request must carry for the type's token flow. */
    enum Input {
        NONE, USER_TOKEN, USER_TOKEN_UNLESS_SYSTEM_USER, REFRESH_TOKEN, CODE, SUBJECT_TOKEN
    }

    private final Input input;
    private final List<String> requiredProperties;

    AuthenticationType(Input input, String... requiredProperties) {
        this.input = input;
        this.requiredProperties = List.of(requiredProperties);
    }

    /**
     * The type a destination names (matched ignoring case, see {@link EnumeratedProperty}), or a
     * {@link DestinationConfigurationException} listing SAP's values.
     */
    public static AuthenticationType of(Destination destination) {
        return destination.authentication();
    }

    /** The properties SAP documents as required for this type. */
    public List<String> requiredProperties() {
        return requiredProperties;
    }

    /** Whether tokens of this type belong to the requesting user (or another per-request input), not to a client. */
    public boolean isUserDependent() {
        return input != Input.NONE;
    }

    /**
     * Whether the Destination Service's answer for a destination of this type depends on who asks: the service runs
     * the type's token flow with the request's user token, refresh token, code or subject token and returns that
     * user's {@code authTokens} [find-a-destination-response-structure-83a3f3b], so a cached answer must never serve
     * another user. PrincipalPropagation is not such a type: the service's answer is the same for everyone and the
     * user's JWT travels to the Connectivity proxy with each request. SAML and SAP assertion types configured with a
     * {@code SystemUser} act for that fixed user.
     */
    public boolean answerDependsOnUser(Destination destination) {
        return switch (input) {
            case NONE -> false;
            case USER_TOKEN -> this != PrincipalPropagation;
            case USER_TOKEN_UNLESS_SYSTEM_USER -> destination.property(DestinationProperty.SYSTEM_USER).isEmpty();
            case REFRESH_TOKEN, CODE, SUBJECT_TOKEN -> true;
        };
    }

    /**
     * Whom a request of this type logs on to the target as, for scoping what belongs to that identity (SAP session
     * cookies, CSRF tokens, keep-alive connections through the Connectivity proxy): the per-request input of a
     * user-dependent type (the user's JWT, refresh token, code or subject token), the {@code SystemUser} of the SAML
     * types without a user, the {@code User} of Basic, the client of the client-credential types, the key store of
     * ClientCertificateAuthentication, nothing for NoAuthentication (the destination and tenant are the scope).
     * Per-request inputs appear as a SHA-256 prefix only, never as the token: a token is the only proof of its user
     * that is safe to key on, since the claims of an unverified JWT could be forged to pick another user's session.
     */
    public String identity(Destination destination, DestinationOptions options) {
        String perRequest = switch (input) {
            case NONE -> null;
            case USER_TOKEN, USER_TOKEN_UNLESS_SYSTEM_USER -> options.userToken();
            case REFRESH_TOKEN -> options.refreshToken();
            case CODE -> options.code();
            case SUBJECT_TOKEN -> options.subjectToken();
        };
        if (perRequest != null) {
            return "user:" + DestinationOptions.hash(perRequest);
        }
        return switch (this) {
            case NoAuthentication -> "";
            case OAuth2SAMLBearerAssertion, SAPAssertionSSO ->
                    "system:" + destination.property(DestinationProperty.SYSTEM_USER).orElse("");
            case BasicAuthentication -> "basic:" + destination.property(DestinationProperty.USER).orElse("");
            case OAuth2Password -> "password:" + destination.property(DestinationProperty.CLIENT_ID).orElse("") + '/'
                    + destination.property(DestinationProperty.USER).orElse("");
            case ClientCertificateAuthentication ->
                    "certificate:" + destination.property(DestinationProperty.KEY_STORE_LOCATION).orElse("");
            // the client-credential types act as their client; a user-dependent type without its input never gets
            // this far (validate refuses it), the client is then the safest scope
            default -> "client:" + destination.property(DestinationProperty.CLIENT_ID).orElse("") + '@'
                    + destination.property(DestinationProperty.TOKEN_SERVICE_URL).orElse("");
        };
    }

    /**
     * Checks what the type needs before any flow runs: its required properties, OnPremise for the propagation types,
     * and the per-request input. A type that needs a user token and gets none fails here — it is never run as a
     * technical user.
     */
    public void validate(Destination destination, DestinationOptions options) {
        validateConfiguration(destination);
        String missing = switch (input) {
            case NONE -> null;
            case USER_TOKEN -> options.userToken() == null ? "the user's JWT (X-user-token)" : null;
            case USER_TOKEN_UNLESS_SYSTEM_USER -> options.userToken() == null
                    && destination.property(DestinationProperty.SYSTEM_USER).isEmpty()
                    ? "the user's JWT (X-user-token), or a SystemUser property on the destination" : null;
            case REFRESH_TOKEN -> options.refreshToken() == null ? "a refresh token (X-refresh-token)" : null;
            case CODE -> options.code() == null ? "an authorization code (X-code, with X-redirect-uri and"
                    + " X-code-verifier when the code was issued for them)" : null;
            case SUBJECT_TOKEN -> options.subjectToken() == null ? "a subject token (X-Subject-Token, with"
                    + " X-Subject-Token-Type)" : null;
        };
        if (missing != null) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.AUTHENTICATION, "is "
                    + name() + ", which acts for a user and needs " + missing + ", but the request carries none. Pass it"
                    + " with the request (btp-destination: the incoming 'Authorization: Bearer' header or the endpoint's"
                    + " userTokenHeader, refreshTokenHeader, codeHeader or subjectTokenHeader option). camel-btp never"
                    + " falls back to a technical user.");
        }
    }

    /**
     * The request-independent part of {@link #validate}: the required properties and OnPremise for the propagation
     * types. Destinations from configuration are checked with it at start.
     */
    public void validateConfiguration(Destination destination) {
        for (String property : requiredProperties) {
            // the reason is only built for a missing property: this runs on every request (issue 12)
            if (destination.property(property).isEmpty()) {
                destination.requireProperty(property, name() + " needs it");
            }
        }
        if ((this == PrincipalPropagation || this == OAuth2TechnicalUserPropagation) && !destination.isOnPremise()) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.PROXY_TYPE, "is '"
                    + destination.proxyType() + "', but " + name() + " propagates an identity through the Cloud Connector"
                    + " and works with ProxyType OnPremise only. Set ProxyType=OnPremise or choose another Authentication.");
        }
    }
}
