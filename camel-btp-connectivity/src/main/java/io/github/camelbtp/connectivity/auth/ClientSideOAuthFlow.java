package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.PerDestination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.destination.EnumeratedProperty;
import io.github.camelbtp.connectivity.destination.ProxyType;
import io.github.camelbtp.connectivity.tls.ClientKey;
import io.github.camelbtp.connectivity.tls.TlsCache;
import io.github.camelbtp.connectivity.tls.TlsMaterial;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The OAuth 2.0 flows camel-btp runs client-side, with the Nimbus SDK through {@link TokenService} and its cache, for
 * destinations without service {@code authTokens} (static configuration, the environment variable): client credentials
 * (also OAuth2TechnicalUserPropagation), password, JWT bearer and user token exchange, refresh token, authorization
 * code, token exchange — honouring SAP's token-service properties [oauth-client-credentials-authentication-4e1d742].
 */
final class ClientSideOAuthFlow implements AuthenticationFlow {

    private static final Duration TOKEN_SERVICE_TIMEOUT = Duration.ofSeconds(10);
    /** Where OAuth2TechnicalUserPropagation's token goes [consuming-the-connectivity-service-313b215]. */
    static final String TECHNICAL_AUTHENTICATION_HEADER = Authenticator.TECHNICAL_AUTHENTICATION_HEADER;

    private static final int TENANTS_REMEMBERED = 256;

    private final TokenService tokens;
    /** The engine's opened key stores (tokenService.KeyStoreLocation). */
    private final TlsCache tlsCache;
    /** {@link #knownRequest}: per destination object (weak keys: refreshed destinations are new objects), per tenant. */
    private final PerDestination<Map<String, TokenRequest>> requests = new PerDestination<>();

    ClientSideOAuthFlow(TokenService tokens, TlsCache tlsCache) {
        this.tokens = tokens;
        this.tlsCache = tlsCache;
    }

    @Override
    public Authentication authenticate(Destination destination, DestinationOptions options, AuthenticationType type) {
        TokenGrant grant = clientSideGrant(type, destination, options);
        if (grant == null) {
            throw ServiceOnlyFlow.unsupportedWithoutService(destination, type.name());
        }
        return bearer(destination, options, grant, type == AuthenticationType.OAuth2TechnicalUserPropagation
                ? TECHNICAL_AUTHENTICATION_HEADER : "Authorization");
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
    boolean forget(Destination destination, DestinationOptions options) {
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
        TokenRequest request = knownRequest(destination, options.tenant()).withGrant(grant);
        return Authentication.header(header, tokens.token(request, destination.name()).bearer());
    }

    /**
     * {@link #clientCredentialsRequest}, built once per destination object and tenant instead of once per request
     * (issue 12: it parses the token URL and copies the properties four times); at most {@link #TENANTS_REMEMBERED}
     * tenants per destination are remembered, so tenant headers chosen by callers cannot grow it without bound.
     */
    private TokenRequest knownRequest(Destination d, String tenant) {
        Map<String, TokenRequest> perTenant = requests.get(d, k -> new ConcurrentHashMap<>());
        String key = tenant == null ? "" : tenant;
        TokenRequest request = perTenant.get(key);
        if (request == null) {
            request = clientCredentialsRequest(d, tenant);
            if (perTenant.size() < TENANTS_REMEMBERED) {
                perTenant.put(key, request);
            }
        }
        return request;
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
        Map<String, String> headers = new LinkedHashMap<>(d.headersWithPrefix(DestinationProperty.TOKEN_SERVICE_HEADERS_PREFIX));
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
        ClientKey clientKey = DestinationTls.clientKey(d, DestinationProperty.TOKEN_SERVICE_KEY_STORE_LOCATION,
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
                Authenticator.seconds(d, DestinationProperty.TOKEN_SERVICE_CONNECTION_TIMEOUT, TOKEN_SERVICE_TIMEOUT),
                Authenticator.seconds(d, DestinationProperty.TOKEN_SERVICE_READ_TIMEOUT, TOKEN_SERVICE_TIMEOUT),
                TokenGrant.CLIENT_CREDENTIALS, clientKey, location).withHopTenant(tenant);
    }

    /**
     * {@code null} when the token service is reached directly ({@code tokenServiceURL.ProxyType} Internet, the default);
     * for {@code OnPremise} the destination's location ID ({@code ""} for none): the token request then goes through
     * the Connectivity proxy to the Cloud Connector, so its URL must be {@code http://virtualhost:port} [oauth-client-credentials-authentication-4e1d742].
     */
    private static String tokenServiceLocation(Destination d, URI endpoint) {
        if (ProxyType.valueOf(EnumeratedProperty.TOKEN_SERVICE_PROXY_TYPE.of(d)) != ProxyType.OnPremise) {
            return null;
        }
        if (!"http".equalsIgnoreCase(endpoint.getScheme())) {
            throw new DestinationConfigurationException(d.name(), DestinationProperty.TOKEN_SERVICE_URL, "must be"
                    + " http://<virtual host>:<port>/… when tokenServiceURL.ProxyType is OnPremise: the Connectivity proxy"
                    + " refuses https targets (the tunnel to the Cloud Connector is already encrypted).");
        }
        return d.locationId();
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
}
