package io.github.camelbtp.connectivity.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.ConnectivityListener;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.TokenSource;
import io.github.camelbtp.connectivity.destination.AuthToken;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.binding.ConnectivityCredentials;
import io.github.camelbtp.connectivity.http.AnswerTooLargeException;
import io.github.camelbtp.connectivity.http.DeadlineExceededException;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.http.ProxyAddress;
import io.github.camelbtp.connectivity.http.ProxyAnswers;
import io.github.camelbtp.connectivity.http.ServiceClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Obtains OAuth 2.0 tokens with any {@link TokenGrant} — client credentials, password, JWT bearer, refresh token,
 * authorization code, token exchange — (Nimbus OAuth SDK, sent through the engine's
 * {@link ServiceClient}) and caches each until {@code refreshMargin} before it expires (at most half its lifetime
 * before, see {@link AuthToken#refreshMargin}). Concurrent callers for the
 * same {@link TokenRequest} wait for one request to the token service (single-flight); an expired token is never
 * returned. Used for the service bindings' own tokens (Destination Service, Connectivity proxy) and for destinations
 * whose OAuth flow runs client-side.
 */
public final class TokenService {

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
    /** Used when a token service sends no {@code expires_in}: short, so a wrong guess costs little. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final ServiceClient http;
    private final Clock clock;
    private final Duration refreshMargin;
    private final Cache<TokenRequest, AccessToken> cache;
    /** {@code null} without a connectivity binding. */
    private final ConnectivityProxy connectivityProxy;
    private final ConnectivityListener listener;

    /** The hop of a token request through the Connectivity proxy. */
    private record Hop(ProxyAddress proxy, List<HttpHeader> headers) {
    }

    /**
     * @param connectivity the connectivity binding (or a trusted-mode proxy), {@code null} for none: token requests to
     *                     token services behind the Cloud Connector travel through its proxy
     * @param timeout      the timeout of the connectivity binding's own token requests
     */
    public TokenService(ServiceClient http, Clock clock, Duration refreshMargin, ConnectivityCredentials connectivity,
            Duration timeout) {
        this(http, clock, refreshMargin, connectivity, timeout, false);
    }

    /**
     * @param trustedMultiTenant the Connectivity proxy runs in Kyma's multi-tenant trusted mode: the tenant's
     *                           connectivity token travels as {@code SAP-CP-Connectivity-Service-Token}
     *                           ({@link ConnectivityProxy})
     */
    public TokenService(ServiceClient http, Clock clock, Duration refreshMargin, ConnectivityCredentials connectivity,
            Duration timeout, boolean trustedMultiTenant) {
        this(http, clock, refreshMargin, connectivity, timeout, trustedMultiTenant, ConnectivityListener.NONE);
    }

    /** @param listener told each request to a token service and its outcome (never a token served from the cache) */
    public TokenService(ServiceClient http, Clock clock, Duration refreshMargin, ConnectivityCredentials connectivity,
            Duration timeout, boolean trustedMultiTenant, ConnectivityListener listener) {
        this.listener = listener;
        this.http = http;
        this.clock = clock;
        this.refreshMargin = refreshMargin;
        this.cache = Caffeine.newBuilder()
                .executor(Runnable::run) // upkeep on the calling thread, as in CachingDestinationLoader
                .maximumSize(10_000)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<TokenRequest, AccessToken>creating((key, token) -> remainingLifetime(token)))
                .build();
        this.connectivityProxy = connectivity == null ? null
                : new ConnectivityProxy(connectivity, this, timeout, trustedMultiTenant);
    }

    /** The Connectivity proxy, {@code null} without a connectivity binding. */
    public ConnectivityProxy connectivityProxy() {
        return connectivityProxy;
    }

    /** Called as the token enters the cache, right after it was issued: what is left is (nearly) its lifetime. */
    private Duration remainingLifetime(AccessToken token) {
        Duration lifetime = Duration.between(clock.instant(), token.expiresAt());
        Duration left = lifetime.minus(AuthToken.refreshMargin(refreshMargin, lifetime));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * A valid token for the request: cached, or obtained now.
     *
     * @param destinationName for error messages; {@code null} for service-binding tokens
     * @throws TokenException when the token service refuses or cannot be reached
     */
    public AccessToken token(TokenRequest request, String destinationName) {
        return token(request, destinationName, TokenSource.CLIENT);
    }

    /** As {@link #token(TokenRequest, String)}, reporting the request to the listener as one for {@code source}. */
    public AccessToken token(TokenRequest request, String destinationName, TokenSource source) {
        AccessToken cached = cache.getIfPresent(request);
        if (cached != null) {
            return cached;
        }
        // the hop's own token is obtained before the computation: a cache must not be re-entered from its loader
        Hop hop = request.onPremise() ? onPremiseHop(request, destinationName) : null;
        return cache.get(request, r -> observedFetch(r, destinationName, hop, source));
    }

    private AccessToken observedFetch(TokenRequest request, String destinationName, Hop hop, TokenSource source) {
        AccessToken token;
        try {
            token = fetch(request, destinationName, hop);
        } catch (BtpConnectivityException e) {
            listener.tokenRequest(source, destinationName, e);
            throw e;
        }
        listener.tokenRequest(source, destinationName, null);
        return token;
    }

    private Hop onPremiseHop(TokenRequest request, String destinationName) {
        if (connectivityProxy == null) {
            throw new DestinationConfigurationException(destinationName, DestinationProperty.TOKEN_SERVICE_PROXY_TYPE,
                    "is OnPremise, but the application has no 'connectivity' service binding, so the token service"
                    + " behind the Cloud Connector cannot be reached. Bind an instance of the Connectivity Service.");
        }
        return new Hop(connectivityProxy.httpProxy(),
                connectivityProxy.hopHeaders(request.hopTenant(), destinationName, request.cloudConnectorLocation()));
    }

    /** Forgets a cached token (after a service rejected it). */
    public void invalidate(TokenRequest request) {
        cache.invalidate(request);
    }

    private AccessToken fetch(TokenRequest request, String destinationName, Hop hop) {
        String host = request.tokenEndpoint().getHost() + (request.tokenEndpoint().getPort() > 0 ? ":" + request.tokenEndpoint().getPort() : "");
        // a client without a secret authenticates with its certificate in the TLS handshake; client_id goes in the body
        ClientAuthentication auth = request.clientCertificate() != null && request.clientSecret() == null
                ? new com.nimbusds.oauth2.sdk.auth.PKITLSClientAuthentication(new ClientID(request.clientId()),
                        (javax.net.ssl.SSLSocketFactory) null)
                : request.credentialsInBody()
                ? new ClientSecretPost(new ClientID(request.clientId()), new Secret(request.clientSecret()))
                : new ClientSecretBasic(new ClientID(request.clientId()), new Secret(request.clientSecret()));
        Scope scope = request.scope() == null || request.scope().isBlank() ? null : Scope.parse(request.scope());
        Map<String, List<String>> custom = new java.util.LinkedHashMap<>();
        request.bodyParameters().forEach((k, v) -> custom.put(k, List.of(v)));
        HTTPRequest httpRequest = new com.nimbusds.oauth2.sdk.TokenRequest(request.tokenEndpoint(), auth,
                grant(request, destinationName, host), scope, null, custom).toHTTPRequest();
        request.headers().forEach(httpRequest::setHeader);
        if (hop != null) {
            hop.headers().forEach(h -> httpRequest.setHeader(h.name(), h.value()));
        }
        httpRequest.setConnectTimeout((int) request.connectTimeout().toMillis());
        httpRequest.setReadTimeout((int) request.readTimeout().toMillis());
        Instant requestedAt = clock.instant();
        HTTPResponse httpResponse;
        try {
            httpResponse = httpRequest.send(hop != null ? http.viaProxy(hop.proxy())
                    : request.clientCertificate() == null ? http : http.withClientCertificate(request.clientCertificate()));
        } catch (IllegalArgumentException e) {
            throw new TokenException(destinationName, host, "invalid_client_certificate", "The client certificate of"
                    + " client '" + request.clientId() + "'" + (destinationName == null ? "" : " for destination '"
                    + destinationName + "'") + " cannot authenticate at " + host + ": " + e.getMessage() + ". "
                    + (destinationName == null ? "Check the binding's 'certificate' and 'key' (PEM; re-create the service key)."
                    : "Check the key store tokenService.KeyStoreLocation names."), null);
        } catch (DeadlineExceededException e) {
            throw new TokenException(destinationName, host, null, "The token service at " + host
                    + (destinationName == null ? "" : " for destination '" + destinationName + "'") + " did not answer"
                    + " within its deadline of " + e.deadline().toMillis() + " ms (for the whole call, not per read)."
                    + " Check the token service's availability" + (destinationName == null
                    ? " (the engine's serviceTimeout sets the deadline)." : " (tokenServiceURL.ConnectionTimeoutInSeconds"
                    + " and tokenServiceURL.SocketReadTimeoutInSeconds set the deadline)."), e);
        } catch (AnswerTooLargeException e) {
            throw new TokenException(destinationName, host, "HTTP " + e.status(), "The token service at " + host
                    + (destinationName == null ? "" : " for destination '" + destinationName + "'") + " answered (HTTP "
                    + e.status() + ") with more than " + e.limit() + " bytes, the limit for token answers; nothing of it"
                    + " was used. Check that " + (destinationName == null ? "the binding's token URL" : "tokenServiceURL")
                    + " is the OAuth token endpoint.", e);
        } catch (javax.net.ssl.SSLException e) {
            throw new TokenException(destinationName, host, null, "The TLS handshake with the token service at " + host
                    + (destinationName == null ? "" : " for destination '" + destinationName + "'") + " failed: "
                    + e.getMessage() + ". Check that the server's certificate is trusted (JDK trust store, or the engine's"
                    + " serviceTrust)" + (request.clientCertificate() == null ? "" : " and that it accepts "
                    + request.clientCertificate().describe()) + ".", e);
        } catch (IOException e) {
            throw new TokenException(destinationName, host, null, "Cannot reach the token service at " + host
                    + (destinationName == null ? "" : " for destination '" + destinationName + "'") + ": " + e.getMessage()
                    + ". Check tokenServiceURL and the network path to it.", e);
        }
        if (hop != null) {
            // the Connectivity proxy's and the Cloud Connector's own answers (407, 503, 405, "Access denied") first
            String body = httpResponse.getBody();
            var proxyAnswer = ProxyAnswers.explain(destinationName, request.cloudConnectorLocation(),
                    httpResponse.getStatusCode(), httpResponse.getHeaderValue("Allow"),
                    body == null ? null : body.substring(0, Math.min(body.length(), 300)));
            if (proxyAnswer.isPresent()) {
                throw proxyAnswer.get();
            }
        }
        TokenResponse response;
        try {
            response = TokenResponse.parse(httpResponse);
        } catch (ParseException e) {
            // an HTML page or a cut-off answer: something between the engine and the token service failed (HTTP 200
            // included), or the URL is not the token endpoint; transient for the destination cache (no error code)
            throw new TokenException(destinationName, host, null, "The token service at " + host
                    + (destinationName == null ? "" : " for destination '" + destinationName + "'") + " answered HTTP "
                    + httpResponse.getStatusCode() + " with a body that is not an OAuth token response (an HTML page or"
                    + " an answer cut off: a gateway or network problem, or a URL that is not the token endpoint). Check "
                    + (destinationName == null ? "the binding's token URL (url, certurl)" : "tokenServiceURL")
                    + " and the token service's availability.", e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = ((TokenErrorResponse) response).getErrorObject();
            String code = error.getCode() != null ? error.getCode() : "HTTP " + error.getHTTPStatusCode();
            // a 5xx is the service failing, not a verdict on the client: say so, or users rotate good secrets
            String verb = error.getHTTPStatusCode() >= 500 ? " failed to issue a token to client '" : " refused client '";
            throw new TokenException(destinationName, host, code, "The token service at " + host + verb
                    + request.clientId() + "'" + (destinationName == null ? "" : " for destination '" + destinationName + "'")
                    + ": " + code + (error.getDescription() != null ? " (" + error.getDescription() + ")" : "")
                    + " [HTTP " + error.getHTTPStatusCode() + "]. " + fix(code), null);
        }
        com.nimbusds.oauth2.sdk.token.AccessToken token = ((AccessTokenResponse) response).getTokens().getAccessToken();
        Duration lifetime = token.getLifetime() > 0 ? Duration.ofSeconds(token.getLifetime()) : DEFAULT_LIFETIME;
        LOG.debug("Obtained a token from {} for client {} valid for {}", host, request.clientId(), lifetime);
        return new AccessToken(token.getValue(), requestedAt.plus(lifetime));
    }

    /** Nimbus' grant object for the request's grant type and parameters (it validates them). */
    private static AuthorizationGrant grant(TokenRequest request, String destinationName, String host) {
        if (TokenGrant.CLIENT_CREDENTIALS.equals(request.grant())) {
            return new ClientCredentialsGrant();
        }
        Map<String, List<String>> form = new java.util.LinkedHashMap<>();
        form.put("grant_type", List.of(request.grant().type()));
        request.grant().parameters().forEach((k, v) -> form.put(k, List.of(v)));
        try {
            return AuthorizationGrant.parse(form);
        } catch (ParseException e) {
            // e.g. a jwt-bearer assertion that is not a JWT: name the grant, never the value
            throw new TokenException(destinationName, host, "invalid_request", "Cannot build the "
                    + request.grant().type() + " token request" + (destinationName == null ? "" : " for destination '"
                    + destinationName + "'") + ": " + e.getMessage() + ". Check the token the request carries.", null);
        }
    }

    private static String fix(String code) {
        return switch (code) {
            case "invalid_client" -> "Check clientId/clientSecret (or the service binding's clientid/clientsecret) and"
                    + " whether the client authenticates in the body or with Basic (tokenService.addClientCredentialsInBody).";
            case "invalid_scope" -> "Check the scope property against the scopes the client may request.";
            case "unauthorized_client" -> "The client may not use this grant type; check its grant types.";
            case "invalid_grant" -> "The user token, refresh token, code or subject token was rejected (expired,"
                    + " already used, or issued for another client or zone); obtain a fresh one.";
            default -> "Check the token service URL and its availability.";
        };
    }
}
