package io.github.camelbtp.connectivity.dispatch;

/**
 * How a {@code PrincipalPropagation} destination carries the user to the Connectivity proxy
 * [consuming-the-connectivity-service-313b215].
 */
public enum PrincipalPropagationMode {

    /**
     * The user's JWT as {@code SAP-Connectivity-Authentication: Bearer <user JWT>} next to the binding's own token in
     * {@code Proxy-Authorization}; no {@code Authorization} header reaches the backend. The default.
     */
    CONNECTIVITY_AUTHENTICATION_HEADER,

    /**
     * SAP's recommended alternative: the user's JWT is exchanged at the connectivity binding's token service with the
     * JWT bearer grant, and the resulting user token of the connectivity client is sent as
     * {@code Proxy-Authorization}; no {@code SAP-Connectivity-Authentication} header.
     */
    PROXY_AUTHORIZATION_TOKEN_EXCHANGE
}
