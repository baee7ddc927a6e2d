package io.github.camelbtp.connectivity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a request adds to a destination lookup beyond the name: the tenant, and the values the Destination Service's
 * find API takes as request headers to run user-dependent token flows, select a fragment or a destination chain
 * [calling-the-destination-service-rest-api-84c5d38]. Part of the cache key: tenant, fragment and chain always
 * ({@link #sharedCacheKey()}), the user-specific values only for destinations whose answer depends on the user
 * ({@link #cacheKey()}), so two users never share a cached token; the key carries a hash of each token, never the token.
 * {@code toString()} shows which values are present, never a token.
 *
 * @param tenant           the subscriber tenant (subdomain or tenant ID), or {@code null} for the provider / the binding's own
 * @param userToken        the user's JWT ({@code X-user-token}), or {@code null}
 * @param refreshToken     {@code X-refresh-token} for OAuth2RefreshToken, or {@code null}
 * @param code             {@code X-code} for OAuth2AuthorizationCode, or {@code null}
 * @param redirectUri      {@code X-redirect-uri}, or {@code null}
 * @param codeVerifier     {@code X-code-verifier} (PKCE), or {@code null}
 * @param subjectToken     {@code X-Subject-Token} for OAuth2TokenExchange, or {@code null}
 * @param subjectTokenType {@code X-Subject-Token-Type}, or {@code null}
 * @param fragmentName     {@code X-Fragment-Name}: destination fragments merged into the destination in order, later
 *                         ones winning — one name or a comma-separated list; with the consume API a name may carry
 *                         its level ({@code f@instance}) — or {@code null} [extending-destinations-with-fragments-f56600a]
 * @param fragmentOptional {@code X-Fragment-Optional}: a missing fragment is no error (a single fragment only)
 * @param chainName        {@code X-chain-name}: a destination chain to run, or {@code null}
 * @param chainVariables   {@code X-chain-var-<name>} values of the chain
 */
public record DestinationOptions(String tenant, String userToken, String refreshToken, String code, String redirectUri,
        String codeVerifier, String subjectToken, String subjectTokenType, String fragmentName, boolean fragmentOptional,
        String chainName, Map<String, String> chainVariables) {

    /** No tenant, no user: the service binding's own subaccount, technical lookups only. */
    public static final DestinationOptions NONE = new DestinationOptions(null);

    public DestinationOptions {
        tenant = blankToNull(tenant);
        userToken = blankToNull(userToken);
        refreshToken = blankToNull(refreshToken);
        code = blankToNull(code);
        redirectUri = blankToNull(redirectUri);
        codeVerifier = blankToNull(codeVerifier);
        subjectToken = blankToNull(subjectToken);
        subjectTokenType = blankToNull(subjectTokenType);
        fragmentName = blankToNull(fragmentName);
        if (fragmentName != null) {
            // one spelling of a list, so "a, b" and "a,b" share a cache entry and send the same header
            fragmentName = fragmentName.replaceAll("\\s*,\\s*", ",");
        }
        chainName = blankToNull(chainName);
        chainVariables = chainVariables == null ? Map.of() : Map.copyOf(new TreeMap<>(chainVariables));
    }

    /** Only a tenant (or none). */
    public DestinationOptions(String tenant) {
        this(tenant, null, null, null, null, null, null, null, null, false, null, null);
    }

    public static DestinationOptions forTenant(String tenant) {
        return tenant == null || tenant.isBlank() ? NONE : new DestinationOptions(tenant.trim());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.tenant = tenant;
        b.userToken = userToken;
        b.refreshToken = refreshToken;
        b.code = code;
        b.redirectUri = redirectUri;
        b.codeVerifier = codeVerifier;
        b.subjectToken = subjectToken;
        b.subjectTokenType = subjectTokenType;
        b.fragmentName = fragmentName;
        b.fragmentOptional = fragmentOptional;
        b.chainName = chainName;
        b.chainVariables.putAll(chainVariables);
        return b;
    }

    /**
     * A stable key fragment without secrets: {@link #sharedCacheKey()} and a SHA-256 prefix of each token, so requests
     * of different users never share a cached destination whose tokens the service obtained for the user, while one
     * user's requests do.
     */
    public String cacheKey() {
        if (userToken == null && refreshToken == null && code == null && redirectUri == null && codeVerifier == null
                && subjectToken == null && subjectTokenType == null) {
            return sharedCacheKey(); // nothing user-specific: no second copy of the key per request (issue 12)
        }
        StringBuilder key = new StringBuilder(sharedCacheKey());
        append(key, "u", hash(userToken));
        append(key, "r", hash(refreshToken));
        append(key, "c", hash(code));
        append(key, "ru", redirectUri);
        append(key, "cv", hash(codeVerifier));
        append(key, "s", hash(subjectToken));
        append(key, "st", subjectTokenType);
        return key.toString();
    }

    /**
     * The part of {@link #cacheKey()} that selects <em>which</em> destination the service answers with — tenant,
     * fragment, chain — without the user's identity: the key of destinations whose answer does not depend on the user
     * (Basic, NoAuthentication, client credentials, PrincipalPropagation, …), so random user tokens cannot make every
     * request a lookup. Equal to {@code cacheKey()} when the request carries no user-specific value.
     */
    public String sharedCacheKey() {
        if (fragmentName == null && chainName == null && chainVariables.isEmpty()) {
            return tenant == null ? "" : tenant; // the common case, without a builder per request (issue 12)
        }
        StringBuilder key = new StringBuilder(Objects.toString(tenant, ""));
        append(key, "f", fragmentName == null ? null : fragmentName + (fragmentOptional ? "?" : ""));
        append(key, "ch", chainName);
        chainVariables.forEach((k, v) -> append(key, "cv." + k, hash(v)));
        return key.toString();
    }

    private static void append(StringBuilder key, String label, String value) {
        if (value != null) {
            key.append('|').append(label).append('=').append(value);
        }
    }

    /** A short SHA-256 hex prefix of a secret: enough to tell users apart, useless to recover the token. */
    public static String hash(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "DestinationOptions[tenant=" + tenant + ", userToken=" + present(userToken) + ", refreshToken="
                + present(refreshToken) + ", code=" + present(code) + ", redirectUri=" + redirectUri + ", codeVerifier="
                + present(codeVerifier) + ", subjectToken=" + present(subjectToken) + ", subjectTokenType="
                + subjectTokenType + ", fragmentName=" + fragmentName + ", fragmentOptional=" + fragmentOptional
                + ", chainName=" + chainName + ", chainVariables=" + chainVariables.keySet() + "]";
    }

    private static String present(String secret) {
        return secret == null ? "none" : "****";
    }

    /** Builds {@link DestinationOptions}; blank values count as absent. */
    public static final class Builder {
        private String tenant;
        private String userToken;
        private String refreshToken;
        private String code;
        private String redirectUri;
        private String codeVerifier;
        private String subjectToken;
        private String subjectTokenType;
        private String fragmentName;
        private boolean fragmentOptional;
        private String chainName;
        private final Map<String, String> chainVariables = new TreeMap<>();

        private Builder() {
        }

        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        /** The user's JWT (without "Bearer "), sent as {@code X-user-token}. */
        public Builder userToken(String userToken) {
            this.userToken = userToken;
            return this;
        }

        public Builder refreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
            return this;
        }

        public Builder authorizationCode(String code, String redirectUri, String codeVerifier) {
            this.code = code;
            this.redirectUri = redirectUri;
            this.codeVerifier = codeVerifier;
            return this;
        }

        public Builder subjectToken(String subjectToken, String subjectTokenType) {
            this.subjectToken = subjectToken;
            this.subjectTokenType = subjectTokenType;
            return this;
        }

        public Builder fragment(String fragmentName, boolean optional) {
            this.fragmentName = fragmentName;
            this.fragmentOptional = optional;
            return this;
        }

        public Builder chain(String chainName, Map<String, String> variables) {
            this.chainName = chainName;
            this.chainVariables.clear();
            if (variables != null) {
                this.chainVariables.putAll(variables);
            }
            return this;
        }

        public DestinationOptions build() {
            return new DestinationOptions(tenant, userToken, refreshToken, code, redirectUri, codeVerifier, subjectToken,
                    subjectTokenType, fragmentName, fragmentOptional, chainName, chainVariables);
        }
    }
}
