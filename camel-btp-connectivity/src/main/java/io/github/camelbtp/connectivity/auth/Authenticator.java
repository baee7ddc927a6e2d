package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.destination.AuthToken;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.destination.DestinationServiceLoader;
import io.github.camelbtp.connectivity.destination.EnumeratedProperty;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.tls.ClientKey;
import io.github.camelbtp.connectivity.tls.TlsCache;
import io.github.camelbtp.connectivity.tls.TlsMaterial;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Step 3 of the engine, <em>Authenticate</em>: turns a destination's {@code Authentication} into request headers.
 * <ol>
 * <li>Tokens the Destination Service returned ({@code authTokens}) are used as given: {@code http_header} when present,
 * else {@code Authorization: <type> <value>}. A token the service failed to get ({@code error}) is a {@link TokenException}
 * with the service's text [find-a-destination-response-structure-83a3f3b]. Exception: BasicAuthentication with
 * {@code Preemptive=FALSE} never sends a header unasked; its User/Password become challenge credentials.</li>
 * <li>Otherwise (destinations from configuration or the environment variable) the flow runs here: Basic is encoded
 * locally, OAuth2ClientCredentials is run with the Nimbus SDK honouring SAP's token-service properties
 * [oauth-client-credentials-authentication-4e1d742].</li>
 * </ol>
 */
public final class Authenticator {

    /** SAP's 15 values of {@code Authentication} [http-destinations-42a0e6b]. */
    public static final Set<String> KNOWN_TYPES = java.util.Arrays.stream(AuthenticationType.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private static final Duration TOKEN_SERVICE_TIMEOUT = Duration.ofSeconds(10);
    /** Where OAuth2TechnicalUserPropagation's token goes [consuming-the-connectivity-service-313b215]. */
    public static final String TECHNICAL_AUTHENTICATION_HEADER = "SAP-Connectivity-Technical-Authentication";
    /** Sent with a SAMLAssertion so the backend creates a security session [http-destinations-42a0e6b]. */
    public static final String SECURITY_SESSION_HEADER = "x-sap-security-session";

    private final TokenService tokens;
    /** The engine's opened key stores (tokenService.KeyStoreLocation). */
    private final TlsCache tlsCache;

    public Authenticator(TokenService tokens, TlsCache tlsCache) {
        this.tokens = tokens;
        this.tlsCache = tlsCache;
    }

    /** Checks type, required properties and per-request input; see {@link AuthenticationType#validate}. */
    public AuthenticationType validate(Destination destination, DestinationOptions options) {
        AuthenticationType type = AuthenticationType.of(destination);
        type.validate(destination, options);
        return type;
    }

    public Authentication authenticate(Destination destination, DestinationOptions options) {
        AuthenticationType authType = validate(destination, options);
        String type = authType.name();
        if (authType == AuthenticationType.BasicAuthentication && !preemptive(destination)) {
            // Preemptive=FALSE holds for service destinations too: the service's ready-made Basic header would
            // otherwise be sent unasked; answer the challenge with the destination's User/Password instead
            return basic(destination);
        }
        if (authType == AuthenticationType.PrincipalPropagation) {
            // the user's identity travels to the Connectivity proxy, never as Authorization to the backend
            // [consuming-the-connectivity-service-313b215]; the dispatch adds the header it needs
            return Authentication.NONE;
        }
        if (!destination.authTokens().isEmpty()) {
            Authentication fromService = fromServiceTokens(destination, type);
            if (authType == AuthenticationType.SAMLAssertion) {
                // the backend opens a security session from the assertion and answers with its session cookie
                // [http-destinations-42a0e6b]
                List<HttpHeader> headers = new ArrayList<>(fromService.headers());
                headers.add(new HttpHeader(SECURITY_SESSION_HEADER, "create"));
                return new Authentication(headers, null);
            }
            return fromService;
        }
        return switch (authType) {
            // forwardAuthToken (the approuter's and SAP SDKs' property) sends the request's user JWT on as it is
            case NoAuthentication -> forwardAuthToken(destination) && options.userToken() != null
                    ? Authentication.header("Authorization", "Bearer " + options.userToken()) : Authentication.NONE;
            // the client certificate is presented in the TLS handshake (see TlsMaterial), no header
            case ClientCertificateAuthentication -> Authentication.NONE;
            case BasicAuthentication -> basic(destination);
            default -> {
                TokenGrant grant = clientSideGrant(authType, destination, options);
                if (grant == null) {
                    throw unsupportedWithoutService(destination, type);
                }
                yield bearer(destination, options, grant, authType == AuthenticationType.OAuth2TechnicalUserPropagation
                        ? TECHNICAL_AUTHENTICATION_HEADER : "Authorization");
            }
        };
    }

    /** The grant of the type's client-side OAuth flow, or {@code null} for types without one. */
    private static TokenGrant clientSideGrant(AuthenticationType type, Destination destination, DestinationOptions options) {
        return switch (type) {
            case OAuth2ClientCredentials, OAuth2TechnicalUserPropagation -> TokenGrant.CLIENT_CREDENTIALS;
            case OAuth2Password -> TokenGrant.password(
                    destination.requireProperty(DestinationProperty.USER, "OAuth2Password needs the resource owner"),
                    destination.requireProperty(DestinationProperty.PASSWORD, "OAuth2Password needs the resource owner's password"));
            // XSUAA implements the user token exchange with the JWT bearer grant, as SAP's SDKs do client-side
            case OAuth2JWTBearer, OAuth2UserTokenExchange -> TokenGrant.jwtBearer(options.userToken());
            case OAuth2RefreshToken -> TokenGrant.refreshToken(options.refreshToken());
            case OAuth2AuthorizationCode -> TokenGrant.authorizationCode(options.code(), options.redirectUri(),
                    options.codeVerifier());
            case OAuth2TokenExchange -> TokenGrant.tokenExchange(options.subjectToken(), options.subjectTokenType());
            default -> null;
        };
    }

    /**
     * Drops the cached token of a destination whose OAuth flow runs client-side, after the target rejected it.
     *
     * @return whether the destination has such a token
     */
    public boolean forgetClientSideToken(Destination destination, DestinationOptions options) {
        if (!destination.authTokens().isEmpty()) {
            return false;
        }
        TokenGrant grant;
        try {
            grant = clientSideGrant(AuthenticationType.of(destination), destination, options);
        } catch (BtpConnectivityException e) {
            return false;
        }
        if (grant == null) {
            return false;
        }
        tokens.invalidate(clientCredentialsRequest(destination, options.tenant()).withGrant(grant));
        return true;
    }

    private Authentication bearer(Destination destination, DestinationOptions options, TokenGrant grant, String header) {
        TokenRequest request = clientCredentialsRequest(destination, options.tenant()).withGrant(grant);
        return Authentication.header(header, tokens.token(request, destination.name()).bearer());
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

    private static Authentication basic(Destination destination) {
        BasicCredentials credentials = new BasicCredentials(
                destination.requireProperty(DestinationProperty.USER, "BasicAuthentication needs a user"),
                destination.requireProperty(DestinationProperty.PASSWORD, "BasicAuthentication needs a password"));
        return preemptive(destination) ? Authentication.header("Authorization", credentials.headerValue())
                : new Authentication(List.of(), credentials);
    }

    private static boolean forwardAuthToken(Destination destination) {
        return EnumeratedProperty.FORWARD_AUTH_TOKEN.isTrue(destination);
    }

    /** {@code Preemptive} (default TRUE) [http-destinations-42a0e6b]. */
    private static boolean preemptive(Destination destination) {
        return EnumeratedProperty.PREEMPTIVE.isTrue(destination);
    }

    /**
     * The token request SAP's OAuth properties describe, for flows that run client-side, with
     * {@code tokenServiceURLType=Common} resolved for {@code tenant} ({@code null}: the provider).
     */
    TokenRequest clientCredentialsRequest(Destination d, String tenant) {
        String url = TokenServiceUrl.resolve(d, tenant);
        Map<String, String> queries = d.propertiesWithPrefix(DestinationProperty.TOKEN_SERVICE_QUERIES_PREFIX);
        URI endpoint;
        try {
            endpoint = URI.create(appendQuery(url, queries));
        } catch (IllegalArgumentException e) {
            throw new DestinationConfigurationException(d.name(), DestinationProperty.TOKEN_SERVICE_URL, "is not a valid URL.");
        }
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new DestinationConfigurationException(d.name(), DestinationProperty.TOKEN_SERVICE_URL,
                    "must be an absolute http(s) URL, like https://<subdomain>.authentication.<region>.hana.ondemand.com/oauth/token.");
        }
        Map<String, String> headers = new LinkedHashMap<>(d.propertiesWithPrefix(DestinationProperty.TOKEN_SERVICE_HEADERS_PREFIX));
        boolean inBody = EnumeratedProperty.CLIENT_CREDENTIALS_IN_BODY.isTrue(d);
        var tokenServiceUser = d.property(DestinationProperty.TOKEN_SERVICE_USER);
        if (tokenServiceUser.isPresent()) {
            // a separate Basic user for the token service: client credentials then have to travel in the body
            headers.put("Authorization", new BasicCredentials(tokenServiceUser.get(), d.requireProperty(
                    DestinationProperty.TOKEN_SERVICE_PASSWORD, "tokenServiceUser needs its password")).headerValue());
            inBody = true;
        }
        String location = tokenServiceLocation(d, endpoint);
        // mTLS to the token service: the certificate authenticates the client, so the secret becomes optional
        ClientKey clientKey = TlsMaterial.clientKey(d, DestinationProperty.TOKEN_SERVICE_KEY_STORE_LOCATION,
                DestinationProperty.TOKEN_SERVICE_KEY_STORE_PASSWORD, tlsCache);
        if (clientKey != null && location != null) {
            throw new DestinationConfigurationException(d.name(), DestinationProperty.TOKEN_SERVICE_KEY_STORE_LOCATION,
                    "is set, but the token service is behind the Cloud Connector (tokenServiceURL.ProxyType=OnPremise),"
                    + " where requests travel as plain http to the proxy and no client certificate can be presented."
                    + " Remove the key store, or let the Cloud Connector's system mapping use HTTPS to the token service.");
        }
        String clientSecret = clientKey != null ? d.property(DestinationProperty.CLIENT_SECRET).orElse(null)
                : d.requireProperty(DestinationProperty.CLIENT_SECRET, "an OAuth flow run client-side needs the client"
                        + " secret (or a client certificate in tokenService.KeyStoreLocation)");
        return new TokenRequest(endpoint,
                d.requireProperty(DestinationProperty.CLIENT_ID, "an OAuth flow run client-side needs the client ID"),
                clientSecret, inBody, d.property(DestinationProperty.SCOPE).orElse(null), headers,
                d.propertiesWithPrefix(DestinationProperty.TOKEN_SERVICE_BODY_PREFIX),
                seconds(d, DestinationProperty.TOKEN_SERVICE_CONNECTION_TIMEOUT, TOKEN_SERVICE_TIMEOUT),
                seconds(d, DestinationProperty.TOKEN_SERVICE_READ_TIMEOUT, TOKEN_SERVICE_TIMEOUT),
                TokenGrant.CLIENT_CREDENTIALS, clientKey, location);
    }

    /**
     * {@code null} when the token service is reached directly ({@code tokenServiceURL.ProxyType} Internet, the default);
     * for {@code OnPremise} the destination's location ID ({@code ""} for none): the token request then goes through
     * the Connectivity proxy to the Cloud Connector, so its URL must be {@code http://virtualhost:port} [oauth-client-credentials-authentication-4e1d742].
     */
    private static String tokenServiceLocation(Destination d, URI endpoint) {
        if (!"OnPremise".equals(EnumeratedProperty.TOKEN_SERVICE_PROXY_TYPE.of(d))) {
            return null;
        }
        if (!"http".equalsIgnoreCase(endpoint.getScheme())) {
            throw new DestinationConfigurationException(d.name(), DestinationProperty.TOKEN_SERVICE_URL, "must be"
                    + " http://<virtual host>:<port>/… when tokenServiceURL.ProxyType is OnPremise: the Connectivity proxy"
                    + " refuses https targets (the tunnel to the Cloud Connector is already encrypted).");
        }
        return d.locationId();
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

    static String appendQuery(String url, Map<String, String> queries) {
        if (queries.isEmpty()) {
            return url;
        }
        String query = queries.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    private static DestinationConfigurationException unsupportedWithoutService(Destination d, String type) {
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
