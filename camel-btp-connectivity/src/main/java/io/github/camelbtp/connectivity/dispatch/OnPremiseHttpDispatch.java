package io.github.camelbtp.connectivity.dispatch;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.auth.ConnectivityProxy;
import io.github.camelbtp.connectivity.auth.TenantTokens;
import io.github.camelbtp.connectivity.auth.TokenGrant;
import io.github.camelbtp.connectivity.auth.TokenRequest;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.http.ProxyTokenRenewal;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ProxyType: OnPremise} HTTP destinations: requests go as plain HTTP forward-proxy requests to the
 * Connectivity Service's {@code onpremise_proxy_host:onpremise_proxy_http_port}, carrying
 * {@code Proxy-Authorization: Bearer <connectivity token>} and, when the destination has one,
 * {@code SAP-Connectivity-SCC-Location_ID} [consuming-the-connectivity-service-313b215]. The target URL must be
 * {@code http://virtualhost:port}: the tunnel to the Cloud Connector is already TLS and the proxy answers 405 to https.
 * A proxy in trusted mode (Kyma) gets no {@code Proxy-Authorization}.
 * <p>
 * The connectivity token is the <em>current tenant's</em>: it decides the subaccount, hence the Cloud Connector, so a
 * subscriber's request carries the subscriber's token and reaches the subscriber's Cloud Connector
 * [consuming-the-connectivity-service-313b215]; see {@link TenantTokens}.
 */
public final class OnPremiseHttpDispatch implements Dispatch {

    public static final String LOCATION_ID_HEADER = ConnectivityProxy.LOCATION_ID_HEADER;

    private final ConnectivityProxy proxy;
    /** The connectivity binding's token per tenant; {@code null} in trusted mode. */
    private final TenantTokens tenantTokens;

    public OnPremiseHttpDispatch(ConnectivityProxy proxy) {
        this.proxy = proxy;
        this.tenantTokens = proxy.tenantTokens();
    }

    /** Whether the proxy runs in trusted mode (no connectivity token). */
    public boolean trusted() {
        return proxy.trusted();
    }

    /**
     * How a {@code 407} of the proxy to a request {@link #plan} made for {@code destination} gets a fresh token: the
     * tenant's connectivity token is renewed; {@code null} in trusted mode and for the token-exchange mode of
     * principal propagation, whose {@code Proxy-Authorization} is the user's exchanged token, not the tenant's.
     */
    public ProxyTokenRenewal proxyTokenRenewal(Destination destination, DestinationOptions options) {
        boolean exchangedUserToken = propagationMode == PrincipalPropagationMode.PROXY_AUTHORIZATION_TOKEN_EXCHANGE
                && destination.authentication() == io.github.camelbtp.connectivity.destination.AuthenticationType.PrincipalPropagation
                && options.userToken() != null;
        return exchangedUserToken ? null : proxy.proxyTokenRenewal(options.tenant(), destination.name());
    }

    /** The header that carries the user's JWT for principal propagation. */
    public static final String USER_AUTHENTICATION_HEADER = "SAP-Connectivity-Authentication";

    private PrincipalPropagationMode propagationMode = PrincipalPropagationMode.CONNECTIVITY_AUTHENTICATION_HEADER;

    /** How PrincipalPropagation destinations carry the user; default {@link PrincipalPropagationMode#CONNECTIVITY_AUTHENTICATION_HEADER}. */
    public OnPremiseHttpDispatch propagationMode(PrincipalPropagationMode mode) {
        this.propagationMode = mode;
        return this;
    }

    /**
     * The hop to the Connectivity proxy itself: its address, the connectivity token (none in trusted mode) and the
     * location ID — what a token request to a token service behind the Cloud Connector
     * ({@code tokenServiceURL.ProxyType=OnPremise}) and a readiness check need.
     *
     * @param destinationName for error messages; {@code null} when no destination is concerned
     */
    public DispatchPlan proxyHop(String destinationName, String locationId) {
        return new DispatchPlan(proxy.httpProxy(), proxy.hopHeaders(destinationName, locationId), true);
    }

    /**
     * The plan for one request: for {@code PrincipalPropagation} the user's JWT from {@code options} travels as the
     * {@link #propagationMode} says (the Authenticator has already checked it is there). The connectivity token is
     * {@code options.tenant()}'s.
     */
    @Override
    public DispatchPlan plan(Destination destination, DestinationOptions options) {
        String url = destination.property(DestinationProperty.URL).orElse("");
        if (url.regionMatches(true, 0, "https:", 0, 6)) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.URL, "is '"
                    + DestinationProperty.forMessage(DestinationProperty.URL, url)
                    + "', but an OnPremise destination must use http://<virtual host>:<port>. The Connectivity proxy refuses"
                    + " https targets with 405 because the tunnel to the Cloud Connector is already encrypted; the Cloud"
                    + " Connector's system mapping decides whether it speaks HTTPS to the backend. Change the URL to http://.");
        }
        List<HttpHeader> headers = new ArrayList<>(3);
        boolean propagateUser = destination.authentication() == io.github.camelbtp.connectivity.destination.AuthenticationType.PrincipalPropagation && options.userToken() != null;
        if (propagateUser && propagationMode == PrincipalPropagationMode.PROXY_AUTHORIZATION_TOKEN_EXCHANGE) {
            if (proxy.trusted()) {
                // a trusted proxy takes the user as SAP-Connectivity-Authentication; in multi-tenant trusted mode
                // "only via SAP-Connectivity-Authentication" [using-the-connectivity-proxy-f3c1ef4]
                throw new DestinationConfigurationException(destination.name(), DestinationProperty.AUTHENTICATION, "is"
                        + " PrincipalPropagation with the token-exchange mode (principalPropagationMode"
                        + " PROXY_AUTHORIZATION_TOKEN_EXCHANGE), which sends the exchanged user token as"
                        + " Proxy-Authorization, but the Connectivity proxy runs in trusted mode" + (proxy.trustedMultiTenant()
                                ? " (multi-tenant), where the user travels only as SAP-Connectivity-Authentication."
                                : " without a connectivity client.")
                        + " Use the SAP-Connectivity-Authentication mode (the default) with a trusted-mode proxy.");
            }
            if (!issuedByXsuaa(options.userToken())) {
                throw new DestinationConfigurationException(destination.name(), DestinationProperty.AUTHENTICATION, "is"
                        + " PrincipalPropagation with the token-exchange mode (principalPropagationMode"
                        + " PROXY_AUTHORIZATION_TOKEN_EXCHANGE), but the user's token was not issued by XSUAA (an SAP Cloud"
                        + " Identity Services token?). The Connectivity proxy takes IAS tokens only as"
                        + " SAP-Connectivity-Authentication, and XSUAA exchanges only its own. Use the"
                        + " SAP-Connectivity-Authentication mode (the default) for IAS users.");
            }
            // one token per user, cached until it expires like any other (TokenService keys it by the assertion); at
            // the user's tenant's token URL, which is where XSUAA accepts that user's token as an assertion
            TokenRequest exchange = tenantTokens.requestFor(options.tenant(), destination.name())
                    .withGrant(TokenGrant.jwtBearer(options.userToken()));
            headers.add(new HttpHeader("Proxy-Authorization",
                    tenantTokens.token(exchange, options.tenant(), destination.name()).bearer()));
        } else {
            proxy.addProxyAuthorization(headers, options.tenant(), destination.name());
            if (propagateUser) {
                headers.add(new HttpHeader(USER_AUTHENTICATION_HEADER, "Bearer " + options.userToken()));
            }
        }
        ConnectivityProxy.addLocationId(headers, destination.locationId());
        return new DispatchPlan(proxy.httpProxy(), headers, true);
    }

    /**
     * Whether a user token was issued by XSUAA, by SAP's own rule ({@code ext_attr.enhancer} is {@code XSUAA}, as SAP's
     * JavaScript SDK checks it): IAS tokens work only as {@code SAP-Connectivity-Authentication}
     * [using-the-connectivity-proxy-f3c1ef4]. A token that is no JWT at all is left to the token service to refuse.
     */
    private static boolean issuedByXsuaa(String userToken) {
        try {
            Object extAttr = com.nimbusds.jwt.JWTParser.parse(userToken).getJWTClaimsSet().getClaim("ext_attr");
            return extAttr instanceof java.util.Map<?, ?> attributes && "XSUAA".equals(attributes.get("enhancer"));
        } catch (java.text.ParseException e) {
            return true;
        }
    }
}
