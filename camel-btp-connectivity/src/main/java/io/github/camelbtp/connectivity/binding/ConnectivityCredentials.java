package io.github.camelbtp.connectivity.binding;

import io.github.camelbtp.connectivity.DestinationConfigurationException;

/**
 * The {@code connectivity} binding: the on-premise proxy address and the client for its token
 * [consuming-the-connectivity-service-313b215]. Reads both spellings SAP has used: {@code token_service_url} (newer)
 * or {@code url}, and {@code onpremise_proxy_http_port} (newer) or {@code onpremise_proxy_port}.
 * {@code onpremise_socks5_proxy_port} (the SOCKS5 proxy for MAIL, LDAP and TCP) is optional: {@code 0} when the
 * binding has none.
 * <p>
 * A binding with the proxy's address and no client at all (no {@code clientid}, {@code clientsecret} or
 * {@code certificate}) — for example Kyma's {@code kyma-system/connectivity-proxy-info} ConfigMap mounted as a
 * binding — describes a Connectivity proxy in <em>trusted mode</em>: it needs no {@code Proxy-Authorization}
 * [consuming-the-connectivity-service-313b215], nor SAP's SOCKS5 authentication [configuration-guide-eaa8204];
 * {@link #client()} is then {@code null}.
 */
public record ConnectivityCredentials(String proxyHost, int httpProxyPort, OAuthClientCredentials client, int socks5ProxyPort) {

    /** A binding without a SOCKS5 port. */
    public ConnectivityCredentials(String proxyHost, int httpProxyPort, OAuthClientCredentials client) {
        this(proxyHost, httpProxyPort, client, 0);
    }

    /**
     * A Connectivity proxy in trusted mode (Kyma): no client, no {@code Proxy-Authorization}.
     *
     * @param socks5ProxyPort {@code 0} when there is none
     */
    public static ConnectivityCredentials trusted(String proxyHost, int httpProxyPort, int socks5ProxyPort) {
        return new ConnectivityCredentials(proxyHost, httpProxyPort, null, socks5ProxyPort);
    }

    /** Whether the proxy runs in trusted mode and takes requests without a connectivity token. */
    public boolean trusted() {
        return client == null;
    }

    /** Whether the binding names a SOCKS5 proxy port ({@code onpremise_socks5_proxy_port}). */
    public boolean hasSocks5Proxy() {
        return socks5ProxyPort > 0;
    }

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
        int socksPort = 0;
        String socks = binding.credential("onpremise_socks5_proxy_port").orElse("").trim();
        if (!socks.isEmpty()) {
            try {
                socksPort = Integer.parseInt(socks);
            } catch (NumberFormatException e) {
                throw new DestinationConfigurationException(null, binding.label() + ".credentials.onpremise_socks5_proxy_port",
                        "is not a port number: '" + socks + "'.");
            }
        }
        boolean trustedMode = binding.credential("clientid").isEmpty() && binding.credential("clientsecret").isEmpty()
                && binding.credential("certificate").isEmpty();
        return new ConnectivityCredentials(host, httpPort,
                trustedMode ? null : OAuthClientCredentials.of(binding, "token_service_url", "url"), socksPort);
    }
}
