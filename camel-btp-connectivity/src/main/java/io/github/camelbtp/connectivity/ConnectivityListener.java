package io.github.camelbtp.connectivity;

/**
 * What the engine reports as it works, for metrics, audit logs and traces: each destination lookup and its
 * {@link LookupResult}, each request to a token service, each target that rejected a destination's credentials.
 * Register one with {@link BtpConnectivity#addListener}; the engine calls it on the thread that does the work (the
 * request's thread, except for background refreshes, which report nothing). Implementations must be fast and must not
 * throw. Nothing the engine passes carries a secret: destination names, the tenant as the request named it, token
 * service hosts and OAuth error codes only.
 * <p>
 * Every method has an empty default, and {@link #NONE} is what an engine without listeners calls: the hot path pays one
 * call to an empty method when nobody listens.
 */
public interface ConnectivityListener {

    /** Listens to nothing. */
    ConnectivityListener NONE = new ConnectivityListener() {
    };

    /**
     * One lookup of a destination through the cache, reported once per request (the request's one lookup).
     *
     * @param tenant the tenant the request named (subdomain or zone ID), {@code null} for the provider
     */
    default void destinationLookup(String destination, String tenant, LookupResult result) {
    }

    /**
     * One request to a token service (not a token served from the token cache).
     *
     * @param destination the destination the token is for, {@code null} for a service binding's own token
     * @param failure     {@code null} when a token was issued; else why not (a {@link TokenException} with its OAuth
     *                    error code, or a {@link CloudConnectorException} for a token service behind the Cloud
     *                    Connector)
     */
    default void tokenRequest(TokenSource source, String destination, BtpConnectivityException failure) {
    }

    /**
     * A target answered 401 to a request with the destination's credentials ({@link BtpConnectivity#credentialsRejected}).
     *
     * @param authentication the destination's authentication type
     * @param dropped        whether the engine dropped the cached credentials so the next request gets fresh ones
     */
    default void credentialsRejected(String destination, String authentication, boolean dropped) {
    }
}
