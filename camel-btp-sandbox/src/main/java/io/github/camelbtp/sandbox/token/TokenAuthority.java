package io.github.camelbtp.sandbox.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.camelbtp.sandbox.destination.Tenants;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and verifies the sandbox's access tokens: RS256 JWTs shaped like XSUAA client-credentials tokens, signed
 * with a key generated at start. Verification results are cached, so checking the same token on every proxied
 * request costs a map lookup.
 */
public final class TokenAuthority {

    /** An access token as issued. */
    public record IssuedToken(String value, long expiresInSeconds, List<String> scopes, String jti) {

        @Override
        public String toString() {
            return "IssuedToken[jti=" + jti + ", expiresIn=" + expiresInSeconds + "]";
        }
    }

    /**
     * What the services need to know about a valid presented token.
     *
     * @param userName the user a user token belongs to ({@code user_name}), {@code null} for a client's own token
     */
    public record VerifiedToken(String clientId, String zoneId, Instant expiresAt, String userName, String grantType) {

        public boolean isUserToken() {
            return userName != null;
        }
    }

    private static final int MAX_CACHED = 10_000;

    private final RSAKey key;
    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final String issuer;
    private final URI jwksUri;
    private final String zoneId;
    private final Duration lifetime;
    /** Issue and expiry times come from here, so a test moves time instead of sleeping past a token's lifetime. */
    private final Clock clock;
    private final ConcurrentHashMap<String, VerifiedToken> verified = new ConcurrentHashMap<>();
    /**
     * {@code <uaadomain>[:port]} once the token service serves host names: tokens then name their zone's own token URL
     * as issuer, {@code https://<subdomain>.<uaadomain>/oauth/token}, as XSUAA's do — SAP's SDKs read the subdomain
     * from it (cloud-sdk-js getIssuerSubdomain) when a token has no {@code ext_attr.zdn}.
     */
    private volatile String hostNameDomain;

    TokenAuthority(URI baseUri, String zoneId, Duration lifetime, Clock clock) {
        try {
            this.key = new RSAKeyGenerator(2048).keyID("sandbox-" + UUID.randomUUID().toString().substring(0, 8))
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            this.signer = new RSASSASigner(key);
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the token signing key", e);
        }
        this.issuer = baseUri + "/oauth/token";
        this.jwksUri = URI.create(baseUri + "/token_keys");
        this.zoneId = zoneId;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public IssuedToken issue(String clientId, List<String> scopes) {
        return issue(clientId, scopes, null, "client_credentials");
    }

    /**
     * A user token as XSUAA issues it for user grants (password, authorization code, refresh token, JWT bearer, token
     * exchange): the client's token acting for {@code userName}, with {@code user_name}, {@code user_id},
     * {@code email} and {@code origin}.
     */
    public IssuedToken issue(String clientId, List<String> scopes, String userName, String grantType) {
        return issue(clientId, scopes, userName, grantType, null);
    }

    /** As above, in a subscriber's identity zone ({@code null}: the provider's, the sandbox's own subaccount). */
    public IssuedToken issue(String clientId, List<String> scopes, String userName, String grantType, Tenants.Tenant tenant) {
        String zone = tenant == null ? zoneId : tenant.zoneId();
        long now = clock.instant().getEpochSecond();
        long expiresIn = Math.max(1, lifetime.toSeconds());
        String jti = UUID.randomUUID().toString().replace("-", "");
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        if (userName != null) {
            builder.claim("user_name", userName).claim("user_id", "u-" + userName)
                    .claim("email", userName + "@sandbox.example").claim("origin", "sandbox-idp");
        }
        JWTClaimsSet claims = builder
                .jwtID(jti)
                .issuer(issuerOf(tenant == null ? Tenants.PROVIDER_SUBDOMAIN : tenant.subdomain()))
                .subject(userName != null ? "u-" + userName : clientId)
                .audience(List.of(clientId))
                .claim("client_id", clientId)
                .claim("cid", clientId)
                .claim("azp", clientId)
                .claim("grant_type", grantType)
                .claim("zid", zone)
                .claim("scope", scopes)
                .claim("ext_attr", Map.of("enhancer", "XSUAA", "subaccountid", zone, "zdn",
                        tenant == null ? Tenants.PROVIDER_SUBDOMAIN : tenant.subdomain()))
                .issueTime(new Date(now * 1000))
                .expirationTime(new Date((now + expiresIn) * 1000))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID())
                .jwkURL(jwksUri).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), expiresIn, scopes, jti);
    }

    /** From now on, tokens are issued under the token service's host names in {@code domain} ({@code <uaadomain>[:port]}). */
    void issueUnderHostNames(String domain) {
        this.hostNameDomain = domain;
    }

    private String issuerOf(String subdomain) {
        String domain = hostNameDomain;
        return domain == null ? issuer : "https://" + subdomain + "." + domain + "/oauth/token";
    }

    /** Whether this authority names {@code candidate} as issuer: its loopback URL, or a zone's host name URL. */
    private boolean isOwnIssuer(String candidate) {
        if (issuer.equals(candidate)) {
            return true;
        }
        String domain = hostNameDomain;
        String suffix = "." + domain + "/oauth/token";
        if (domain == null || candidate == null || !candidate.startsWith("https://") || !candidate.endsWith(suffix)) {
            return false;
        }
        String subdomain = candidate.substring("https://".length(), candidate.length() - suffix.length());
        return subdomain.matches("[a-z0-9][a-z0-9-]*");
    }

    /**
     * The public key tokens are signed with, in PEM as XSUAA's bindings carry it ({@code verificationkey}): one line,
     * {@code -----BEGIN PUBLIC KEY-----MIIB…-----END PUBLIC KEY-----}.
     */
    public String verificationKeyPem() {
        try {
            return "-----BEGIN PUBLIC KEY-----"
                    + java.util.Base64.getEncoder().encodeToString(key.toRSAPublicKey().getEncoded())
                    + "-----END PUBLIC KEY-----";
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encode the token signing key", e);
        }
    }

    /** The provider's identity zone (the sandbox subaccount). */
    String zoneId() {
        return zoneId;
    }

    /** The token's facts when it was issued by this authority and has not expired. */
    public Optional<VerifiedToken> verify(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        VerifiedToken known = verified.get(token);
        if (known != null) {
            return known.expiresAt().isAfter(now) ? Optional.of(known) : Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            String clientId = claims.getStringClaim("client_id");
            if (!isOwnIssuer(claims.getIssuer()) || exp == null || clientId == null) {
                return Optional.empty();
            }
            VerifiedToken result = new VerifiedToken(clientId, claims.getStringClaim("zid"), exp.toInstant(),
                    claims.getStringClaim("user_name"), claims.getStringClaim("grant_type"));
            if (!result.expiresAt().isAfter(now)) {
                return Optional.empty();
            }
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(token, result);
            return Optional.of(result);
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Extracts the token of an {@code Authorization}/{@code Proxy-Authorization} header value "Bearer …". */
    public static String bearer(String headerValue) {
        if (headerValue == null || headerValue.length() < 8 || !headerValue.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return headerValue.substring(7).trim();
    }

    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }
}
