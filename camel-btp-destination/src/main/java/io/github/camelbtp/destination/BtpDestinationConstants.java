package io.github.camelbtp.destination;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the btp-destination component. HTTP request and response headers follow camel-http's names. */
public final class BtpDestinationConstants {

    @Metadata(label = "producer", description = "The name of the destination to call instead of the one in the endpoint"
            + " URI. Only honoured when the endpoint option destinationFromHeader is true, because it lets message data"
            + " choose the target system.", javaType = "String")
    public static final String DESTINATION_NAME = "CamelBtpDestinationName";

    @Metadata(label = "producer", description = "Set on the answer: the destination that served the request.",
            javaType = "String")
    public static final String RESOLVED_DESTINATION = "CamelBtpResolvedDestination";

    @Metadata(label = "producer", description = "A relative path appended to the destination URL and the endpoint path"
            + " (camel-http's header). It may not carry a scheme or an authority, and '..' may not leave the"
            + " destination's path.", javaType = "String")
    public static final String HTTP_PATH = "CamelHttpPath";

    @Metadata(label = "producer", description = "Query string added to the request (camel-http's header).", javaType = "String")
    public static final String HTTP_QUERY = "CamelHttpQuery";

    @Metadata(label = "producer", description = "The HTTP method (camel-http's header).", javaType = "String")
    public static final String HTTP_METHOD = "CamelHttpMethod";

    @Metadata(label = "producer", description = "The HTTP status of the answer (camel-http's header).", javaType = "int")
    public static final String HTTP_RESPONSE_CODE = "CamelHttpResponseCode";

    @Metadata(label = "producer", description = "LDAP destinations: the operation (search, bind, add, modify,"
            + " delete) instead of the endpoint's ldapOperation.", javaType = "String")
    public static final String LDAP_OPERATION = "CamelBtpLdapOperation";

    @Metadata(label = "producer", description = "LDAP destinations: the DN of the entry to add, modify or delete, or"
            + " whose password a bind checks.", javaType = "String")
    public static final String LDAP_DN = "CamelBtpLdapDn";

    @Metadata(label = "producer", description = "LDAP destinations: the base DN of a search.", javaType = "String")
    public static final String LDAP_BASE_DN = "CamelBtpLdapBaseDn";

    @Metadata(label = "producer", description = "LDAP destinations: the search scope, base, one or sub.", javaType = "String")
    public static final String LDAP_SCOPE = "CamelBtpLdapScope";

    @Metadata(label = "producer", description = "LDAP destinations: the search filter (RFC 4515) instead of the"
            + " endpoint's ldapFilter. Like the option it is a template: {name} placeholders are filled, escaped, from"
            + " CamelBtpLdapFilterValues; never build it by concatenating message data.", javaType = "String")
    public static final String LDAP_FILTER = "CamelBtpLdapFilter";

    @Metadata(label = "producer", description = "LDAP destinations: the values for the filter's {name} placeholders;"
            + " each is escaped as RFC 4515 requires, so it can only ever match as a value.",
            javaType = "java.util.Map<String, Object>")
    public static final String LDAP_FILTER_VALUES = "CamelBtpLdapFilterValues";

    @Metadata(label = "producer", description = "LDAP destinations: comma-separated attributes a search returns"
            + " (all user attributes when empty).", javaType = "String")
    public static final String LDAP_ATTRIBUTES = "CamelBtpLdapAttributes";

    @Metadata(label = "producer", description = "The refresh token for OAuth2RefreshToken destinations (the default"
            + " of the refreshTokenHeader option). Never forwarded to the target.", javaType = "String", secret = true)
    public static final String REFRESH_TOKEN = "CamelBtpRefreshToken";

    @Metadata(label = "producer", description = "The authorization code for OAuth2AuthorizationCode destinations (the"
            + " default of the codeHeader option).", javaType = "String", secret = true)
    public static final String AUTHORIZATION_CODE = "CamelBtpAuthorizationCode";

    @Metadata(label = "producer", description = "The redirect URI of the authorization code.", javaType = "String")
    public static final String REDIRECT_URI = "CamelBtpRedirectUri";

    @Metadata(label = "producer", description = "The PKCE code verifier of the authorization code.", javaType = "String",
            secret = true)
    public static final String CODE_VERIFIER = "CamelBtpCodeVerifier";

    @Metadata(label = "producer", description = "The subject token for OAuth2TokenExchange destinations.",
            javaType = "String", secret = true)
    public static final String SUBJECT_TOKEN = "CamelBtpSubjectToken";

    @Metadata(label = "producer", description = "The subject token's type (RFC 8693 URI).", javaType = "String")
    public static final String SUBJECT_TOKEN_TYPE = "CamelBtpSubjectTokenType";

    private BtpDestinationConstants() {
    }

    @Metadata(label = "producer", description = "Set by operation=diagnose: the name of the first hop that failed"
            + " (binding, service-token, destination, authentication, connectivity-token, proxy, cloud-connector,"
            + " backend); absent when every hop passed.", javaType = "String")
    public static final String DIAGNOSIS_FAILED_HOP = "CamelBtpDiagnosisFailedHop";
}
