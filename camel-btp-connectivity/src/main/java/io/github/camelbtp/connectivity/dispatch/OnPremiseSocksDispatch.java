package io.github.camelbtp.connectivity.dispatch;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.auth.TokenRequest;
import io.github.camelbtp.connectivity.auth.TokenService;
import io.github.camelbtp.connectivity.binding.ConnectivityCredentials;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.socks.SapSocks5SocketFactory;

import java.time.Duration;

/**
 * {@code ProxyType: OnPremise} MAIL, LDAP and TCP destinations: sockets through the Connectivity Service's SOCKS5
 * proxy ({@code onpremise_proxy_host:onpremise_socks5_proxy_port}) with SAP's authentication method {@code 0x80}
 * [using-the-tcp-protocol-for-cloud-applications-cd15837]. The connectivity token comes from the same
 * {@link TokenService} cache as the HTTP proxy's.
 */
public final class OnPremiseSocksDispatch {

    private final ConnectivityCredentials connectivity;
    private final TokenService tokens;
    private final TokenRequest tokenRequest;
    private final Duration connectTimeout;

    public OnPremiseSocksDispatch(ConnectivityCredentials connectivity, TokenService tokens, Duration serviceTimeout,
            Duration connectTimeout) {
        this.connectivity = connectivity;
        this.tokens = tokens;
        this.connectTimeout = connectTimeout;
        // the very request the HTTP dispatch makes, so both share one cached token (and X.509 bindings work here too)
        this.tokenRequest = connectivity.trusted() ? null : TokenRequest.forBinding(connectivity.client(), serviceTimeout);
    }

    /** A socket factory for the destination's traffic through its Cloud Connector. */
    public SapSocks5SocketFactory socketFactory(Destination destination) {
        if (!connectivity.hasSocks5Proxy()) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.PROXY_TYPE, "is OnPremise"
                    + " and the destination is of type " + destination.type() + ", which travels through the"
                    + " Connectivity Service's SOCKS5 proxy, but the connectivity binding has no"
                    + " 'onpremise_socks5_proxy_port'. Bind a Connectivity Service instance that offers it (on Kyma the"
                    + " connectivity proxy's SOCKS5 port is 20004).");
        }
        if (tokenRequest == null) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.PROXY_TYPE, "is OnPremise"
                    + " and the destination is of type " + destination.type() + ", which travels through the SOCKS5 proxy"
                    + " with SAP's authentication method 0x80 — a connectivity token and the location ID — but the"
                    + " connectivity binding has no client (trusted mode). SAP documents trusted mode for HTTP only; bind"
                    + " the Connectivity Service with client credentials for MAIL, LDAP and TCP.");
        }
        String name = destination.name();
        return new SapSocks5SocketFactory(connectivity.proxyHost(), connectivity.socks5ProxyPort(),
                () -> tokens.token(tokenRequest, name).value(), destination.locationId(), name, connectTimeout);
    }
}
