package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationConfigurationException;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A subscriber tenant's token URL, derived from the binding's (the provider's): on BTP
 * {@code https://<subscriber subdomain>.<uaadomain>/oauth/token} [multitenancy-in-the-destination-service-4e07f25,
 * calling-the-destination-service-rest-api-84c5d38]. The binding's {@code uaadomain} is preferred, as SAP's SDKs do
 * (xssec's XsuaaService#getTokenUrl); without it, the subdomain replaces the first label of the {@code url} host.
 * A {@code url} whose host has no subdomain (an IP literal, {@code localhost}) cannot name a subscriber's token
 * service: a typed configuration error, never a guessed URL. See docs/authentication.md, "Multitenancy".
 */
public final class SubscriberTokenUrl {

    private static final Pattern TENANT_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

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

    /**
     * The subscriber's token endpoint for a provider token endpoint like
     * {@code https://provider.authentication.eu10.hana.ondemand.com/oauth/token}.
     *
     * @param uaaDomain the binding's {@code uaadomain} ({@code host[:port]}), or {@code null} when it has none or its
     *                  client authenticates with a certificate (then the {@code certurl} host's domain is the right one)
     * @param binding   the binding's label, for the error ({@code destination}, {@code connectivity})
     * @param destinationName the destination the subscriber's token is needed for (the error names it), or null
     * @throws DestinationConfigurationException when the provider's token URL has no subdomain to replace
     */
    public static URI of(URI providerTokenEndpoint, String uaaDomain, String subdomain, String binding,
            String destinationName) {
        String path = providerTokenEndpoint.getRawPath() == null ? "" : providerTokenEndpoint.getRawPath();
        String providerPort = providerTokenEndpoint.getPort() > 0 ? ":" + providerTokenEndpoint.getPort() : "";
        if (uaaDomain != null && !uaaDomain.isBlank()) {
            String domain = uaaDomain.trim();
            // SAP's clients concatenate https://<subdomain>.<uaadomain>: a port there (a local landscape) is kept
            String port = domain.contains(":") ? "" : providerPort;
            return URI.create(providerTokenEndpoint.getScheme() + "://" + subdomain + "." + domain + port + path);
        }
        String host = providerTokenEndpoint.getHost();
        int dot = host.indexOf('.');
        if (dot < 0 || IPV4.matcher(host).matches() || host.startsWith("[")) {
            throw new DestinationConfigurationException(destinationName, binding + ".credentials.url", "names the token service"
                    + " by '" + host + "', which has no subdomain to replace by the subscriber's ('" + subdomain
                    + "'), so the subscriber's token URL https://" + subdomain + ".<uaadomain>/oauth/token cannot be"
                    + " built [multitenancy-in-the-destination-service-4e07f25]. Bind the token service by its host"
                    + " name as XSUAA does (url https://<provider subdomain>.<uaadomain>, or give the binding its"
                    + " uaadomain), or send the tenant ID (a token's zid) instead of the subdomain: its token is"
                    + " asked for with x-zid at the provider's token URL.");
        }
        return URI.create(providerTokenEndpoint.getScheme() + "://" + subdomain + "." + host.substring(dot + 1)
                + providerPort + path);
    }
}
