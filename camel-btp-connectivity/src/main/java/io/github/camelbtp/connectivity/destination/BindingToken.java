package io.github.camelbtp.connectivity.destination;

/**
 * The Destination Service binding's client-credentials token for the request's tenant: what the Find step needs from
 * the Authenticate step. The auth package implements it ({@code auth.TenantTokens}, one token per tenant, cached) and
 * the engine wires it in, so Find does not depend on Authenticate.
 */
public interface BindingToken {

    /**
     * The token's value for {@code tenant} ({@code null}: the provider), from the cache when it holds one.
     *
     * @throws io.github.camelbtp.connectivity.TokenException when the token service refuses or cannot be reached
     */
    String value(String tenant, String destinationName);

    /** Drops the tenant's cached token, after the service refused it (401): the next {@link #value} asks anew. */
    void forget(String tenant, String destinationName);
}
