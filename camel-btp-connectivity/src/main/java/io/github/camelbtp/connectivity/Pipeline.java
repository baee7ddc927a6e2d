package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.auth.Authentication;
import io.github.camelbtp.connectivity.auth.Authenticator;
import io.github.camelbtp.connectivity.auth.DestinationTls;
import io.github.camelbtp.connectivity.cache.CachingDestinationLoader;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.PerDestination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.destination.DestinationType;
import io.github.camelbtp.connectivity.destination.EnumeratedProperty;
import io.github.camelbtp.connectivity.destination.ProxyType;
import io.github.camelbtp.connectivity.dispatch.DirectDispatch;
import io.github.camelbtp.connectivity.dispatch.Dispatch;
import io.github.camelbtp.connectivity.dispatch.DispatchPlan;
import io.github.camelbtp.connectivity.dispatch.OnPremiseHttpDispatch;
import io.github.camelbtp.connectivity.dispatch.OnPremiseSocksDispatch;
import io.github.camelbtp.connectivity.dispatch.TransparentProxyDispatch;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.http.ProxyTokenRenewal;
import io.github.camelbtp.connectivity.tls.TlsCache;

import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.tls.TlsMaterial;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's one flow, in the order of design.md: <b>Find</b> and <b>Cache</b> ({@link #find}: the chained loaders
 * behind the {@link CachingDestinationLoader}), then per type <b>Authenticate</b> ({@link Authenticator}) and
 * <b>Dispatch</b> (the {@link Dispatch} for the destination's {@code ProxyType} and {@code Type}, {@link #dispatchFor}).
 * Everything a step needs is built by {@link BtpConnectivity.Builder}; this class only runs the steps.
 */
final class Pipeline {

    private final CachingDestinationLoader destinations;
    private final boolean hasSources;
    private final Authenticator authenticator;
    private final Dispatch direct = new DirectDispatch();
    /** {@code null} without a connectivity binding, as {@link #onPremiseSocks}. */
    private final OnPremiseHttpDispatch onPremiseHttp;
    private final OnPremiseSocksDispatch onPremiseSocks;
    /** For gateway destinations, which only exist when a Transparent Proxy is configured. */
    private final Dispatch transparentProxy = new TransparentProxyDispatch();
    private final TlsCache tlsCache;
    /** Where the service bindings came from, for messages. */
    private final String bindingsOrigin;
    /**
     * What an HTTP destination's request needs that depends on the destination alone (its checked URL, the
     * {@code sap-client}/{@code URL.headers.*} headers, {@code URL.queries.*}, timeouts, TLS material), worked out
     * once per {@link Destination} object instead of once per request (issue 12: parsing the URL and copying the
     * properties three times made up most of a cached resolve's allocation). Keyed by identity (weak keys): a
     * refreshed destination is a new object and gets its own entry; an entry goes when the cache drops its destination.
     * Tokens and the request's user never enter it.
     */
    private final PerDestination<HttpParts> httpParts = new PerDestination<>();

    /** The per-destination parts of {@link #http}; see {@link #httpParts}. */
    private record HttpParts(URI url, List<HttpHeader> headers, Map<String, String> queries, Duration connectTimeout,
            Duration readTimeout, TlsMaterial tls) {
    }

    Pipeline(CachingDestinationLoader destinations, boolean hasSources, Authenticator authenticator,
            OnPremiseHttpDispatch onPremiseHttp, OnPremiseSocksDispatch onPremiseSocks, TlsCache tlsCache,
            String bindingsOrigin) {
        this.tlsCache = tlsCache;
        this.destinations = destinations;
        this.hasSources = hasSources;
        this.authenticator = authenticator;
        this.onPremiseHttp = onPremiseHttp;
        this.onPremiseSocks = onPremiseSocks;
        this.bindingsOrigin = bindingsOrigin;
    }

    /** Steps 1–2: the destination as its source returned it (from cache when fresh). */
    Destination find(String name, DestinationOptions options) {
        if (!hasSources) {
            throw DestinationNotFoundException.noSource(name);
        }
        return destinations.load(name, options)
                .orElseThrow(() -> new DestinationNotFoundException(name, destinations.describe()));
    }

    /** Steps 3–4 for a destination of any type btp-destination and btp-rfc carry. */
    Resolved resolve(Destination destination, DestinationOptions options) {
        return destination.type().onSockets() ? sockets(destination, options) : http(destination, options);
    }

    /** Steps 3–4 for an HTTP destination: what to send where, with which headers, through which proxy. */
    ResolvedDestination http(Destination destination, DestinationOptions options) {
        if (destination.type() != DestinationType.HTTP) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.TYPE, "is '"
                    + destination.type() + "', but an HTTP destination was expected here.");
        }
        HttpParts known = httpParts.get(destination);
        URI url = known != null ? known.url() : DestinationUrl.of(destination);
        // what the authentication type needs (properties, the user's token) is checked before anything is sent;
        // then how the bytes travel: a destination that cannot be dispatched (https on OnPremise, no connectivity
        // binding) fails before a client-side token flow runs for nothing
        AuthenticationType type = authenticator.validate(destination, options);
        Dispatch dispatch = dispatchFor(destination);
        DispatchPlan plan = dispatch.plan(destination, options);
        Authentication authentication = authenticator.authenticateValidated(destination, options, type);
        if (known == null) {
            // checked in the order they always were: after authentication, so its errors come first
            known = httpParts(destination, url);
            httpParts.put(destination, known);
        }
        List<HttpHeader> headers = new ArrayList<>(authentication.headers().size() + known.headers().size()
                + plan.headers().size());
        headers.addAll(authentication.headers());
        headers.addAll(known.headers());
        headers.addAll(plan.headers());
        // a 407 of the Connectivity proxy is answered with one re-send carrying a fresh connectivity token
        ProxyTokenRenewal renewal = plan.onPremise() && plan.proxy() != null && dispatch == onPremiseHttp
                ? onPremiseHttp.proxyTokenRenewal(destination, options) : null;
        return new ResolvedDestination(destination, known.url(), headers, known.queries(), plan.proxy(),
                known.connectTimeout(), known.readTimeout(), authentication.challengeCredentials(), known.tls(), renewal);
    }

    private HttpParts httpParts(Destination destination, URI url) {
        List<HttpHeader> headers = new ArrayList<>(SapSystemHeaders.of(destination));
        destination.headersWithPrefix(DestinationProperty.URL_HEADERS_PREFIX).forEach((k, v) -> headers.add(new HttpHeader(k, v)));
        return new HttpParts(url, List.copyOf(headers),
                Map.copyOf(destination.propertiesWithPrefix(DestinationProperty.URL_QUERIES_PREFIX)),
                Authenticator.seconds(destination, DestinationProperty.CONNECTION_TIMEOUT, BtpConnectivity.DEFAULT_CONNECT_TIMEOUT),
                Authenticator.seconds(destination, DestinationProperty.READ_TIMEOUT, BtpConnectivity.DEFAULT_READ_TIMEOUT),
                DestinationUrl.tls(destination, url, tlsCache));
    }

    /**
     * Step 4 for a MAIL, LDAP or TCP destination: the socket factory its connections must use. Authentication to the
     * system itself ({@code mail.user}, {@code ldap.user}, …) is the protocol's.
     */
    SocketDestination sockets(Destination destination, DestinationOptions options) {
        if (destination.viaTransparentProxy()) {
            // the gateway carries HTTP only; SAP exposes TCP, LDAP and MAIL destinations as Kubernetes services of their
            // own (a Destination custom resource per destination) [transparent-proxy-for-kubernetes-acc64ad]
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.TYPE, "cannot be read:"
                    + " destinations are found by SAP's Transparent Proxy here, and its destination gateway carries HTTP"
                    + " only. For a MAIL, LDAP or TCP destination, create a Destination custom resource for it (the proxy"
                    + " then exposes it as a Kubernetes service of its own) and configure a static destination of that"
                    + " type whose host is that service.");
        }
        if (!destination.type().onSockets()) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.TYPE, "is '"
                    + destination.type() + "', but a MAIL, LDAP or TCP destination was expected here.");
        }
        DispatchPlan plan = dispatchFor(destination).plan(destination, options);
        return new SocketDestination(destination, plan.socketFactory(), plan.onPremise(),
                () -> DestinationTls.of(destination, tlsCache));
    }

    /**
     * The one place a dispatch is chosen: by whether the destination reaches the Cloud Connector, and then by its type
     * (HTTP through the Connectivity proxy's HTTP port, MAIL, LDAP and TCP through its SOCKS5 port). A gateway
     * destination goes to SAP's Transparent Proxy, which takes the on-premise hop itself.
     */
    private Dispatch dispatchFor(Destination destination) {
        if (destination.viaTransparentProxy()) {
            return transparentProxy;
        }
        if (!onPremise(destination)) {
            return direct;
        }
        boolean sockets = destination.type().onSockets();
        Dispatch onPremise = sockets ? onPremiseSocks : onPremiseHttp;
        if (onPremise == null) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.PROXY_TYPE, "is OnPremise,"
                    + " but the application has no 'connectivity' service binding (" + bindingsOrigin + "). Bind an"
                    + " instance of the Connectivity Service (plan lite) so " + (sockets ? "connections" : "requests")
                    + " can reach the Cloud Connector. On Kyma, mount the Connectivity Proxy's connectivity-proxy-info"
                    + " ConfigMap as the 'connectivity' binding instead (docs/kubernetes.md).");
        }
        return onPremise;
    }

    /** LDAP destinations name their proxy type {@code ldap.proxyType} [ldap-destinations-8cb290f]; ProxyType is read too. */
    private static boolean onPremise(Destination destination) {
        return destination.isOnPremise() || destination.type() == DestinationType.LDAP
                && ProxyType.valueOf(EnumeratedProperty.LDAP_PROXY_TYPE.of(destination)) == ProxyType.OnPremise;
    }

    boolean onPremiseConfigured() {
        return onPremiseHttp != null;
    }
}
