package io.github.camelbtp.connectivity;

import java.util.Objects;

/**
 * What a request adds to a destination lookup beyond the name. Part of the cache key, so two requests that differ
 * here never share a cached destination or token.
 *
 * @param tenant the subscriber tenant (subdomain or tenant ID), or {@code null} for the provider / the binding's own
 */
public record DestinationOptions(String tenant) {

    /** No tenant: the service binding's own subaccount. */
    public static final DestinationOptions NONE = new DestinationOptions(null);

    public static DestinationOptions forTenant(String tenant) {
        return tenant == null || tenant.isBlank() ? NONE : new DestinationOptions(tenant.trim());
    }

    /** A stable key fragment (no secrets). */
    public String cacheKey() {
        return Objects.toString(tenant, "");
    }
}
