package io.github.camelbtp.sandbox.destination;

import io.github.camelbtp.sandbox.connectivity.CloudConnector;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subscriber tenants of the sandbox's multitenant application: each has a subdomain, its own subaccount (identity
 * zone) and its own destinations. A subscriber's token comes from its own token URL — on BTP
 * {@code https://<subdomain>.<uaa host>/oauth/token}; on loopback, which has no subdomains, the sandbox token service
 * serves it as {@code <token service>/tenants/<subdomain>/oauth/token} — or from the provider's token URL with
 * {@code x-zid: <zone ID>} [multitenancy-in-the-destination-service-4e07f25]. The Destination Service picks the
 * subaccount by the token's zone only; {@code x-tenant} merely resolves {@code {tenant}} of Common token URLs.
 * Thread-safe.
 */
public final class Tenants {

    /**
     * One subscriber.
     *
     * @param cloudConnector the subscriber subaccount's own Cloud Connectors, empty at first: the Connectivity proxy
     *                       picks them for a token of this tenant's zone [consuming-the-connectivity-service-313b215]
     */
    public record Tenant(String subdomain, String zoneId, Destinations destinations, CloudConnector cloudConnector) {
    }

    /** The provider subaccount's own subdomain (its tokens' {@code ext_attr.zdn}); no subscriber can take it. */
    public static final String PROVIDER_SUBDOMAIN = "sandbox";

    private final ConcurrentHashMap<String, Tenant> bySubdomain = new ConcurrentHashMap<>();

    public Tenants() {
    }

    /** Subscribes a tenant (idempotent) and returns it; its zone ID is generated once. */
    public Tenant subscribe(String subdomain) {
        Objects.requireNonNull(subdomain, "subdomain");
        if (!subdomain.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a subdomain is lower-case letters, digits and '-': " + subdomain);
        }
        if (subdomain.equals(PROVIDER_SUBDOMAIN)) {
            throw new IllegalArgumentException("'" + PROVIDER_SUBDOMAIN + "' is the provider subaccount's own subdomain");
        }
        return bySubdomain.computeIfAbsent(subdomain, s -> new Tenant(s, UUID.randomUUID().toString(), new Destinations(),
                new CloudConnector()));
    }

    /** Removes a subscription; its tokens stay valid until they expire, but find no destinations. */
    public boolean unsubscribe(String subdomain) {
        return bySubdomain.remove(subdomain) != null;
    }

    public Optional<Tenant> bySubdomain(String subdomain) {
        return Optional.ofNullable(subdomain == null ? null : bySubdomain.get(subdomain));
    }

    /** A tenant by zone ID (tenant ID, a token's {@code zid}). */
    public Optional<Tenant> byZoneId(String zoneId) {
        return zoneId == null ? Optional.empty() : all().stream().filter(t -> t.zoneId().equals(zoneId)).findFirst();
    }

    /** A tenant by zone ID or subdomain. */
    public Optional<Tenant> byIdOrSubdomain(String tenant) {
        return bySubdomain(tenant).or(() -> byZoneId(tenant));
    }

    public Collection<Tenant> all() {
        return bySubdomain.values();
    }

    @Override
    public String toString() {
        return "Tenants" + bySubdomain.keySet();
    }
}
