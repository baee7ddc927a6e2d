package io.github.camelbtp.connectivity.dispatch;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.auth.TokenRequest;
import io.github.camelbtp.connectivity.auth.TokenService;
import io.github.camelbtp.connectivity.binding.ConnectivityCredentials;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.http.HttpHeader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ProxyType: OnPremise} HTTP destinations: requests go as plain HTTP forward-proxy requests to the
 * Connectivity Service's {@code onpremise_proxy_host:onpremise_proxy_http_port}, carrying
 * {@code Proxy-Authorization: Bearer <connectivity token>} and, when the destination has one,
 * {@code SAP-Connectivity-SCC-Location_ID} [consuming-the-connectivity-service-313b215]. The target URL must be
 * {@code http://virtualhost:port}: the tunnel to the Cloud Connector is already TLS and the proxy answers 405 to https.
 */
public final class OnPremiseHttpDispatch implements Dispatch {

    public static final String LOCATION_ID_HEADER = "SAP-Connectivity-SCC-Location_ID";

    private final ConnectivityCredentials connectivity;
    private final TokenService tokens;
    private final TokenRequest tokenRequest;

    public OnPremiseHttpDispatch(ConnectivityCredentials connectivity, TokenService tokens, Duration timeout) {
        this.connectivity = connectivity;
        this.tokens = tokens;
        this.tokenRequest = new TokenRequest(connectivity.client().tokenEndpoint(), connectivity.client().clientId(),
                connectivity.client().clientSecret(), false, null, Map.of(), Map.of(), timeout, timeout);
    }

    @Override
    public DispatchPlan plan(Destination destination) {
        String url = destination.property(DestinationProperty.URL).orElse("");
        if (url.regionMatches(true, 0, "https:", 0, 6)) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.URL, "is '"
                    + DestinationProperty.forMessage(DestinationProperty.URL, url)
                    + "', but an OnPremise destination must use http://<virtual host>:<port>. The Connectivity proxy refuses"
                    + " https targets with 405 because the tunnel to the Cloud Connector is already encrypted; the Cloud"
                    + " Connector's system mapping decides whether it speaks HTTPS to the backend. Change the URL to http://.");
        }
        List<HttpHeader> headers = new ArrayList<>(2);
        headers.add(new HttpHeader("Proxy-Authorization", tokens.token(tokenRequest, destination.name()).bearer()));
        String location = destination.locationId();
        if (!location.isEmpty()) {
            headers.add(new HttpHeader(LOCATION_ID_HEADER, location));
        }
        return new DispatchPlan(new ProxyAddress(connectivity.proxyHost(), connectivity.httpProxyPort()), headers);
    }
}
