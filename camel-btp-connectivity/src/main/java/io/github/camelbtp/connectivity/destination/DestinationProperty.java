package io.github.camelbtp.connectivity.destination;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names of destination properties as SAP spells them (they are case-sensitive) [http-destinations-42a0e6b,
 * oauth-client-credentials-authentication-4e1d742].
 */
public final class DestinationProperty {

    public static final String NAME = "Name";
    public static final String TYPE = "Type";
    public static final String DESCRIPTION = "Description";
    public static final String URL = "URL";
    public static final String AUTHENTICATION = "Authentication";
    public static final String PROXY_TYPE = "ProxyType";
    public static final String LOCATION_ID = "CloudConnectorLocationId";
    public static final String USER = "User";
    public static final String PASSWORD = "Password";
    public static final String PREEMPTIVE = "Preemptive";
    public static final String PROXY_HOST = "ProxyHost";
    public static final String PROXY_PORT = "ProxyPort";
    public static final String PROXY_AUTHORIZATION = "ProxyAuthorization";
    public static final String URL_HEADERS_PREFIX = "URL.headers.";
    public static final String URL_QUERIES_PREFIX = "URL.queries.";
    public static final String CONNECTION_TIMEOUT = "URL.connectionTimeoutInSeconds";
    public static final String READ_TIMEOUT = "URL.socketReadTimeoutInSeconds";

    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_SECRET = "clientSecret";
    public static final String TOKEN_SERVICE_URL = "tokenServiceURL";
    public static final String TOKEN_SERVICE_URL_TYPE = "tokenServiceURLType";
    public static final String TOKEN_SERVICE_USER = "tokenServiceUser";
    public static final String TOKEN_SERVICE_PASSWORD = "tokenServicePassword";
    public static final String SCOPE = "scope";
    public static final String TOKEN_SERVICE_HEADERS_PREFIX = "tokenServiceURL.headers.";
    public static final String TOKEN_SERVICE_QUERIES_PREFIX = "tokenServiceURL.queries.";
    public static final String TOKEN_SERVICE_BODY_PREFIX = "tokenService.body.";
    public static final String TOKEN_SERVICE_CONNECTION_TIMEOUT = "tokenServiceURL.ConnectionTimeoutInSeconds";
    public static final String TOKEN_SERVICE_READ_TIMEOUT = "tokenServiceURL.SocketReadTimeoutInSeconds";
    public static final String TOKEN_SERVICE_CLIENT_CREDENTIALS_IN_BODY = "tokenService.addClientCredentialsInBody";
    /** The key store (a {@code certificates[]} file name) presented to the token service in the TLS handshake. */
    /** {@code OnPremise}: the token service is behind the Cloud Connector and reached through the Connectivity proxy. */
    public static final String TOKEN_SERVICE_PROXY_TYPE = "tokenServiceURL.ProxyType";
    public static final String TOKEN_SERVICE_KEY_STORE_LOCATION = "tokenService.KeyStoreLocation";
    public static final String TOKEN_SERVICE_KEY_STORE_PASSWORD = "tokenService.KeyStorePassword";
    public static final String AUDIENCE = "audience";
    public static final String CLIENT_KEY = "clientKey";
    public static final String AUTHN_CONTEXT_CLASS_REF = "authnContextClassRef";
    public static final String SYSTEM_USER = "SystemUser";
    /** Approuter/SAP SDK convention: send the request's user JWT to a NoAuthentication destination as Authorization. */
    public static final String FORWARD_AUTH_TOKEN = "forwardAuthToken";
    public static final String KEY_STORE_LOCATION = "KeyStoreLocation";
    public static final String KEY_STORE_PASSWORD = "KeyStorePassword";
    public static final String TRUST_STORE_LOCATION = "TrustStoreLocation";
    public static final String TRUST_STORE_PASSWORD = "TrustStorePassword";
    public static final String TRUST_ALL = "TrustAll";
    public static final String HOSTNAME_VERIFIER = "HostnameVerifier";
    /** The ABAP client of an HTTP destination to an SAP system, sent as the {@code sap-client} header (SAP SDK convention). */
    public static final String SAP_CLIENT = "sap-client";
    /** The logon language of an HTTP destination to an SAP system, sent as the {@code sap-language} header. */
    public static final String SAP_LANGUAGE = "sap-language";

    /**
     * Properties whose values are secrets: never logged, never in a message or {@code toString()}. Keys ending in
     * "password" or "secret" (any case) and {@code URL.headers.*} / {@code URL.queries.*} values (API keys travel
     * there) are treated as secret as well.
     */
    private static final List<String> SECRET_NAMES = List.of(PASSWORD, CLIENT_SECRET, TOKEN_SERVICE_PASSWORD,
            PROXY_AUTHORIZATION, "KeyStorePassword", "TrustStorePassword", TOKEN_SERVICE_KEY_STORE_PASSWORD,
            "clientKey", "mail.password", "ldap.password", "jco.client.passwd");

    /** Canonical spellings, used to normalise the lower-camel keys of the {@code destinations} environment variable. */
    private static final Map<String, String> CANONICAL = new TreeMap<>();

    static {
        for (String name : List.of(NAME, TYPE, DESCRIPTION, URL, AUTHENTICATION, PROXY_TYPE, LOCATION_ID, USER, PASSWORD,
                PREEMPTIVE, PROXY_HOST, PROXY_PORT, PROXY_AUTHORIZATION, CLIENT_ID, CLIENT_SECRET, TOKEN_SERVICE_URL,
                TOKEN_SERVICE_URL_TYPE, TOKEN_SERVICE_USER, TOKEN_SERVICE_PASSWORD, SCOPE, "TrustAll",
                "TrustStoreLocation", "TrustStorePassword", "KeyStoreLocation", "KeyStorePassword", "HostnameVerifier")) {
            CANONICAL.put(name.toLowerCase(Locale.ROOT), name);
        }
    }

    private DestinationProperty() {
    }

    /** Whether the value of this property must be kept out of logs and messages. */
    public static boolean isSecret(String property) {
        if (SECRET_NAMES.contains(property) || property.startsWith(URL_HEADERS_PREFIX) || property.startsWith(URL_QUERIES_PREFIX)
                || property.startsWith(TOKEN_SERVICE_HEADERS_PREFIX) || property.startsWith(TOKEN_SERVICE_QUERIES_PREFIX)
                || property.startsWith(TOKEN_SERVICE_BODY_PREFIX)) {
            return true;
        }
        String lower = property.toLowerCase(Locale.ROOT);
        return lower.endsWith("password") || lower.endsWith("secret") || lower.endsWith("passwd") || lower.contains("token")
                && !lower.startsWith("tokenservice");
    }

    /**
     * A property value as it may appear in a message: secret properties as {@code ****}, and any value with the user
     * information of a URL ({@code user:password@}) masked, since a password put into a URL by mistake must not reach
     * a log. Masks up to the last {@code @}: too much rather than too little.
     */
    public static String forMessage(String property, String value) {
        if (value == null) {
            return null;
        }
        if (isSecret(property)) {
            return "****";
        }
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return value;
        }
        int scheme = value.indexOf("://");
        int start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        return value.substring(0, start) + "****" + value.substring(at);
    }

    /** SAP's spelling of a property whose name was given in another case ({@code url} → {@code URL}), else the name as is. */
    public static String canonical(String property) {
        return CANONICAL.getOrDefault(property.toLowerCase(Locale.ROOT), property);
    }
}
