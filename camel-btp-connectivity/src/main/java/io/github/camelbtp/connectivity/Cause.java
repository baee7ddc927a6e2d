package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.socks.SocksReply;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * SAP's documented causes of a failing destination, one row each: the hop it concerns, what is seen, SAP's cause, the
 * fix and the SAP page that documents it. The one table of causes: the diagnosis ({@link DiagnosisReport}) prints a
 * row for a failed hop, and docs/troubleshooting.md carries {@link #markdownTable()} verbatim (a test compares them).
 */
public enum Cause {

    NO_DESTINATION_SOURCE(Hop.BINDING, "no destination source",
            "the application has no Destination Service binding, no 'destinations' environment variable and no static destinations",
            "bind a Destination Service instance (VCAP_SERVICES, SERVICE_BINDING_ROOT) or name a binding file (bindingFile, --binding-file)",
            "calling-the-destination-service-rest-api-84c5d38"),
    NO_CONNECTIVITY_BINDING(Hop.BINDING, "ProxyType OnPremise, no 'connectivity' binding",
            "on-premise traffic reaches the Cloud Connector only through the Connectivity Service's proxy, whose host, ports and client the 'connectivity' binding holds",
            "bind an instance of the Connectivity Service (plan lite); on Kyma mount the connectivity-proxy-info ConfigMap as the binding",
            "consuming-the-connectivity-service-313b215"),
    SERVICE_TOKEN_REJECTED(Hop.SERVICE_TOKEN, "token service answered 401 / invalid_client",
            "XSUAA refused the Destination Service binding's client: clientid or clientsecret are wrong, or the binding or service key was deleted or rotated",
            "re-create the binding (or service key) and restart the application so it reads the new credentials",
            "calling-the-destination-service-rest-api-84c5d38"),
    SERVICE_TOKEN_UNAVAILABLE(Hop.SERVICE_TOKEN, "token service unreachable or answered 5xx",
            "the binding's token service (url of the 'destination' binding) cannot be reached or fails",
            "check the binding's url and the network path to it; check SAP's BTP status",
            "calling-the-destination-service-rest-api-84c5d38"),
    DESTINATION_SERVICE_UNAVAILABLE(Hop.DESTINATION, "Destination Service answered 5xx or not within the deadline",
            "the Destination Service is down or slow; destinations already cached are still served (stale-if-error)",
            "wait and check SAP's BTP status; check the binding's uri",
            "calling-the-destination-service-rest-api-84c5d38"),
    DESTINATION_SERVICE_REFUSED(Hop.DESTINATION, "Destination Service answered 401 or 403",
            "the Destination Service refused the binding's token for this call",
            "check that the binding belongs to the subaccount and instance the destination lives in",
            "calling-the-destination-service-rest-api-84c5d38"),
    DESTINATION_NOT_FOUND(Hop.DESTINATION, "no source knows the name (404)",
            "the destination exists neither at subaccount nor at service-instance level (names are case-sensitive), nor in the 'destinations' variable",
            "create the destination in the BTP cockpit, or correct the name",
            "find-a-destination-response-structure-83a3f3b"),
    DESTINATION_INVALID(Hop.DESTINATION, "a property is missing or malformed",
            "the destination lacks a property its type needs, or a value is not one SAP defines (the detail names the property)",
            "fix the named property in the BTP cockpit",
            "http-destinations-42a0e6b"),
    AUTHENTICATION_INVALID(Hop.AUTHENTICATION, "a property of the authentication type is missing or malformed",
            "the Authentication type needs properties the destination lacks (User, Password, clientId, tokenServiceURL, key store, the user's token …)",
            "add or fix the named property, or send the user's token the type needs",
            "http-destinations-42a0e6b"),
    DESTINATION_TOKEN_FAILED(Hop.AUTHENTICATION, "the destination's token could not be obtained",
            "the destination's token service refused the request (authTokens[].error, invalid_client, invalid_grant) or cannot be reached",
            "check clientId, clientSecret, tokenServiceURL and scope of the destination",
            "oauth-client-credentials-authentication-4e1d742"),
    BACKEND_REJECTED_CREDENTIALS(Hop.AUTHENTICATION, "the backend answered 401 or 403",
            "the backend refused the credentials the destination sends (password, token audience, certificate-to-user mapping) or the user lacks authorizations",
            "check the destination's credentials in the cockpit and the user in the backend (locked? authorized?)",
            "http-destinations-42a0e6b"),
    CONNECTIVITY_TOKEN_FAILED(Hop.CONNECTIVITY_TOKEN, "the connectivity binding's token could not be obtained",
            "XSUAA refused the Connectivity Service binding's client, or its token service cannot be reached",
            "re-create the 'connectivity' binding (clientid, clientsecret, token_service_url)",
            "consuming-the-connectivity-service-313b215"),
    PROXY_407(Hop.CONNECTIVITY_TOKEN, "Connectivity proxy answered 407",
            "the Proxy-Authorization token is missing, expired or of another subaccount",
            "bind the Connectivity Service of the same subaccount as the Cloud Connector (the 'connectivity' binding's clientid, clientsecret, token_service_url)",
            "consuming-the-connectivity-service-313b215"),
    SOCKS5_AUTHENTICATION_FAILED(Hop.CONNECTIVITY_TOKEN, "SOCKS5 authentication status 05 or reply code 05",
            "the SOCKS5 proxy rejected the connectivity token or the location ID sent with SAP's method 0x80",
            "bind the Connectivity Service of the same subaccount; check CloudConnectorLocationId",
            "using-the-tcp-protocol-for-cloud-applications-cd15837"),
    PROXY_UNREACHABLE(Hop.PROXY, "no connection to the Connectivity proxy",
            "nothing accepts connections at the binding's onpremise_proxy_host and port",
            "check onpremise_proxy_host, onpremise_proxy_http_port and onpremise_socks5_proxy_port (20003/20004 on Kyma) and that the proxy runs",
            "consuming-the-connectivity-service-313b215"),
    PROXY_405_HTTPS(Hop.PROXY, "URL https:// on-premise; the proxy answers 405",
            "the Connectivity proxy forwards plain http:// only (the tunnel to the Cloud Connector is already TLS); https targets and CONNECT get 405",
            "use http://<virtual host>:<port> as URL; the Cloud Connector's system mapping decides HTTPS to the backend",
            "consuming-the-connectivity-service-313b215"),
    PROXY_431(Hop.PROXY, "Connectivity proxy answered 431",
            "the request line or a header is longer than the 8192 bytes the proxy accepts",
            "shorten the path and query (endpoint path, CamelHttpPath, CamelHttpQuery, URL.queries.*) or the long header (URL.headers.*, cookies, headers the route passes on)",
            "consuming-the-connectivity-service-313b215"),
    PROXY_503(Hop.CLOUD_CONNECTOR, "Connectivity proxy answered 503",
            "no connected Cloud Connector of this subaccount matches the location ID: the connector is disconnected, or CloudConnectorLocationId is wrong (case-sensitive)",
            "connect the Cloud Connector to the subaccount, or fix CloudConnectorLocationId",
            "consuming-the-connectivity-service-313b215"),
    ACCESS_DENIED(Hop.CLOUD_CONNECTOR, "403 'Access denied to system host:port'",
            "the Cloud Connector has no system mapping for the virtual host and port, or the path is not among its allowed resources",
            "add the system mapping and allow the path (\"path and all sub-paths\" for a service root) in the Cloud Connector's access control",
            "configure-access-control-http-e7d4927"),
    SOCKS5_NO_MAPPING(Hop.CLOUD_CONNECTOR, "SOCKS5 reply code 02",
            "the Cloud Connector has no mapping for the requested virtual host and port",
            "add the system mapping (TCP, LDAP, …) for the virtual host and port",
            "using-the-tcp-protocol-for-cloud-applications-cd15837"),
    SOCKS5_NOT_CONNECTED(Hop.CLOUD_CONNECTOR, "SOCKS5 reply code 03",
            "the Cloud Connector is not connected, or no Cloud Connector has this location ID",
            "connect the Cloud Connector, or fix CloudConnectorLocationId (case-sensitive)",
            "using-the-tcp-protocol-for-cloud-applications-cd15837"),
    BACKEND_UNREACHABLE(Hop.BACKEND, "no connection to the backend (SOCKS5 01/04, refused, timeout)",
            "the backend is down, or unreachable from the Cloud Connector (internal host and port of the mapping) or from the application",
            "check that the system runs and the internal host and port of the mapping",
            "using-the-tcp-protocol-for-cloud-applications-cd15837"),
    BACKEND_ERROR(Hop.BACKEND, "the backend answered 5xx or broke the protocol",
            "the target system itself fails",
            "check the target system's logs",
            "http-destinations-42a0e6b");

    private final Hop hop;
    private final String symptom;
    private final String cause;
    private final String fix;
    private final String page;

    Cause(Hop hop, String symptom, String cause, String fix, String page) {
        this.hop = hop;
        this.symptom = symptom;
        this.cause = cause;
        this.fix = fix;
        this.page = page;
    }

    public Hop hop() {
        return hop;
    }

    /** What is seen: a status, a reply code, a condition. */
    public String symptom() {
        return symptom;
    }

    /** SAP's documented cause. */
    public String cause() {
        return cause;
    }

    /** What the user does about it. */
    public String fix() {
        return fix;
    }

    /** The SAP Help page that documents it (the page name of help.sap.com's BTP Connectivity guide). */
    public String page() {
        return page;
    }

    /**
     * The cause of a Connectivity proxy's (or Cloud Connector's) refusal by its HTTP status
     * [consuming-the-connectivity-service-313b215, configure-access-control-http-e7d4927]; {@link #PROXY_UNREACHABLE}
     * for 0 (no answer) and statuses SAP documents no cause for.
     */
    public static Cause ofProxyStatus(int status) {
        return switch (status) {
            case 403 -> ACCESS_DENIED;
            case 405 -> PROXY_405_HTTPS;
            case 407 -> PROXY_407;
            case 431 -> PROXY_431;
            case 503 -> PROXY_503;
            default -> PROXY_UNREACHABLE;
        };
    }

    /**
     * The cause of a SOCKS5 reply code of SAP's SOCKS5 proxy [using-the-tcp-protocol-for-cloud-applications-cd15837]
     * (reply 05 and authentication status 05 alike); {@link #PROXY_UNREACHABLE} for codes SAP documents no cause for.
     */
    public static Cause ofSocksReply(int code) {
        return switch (code) {
            case SocksReply.GENERAL_FAILURE, SocksReply.HOST_UNREACHABLE -> BACKEND_UNREACHABLE;
            case SocksReply.NOT_ALLOWED -> SOCKS5_NO_MAPPING;
            case SocksReply.NETWORK_UNREACHABLE -> SOCKS5_NOT_CONNECTED;
            case SocksReply.AUTHENTICATION_FAILED -> SOCKS5_AUTHENTICATION_FAILED;
            default -> PROXY_UNREACHABLE;
        };
    }

    /**
     * SAP's cause, the fix and the SAP page as an exception's messages end: "Cause: …. Fix: …. [SAP: page]". The
     * engine's messages for the Connectivity proxy's and the SOCKS5 proxy's refusals take their explanation from here,
     * so the messages, the diagnosis and docs/troubleshooting.md say the same.
     */
    public String causeAndFix() {
        return "Cause: " + cause + ". Fix: " + fix + ". [SAP: " + page + "]";
    }

    /** The table as docs/troubleshooting.md carries it, one row per cause, in hop order. */
    public static String markdownTable() {
        return "| hop | what you see | SAP's cause | fix | SAP page |\n|---|---|---|---|---|\n"
                + Arrays.stream(values()).map(c -> "| `" + c.hop + "` | " + c.symptom + " | " + c.cause + " | " + c.fix
                        + " | " + c.page + " |").collect(Collectors.joining("\n")) + "\n";
    }
}
