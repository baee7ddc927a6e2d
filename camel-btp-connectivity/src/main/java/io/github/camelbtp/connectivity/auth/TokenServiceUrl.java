package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.destination.EnumeratedProperty;

import java.net.URI;

/**
 * The token endpoint of a destination for a tenant, following {@code tokenServiceURLType}
 * [oauth-client-credentials-authentication-4e1d742]: {@code Dedicated} (default) uses {@code tokenServiceURL} as is;
 * {@code Common} means one URL for all tenants, made the tenant's by replacing {@code {tenant}} with the tenant
 * subdomain or, without the placeholder, by prefixing the host with it ({@code https://<tenant>.<host>}).
 */
final class TokenServiceUrl {

    static final String TENANT_PLACEHOLDER = "{tenant}";

    private TokenServiceUrl() {
    }

    static String resolve(Destination d, String tenant) {
        String url = d.requireProperty(DestinationProperty.TOKEN_SERVICE_URL, "an OAuth flow needs the token endpoint");
        if (!"Common".equals(EnumeratedProperty.TOKEN_SERVICE_URL_TYPE.of(d))) {
            return url;
        }
        if (url.contains(TENANT_PLACEHOLDER)) {
            if (tenant == null) {
                throw new DestinationConfigurationException(d.name(), DestinationProperty.TOKEN_SERVICE_URL, "contains "
                        + TENANT_PLACEHOLDER + " (tokenServiceURLType=Common), but the request names no tenant. Pass the"
                        + " tenant subdomain (btp-destination: the tenantHeader option).");
            }
            return url.replace(TENANT_PLACEHOLDER, tenant);
        }
        if (tenant == null) {
            return url;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new DestinationConfigurationException(d.name(), DestinationProperty.TOKEN_SERVICE_URL, "is not a valid URL.");
        }
        if (uri.getHost() == null || uri.getHost().startsWith(tenant + ".")) {
            return url;
        }
        int hostStart = url.indexOf(uri.getHost());
        return url.substring(0, hostStart) + tenant + "." + url.substring(hostStart);
    }
}
