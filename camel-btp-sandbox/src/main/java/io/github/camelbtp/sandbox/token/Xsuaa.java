package io.github.camelbtp.sandbox.token;

import com.sun.net.httpserver.HttpHandler;
import io.github.camelbtp.sandbox.destination.Tenants;
import io.github.camelbtp.sandbox.observe.Counters;
import io.github.camelbtp.sandbox.observe.Faults;
import io.github.camelbtp.sandbox.observe.RecordedRequests;
import io.github.camelbtp.sandbox.wire.HttpEndpoint;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;

/**
 * The sandbox's XSUAA-like token service: its endpoints ({@code /oauth/token}, {@code /tenants/{subdomain}/oauth/token},
 * {@code /token_keys}), the authority that signs and verifies its tokens, its OAuth clients and the identity
 * provider's users, and the SAML assertions and logon tickets the Destination Service and the cloud API accept.
 */
public final class Xsuaa {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenAuthority authority;
    private final OAuthClients clients = new OAuthClients();
    private final SandboxUsers users = new SandboxUsers();
    private final IdentityAssertions assertions;
    private final XsuaaService service;

    /**
     * Serves on {@code endpoint}; tokens of the provider's zone {@code zoneId} live {@code lifetime} by {@code clock};
     * SAML assertions name {@code assertionIssuer}.
     */
    public Xsuaa(HttpEndpoint endpoint, String zoneId, Duration lifetime, Clock clock, String assertionIssuer,
            Counters counters, Faults faults, Tenants tenants, RecordedRequests serviceRequests) {
        this.authority = new TokenAuthority(endpoint.uri(), zoneId, lifetime, clock);
        this.assertions = new IdentityAssertions(assertionIssuer);
        this.service = new XsuaaService(clients, authority, counters, faults, users, assertions, tenants, serviceRequests);
        service.register(endpoint);
    }

    /** Registers an OAuth client with a random secret (24 random bytes, URL-safe Base64) and returns the secret. */
    public String newClient(String clientId, Collection<String> scopes) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        clients.register(clientId, secret, scopes);
        return secret;
    }

    public TokenAuthority authority() {
        return authority;
    }

    public IdentityAssertions assertions() {
        return assertions;
    }

    /** The token service's OAuth clients. */
    public OAuthClients oauthClients() {
        return clients;
    }

    /** The identity provider's users (for the password grant). */
    public SandboxUsers users() {
        return users;
    }

    /**
     * Starts the token service under host names in {@code domain} over TLS ({@link TokenServiceHostNames}); from now
     * on tokens name their zone's host name URL as issuer. {@code hostsFile} (may be null) gets the names written.
     */
    public TokenServiceHostNames serveHostNames(String domain, Tenants tenants, java.nio.file.Path hostsFile) {
        return new TokenServiceHostNames(domain, service, authority, tenants, hostsFile);
    }

    /** The {@code /oauth/token} handler, for the X.509 variant of the endpoint on HTTPS. */
    public HttpHandler tokenHandler() {
        return service.tokenHandler();
    }

    /**
     * A user's JWT as an application receives it from the approuter: an XSUAA-style token of the application client
     * {@code appClientId} with {@code user_name}, {@code email} and {@code origin}. The input of principal propagation
     * and the user-dependent token flows ({@code X-user-token}).
     */
    public String userToken(String appClientId, String user) {
        return authority.issue(appClientId, OAuthClients.DEFAULT_SCOPES, user, "authorization_code").value();
    }

    /** A refresh token for {@code user}, redeemable once or more by client {@code clientId} ({@code X-refresh-token}). */
    public String refreshToken(String user, String clientId) {
        return users.newRefreshToken(user, clientId);
    }

    /**
     * A one-time authorization code for {@code user} and client {@code clientId} ({@code X-code}), bound to
     * {@code redirectUri} and, when {@code codeVerifier} is given, to its S256 code challenge (PKCE); both may be null.
     */
    public String authorizationCode(String user, String clientId, String redirectUri, String codeVerifier) {
        return users.newCode(user, clientId, redirectUri, codeVerifier == null ? null : SandboxUsers.s256(codeVerifier));
    }
}
