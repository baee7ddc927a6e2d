package io.github.camelbtp.connectivity;

import java.util.function.BiFunction;

/**
 * Whose destinations a request of a multitenant application uses (after the SAP Cloud SDK's retrieval strategies).
 * The tenant is the one in {@link DestinationOptions#tenant()}; no tenant means the provider, the subaccount the
 * service bindings belong to. Caches are separated by tenant either way.
 */
public enum TenantStrategy {

    /** The request's tenant when it names one, else the provider. The default. */
    CURRENT_TENANT,

    /** Always the provider's destinations, whatever tenant the request names. */
    PROVIDER_ONLY,

    /** Only the subscriber's: a request without a tenant fails instead of silently using the provider's. */
    SUBSCRIBER_ONLY,

    /**
     * The request's tenant first; when the subscriber has no destination of that name, the provider's. Only "not
     * found" falls back: any other failure of the subscriber's lookup is reported as it is. A user-dependent
     * destination found at the provider is still run for the request's user, whose token comes from the
     * subscriber's zone, so the provider's token service may refuse it.
     */
    CURRENT_TENANT_THEN_PROVIDER;

    /** {@link BtpConnectivity#resolve} with this strategy applied to {@code options}. */
    public ResolvedDestination resolve(BtpConnectivity connectivity, String name, DestinationOptions options) {
        return apply(name, options, connectivity::resolve);
    }

    /**
     * {@link BtpConnectivity#resolveAny} (any type, one lookup) with this strategy applied to {@code options}: what a
     * component calls once per exchange.
     */
    public Resolved resolveAny(BtpConnectivity connectivity, String name, DestinationOptions options) {
        return apply(name, options, connectivity::resolveAny);
    }

    private <T> T apply(String name, DestinationOptions options, BiFunction<String, DestinationOptions, T> lookup) {
        return switch (this) {
            case CURRENT_TENANT -> lookup.apply(name, options);
            case PROVIDER_ONLY -> lookup.apply(name, options.toBuilder().tenant(null).build());
            case SUBSCRIBER_ONLY -> {
                if (options.tenant() == null) {
                    throw new DestinationConfigurationException(name, null, "the tenant strategy is SUBSCRIBER_ONLY,"
                            + " but the request names no tenant. Pass the subscriber's subdomain or tenant ID"
                            + " (btp-destination: the tenantHeader option), or use CURRENT_TENANT.");
                }
                yield lookup.apply(name, options);
            }
            case CURRENT_TENANT_THEN_PROVIDER -> {
                if (options.tenant() == null) {
                    yield lookup.apply(name, options);
                }
                try {
                    yield lookup.apply(name, options);
                } catch (DestinationNotFoundException notAtSubscriber) {
                    yield lookup.apply(name, options.toBuilder().tenant(null).build());
                }
            }
        };
    }
}
