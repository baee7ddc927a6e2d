package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request headers of the Destination Service's find API that carry what a lookup needs beyond the name
 * [calling-the-destination-service-rest-api-84c5d38]: the user's JWT and the other inputs of user-dependent token
 * flows, a fragment to merge and a destination chain. Only values the request carries are sent. The tenant is not
 * among them: it is chosen by the token the lookup carries, and {@link #TENANT} — a subdomain that only resolves
 * {@code {tenant}} of a {@code Common} token URL — is set by {@link DestinationServiceLoader}, which knows it.
 */
public final class FindRequestHeaders {

    public static final String USER_TOKEN = "X-user-token";
    public static final String REFRESH_TOKEN = "X-refresh-token";
    public static final String CODE = "X-code";
    public static final String REDIRECT_URI = "X-redirect-uri";
    public static final String CODE_VERIFIER = "X-code-verifier";
    public static final String SUBJECT_TOKEN = "X-Subject-Token";
    public static final String SUBJECT_TOKEN_TYPE = "X-Subject-Token-Type";
    /** Carries a tenant subdomain for {@code {tenant}} of a {@code Common} token URL; not a tenant switch. */
    public static final String TENANT = "x-tenant";
    public static final String FRAGMENT_NAME = "X-Fragment-Name";
    public static final String FRAGMENT_OPTIONAL = "X-Fragment-Optional";
    public static final String CHAIN_NAME = "X-chain-name";
    public static final String CHAIN_VARIABLE_PREFIX = "X-chain-var-";
    /** SAP's predefined chain that exchanges the user's token and consumes the new one [sequential-user-propagation-chain-13f633e]. */
    public static final String SEQUENTIAL_USER_PROPAGATION = "com.sap.sequentialUserPropagation";
    /** The variable of {@link #SEQUENTIAL_USER_PROPAGATION} that carries the user's token. */
    static final String CHAIN_USER_TOKEN = "userToken";

    private FindRequestHeaders() {
    }

    /** The headers for {@code options}, in a stable order; secrets included, so never log the values. */
    public static Map<String, String> of(DestinationOptions options) {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, USER_TOKEN, options.userToken());
        put(headers, REFRESH_TOKEN, options.refreshToken());
        put(headers, CODE, options.code());
        put(headers, REDIRECT_URI, options.redirectUri());
        put(headers, CODE_VERIFIER, options.codeVerifier());
        put(headers, SUBJECT_TOKEN, options.subjectToken());
        put(headers, SUBJECT_TOKEN_TYPE, options.subjectTokenType());
        if (options.fragmentName() != null) {
            headers.put(FRAGMENT_NAME, options.fragmentName());
            if (options.fragmentOptional()) {
                headers.put(FRAGMENT_OPTIONAL, "true");
            }
        }
        if (options.chainName() != null) {
            headers.put(CHAIN_NAME, options.chainName());
            options.chainVariables().forEach((name, value) -> headers.put(CHAIN_VARIABLE_PREFIX + name, value));
            // the user's token travels as X-chain-var-userToken too: the chain's first step exchanges it
            // [sequential-user-propagation-chain-13f633e]; from the request, so it never has to be put in a URI
            if (SEQUENTIAL_USER_PROPAGATION.equals(options.chainName()) && options.userToken() != null
                    && !options.chainVariables().containsKey(CHAIN_USER_TOKEN)) {
                headers.put(CHAIN_VARIABLE_PREFIX + CHAIN_USER_TOKEN, options.userToken());
            }
        }
        return headers;
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
