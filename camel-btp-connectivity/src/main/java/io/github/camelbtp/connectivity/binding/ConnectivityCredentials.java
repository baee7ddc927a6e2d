package io.github.camelbtp.connectivity.binding;

import io.github.camelbtp.connectivity.DestinationConfigurationException;

import java.net.URI;

/**
 * The {@code connectivity} binding: the on-premise proxy address and the client for its token
 * [consuming-the-connectivity-service-313b215]. Reads both spellings SAP has used: {@code token_service_url} (newer)
 * or {@code url}, and {@code onpremise_proxy_http_port} (newer) or {@code onpremise_proxy_port}.
 */
public record ConnectivityCredentials(String proxyHost, int httpProxyPort, OAuthClientCredentials client) {

    static ConnectivityCredentials from(ServiceBinding binding) {
        String host = DestinationServiceCredentials.require(binding, "onpremise_proxy_host");
        String port = DestinationServiceCredentials.require(binding, "onpremise_proxy_http_port", "onpremise_proxy_port");
        // name the key the value came from: a binding with the older key must not be told about the newer one
        String portKey = binding.credential("onpremise_proxy_http_port").isPresent() ? "onpremise_proxy_http_port"
                : "onpremise_proxy_port";
        int httpPort;
        try {
            httpPort = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new DestinationConfigurationException(null, binding.label() + ".credentials." + portKey,
                    "is not a port number: '" + port + "'.");
        }
        return new ConnectivityCredentials(host, httpPort, OAuthClientCredentials.of(binding, "token_service_url", "url"));
    }
}
