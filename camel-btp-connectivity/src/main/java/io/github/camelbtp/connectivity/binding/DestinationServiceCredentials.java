package io.github.camelbtp.connectivity.binding;

import io.github.camelbtp.connectivity.DestinationConfigurationException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The {@code destination} binding: the Destination Service's {@code uri} and the XSUAA client that may call it
 * ({@code url}, {@code clientid}, {@code clientsecret}) [calling-the-destination-service-rest-api-84c5d38].
 */
public record DestinationServiceCredentials(URI serviceUri, OAuthClientCredentials client) {

    static DestinationServiceCredentials from(ServiceBinding binding) {
        String uri = require(binding, "uri");
        return new DestinationServiceCredentials(uri(binding, "uri", stripSlash(uri)), OAuthClientCredentials.of(binding, "url"));
    }

    /**
     * A URL of a binding's credentials as a {@link URI}, or a {@link DestinationConfigurationException} naming the key:
     * a mangled service key (a space, a missing scheme) must not surface as a JDK exception.
     */
    static URI uri(ServiceBinding binding, String key, String value) {
        String problem;
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
            problem = "it has no scheme or host";
        } catch (URISyntaxException e) {
            // the reason and index only: the value itself may carry credentials
            problem = e.getReason() + " at index " + e.getIndex();
        }
        throw new DestinationConfigurationException(null, binding.label() + ".credentials." + key, "of the '"
                + binding.name() + "' service binding is not an absolute https URL (" + problem + "). Copy it again from"
                + " the service key (no spaces or line breaks), or re-create the binding.");
    }

    static String require(ServiceBinding binding, String... keys) {
        return binding.credential(keys).orElseThrow(() -> new DestinationConfigurationException(null,
                binding.label() + ".credentials." + keys[0], "is missing in the '" + binding.name()
                        + "' service binding. Re-create the service key/binding, or check VCAP_SERVICES / SERVICE_BINDING_ROOT."));
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
