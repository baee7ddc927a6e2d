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
 * {@code https://<subdomain>.<uaadomain>/oauth/token}, which the sandbox serves as such with
 * {@code Sandbox.builder().tokenServiceHostNames()}; on plain loopback, which has no subdomains, also as
 * {@code <token service>/tenants/<subdomain>/oauth/token} — or from the provider's token URL with
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
    private final java.util.List<java.util.function.Consumer<Tenant>> subscribed = new java.util.concurrent.CopyOnWriteArrayList<>();

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
        Tenant tenant = bySubdomain.computeIfAbsent(subdomain, s -> new Tenant(s, UUID.randomUUID().toString(),
                new Destinations(), new CloudConnector()));
        subscribed.forEach(listener -> listener.accept(tenant));
        return tenant;
    }

    /**
     * Calls {@code listener} with every tenant subscribed from now on (and again on a repeated subscribe): the token
     * service's host names make each subscriber's name resolvable.
     */
    public void onSubscribe(java.util.function.Consumer<Tenant> listener) {
        subscribed.add(Objects.requireNonNull(listener, "listener"));
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
