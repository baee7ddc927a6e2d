package io.github.camelbtp.connectivity.binding;

import io.github.camelbtp.connectivity.DestinationConfigurationException;

import java.net.URI;

/**
 * The {@code destination} binding: the Destination Service's {@code uri} and the XSUAA client that may call it
 * ({@code url}, {@code clientid}, {@code clientsecret}) [calling-the-destination-service-rest-api-84c5d38].
 */
public record DestinationServiceCredentials(URI serviceUri, OAuthClientCredentials client) {

    static DestinationServiceCredentials from(ServiceBinding binding) {
        String uri = require(binding, "uri");
        return new DestinationServiceCredentials(URI.create(stripSlash(uri)), OAuthClientCredentials.of(binding, "url"));
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
