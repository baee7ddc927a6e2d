package io.github.camelbtp.connectivity.destination;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A subscriber tenant's token URL, derived from the binding's (the provider's): on BTP
 * {@code https://<subscriber subdomain>.<rest of url host>/oauth/token} [calling-the-destination-service-rest-api-84c5d38].
 * <p>
 * Loopback hosts (IP literals, {@code localhost}) have no subdomains, so for them — and only for them, which never
 * occur on BTP — the tenant goes into the path instead: {@code http://127.0.0.1:port/tenants/<subdomain>/oauth/token},
 * the variant the camel-btp sandbox serves. See docs/authentication.md, "Multitenancy".
 */
public final class SubscriberTokenUrl {

    private static final Pattern TENANT_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private SubscriberTokenUrl() {
    }

    /** Whether {@code tenant} is a tenant (zone) ID rather than a subdomain. */
    public static boolean isTenantId(String tenant) {
        return TENANT_ID.matcher(tenant).matches();
    }

    /** Whether {@code tenant} can be a subdomain (lower-case DNS label). */
    public static boolean isSubdomain(String tenant) {
        return SUBDOMAIN.matcher(tenant).matches() && !isTenantId(tenant);
    }

    /** The subscriber's token endpoint for a provider token endpoint like {@code https://provider.authentication.eu10.hana.ondemand.com/oauth/token}. */
    public static URI of(URI providerTokenEndpoint, String subdomain) {
        String host = providerTokenEndpoint.getHost();
        String port = providerTokenEndpoint.getPort() > 0 ? ":" + providerTokenEndpoint.getPort() : "";
        String path = providerTokenEndpoint.getRawPath() == null ? "" : providerTokenEndpoint.getRawPath();
        if (isLoopback(host)) {
            return URI.create(providerTokenEndpoint.getScheme() + "://" + host + port + "/tenants/" + subdomain + path);
        }
        int dot = host.indexOf('.');
        String rest = dot < 0 ? host : host.substring(dot + 1);
        return URI.create(providerTokenEndpoint.getScheme() + "://" + subdomain + "." + rest + port + path);
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }
}
