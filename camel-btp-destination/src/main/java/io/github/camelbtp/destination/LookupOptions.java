package io.github.camelbtp.destination;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The lookup and identity options of a btp-destination endpoint: which destination, for which tenant and user,
 * with which fragments and chain, and which of the caller's headers feed the lookup or reach the target.
 * The options keep their flat names in the endpoint URI; the group only keeps the endpoint class small.
 */
@UriParams
public class LookupOptions {

    @UriParam(label = "producer,advanced", defaultValue = "false", description = "Let the CamelBtpDestinationName"
            + " header choose the destination instead of the URI's. Off by default, because it lets message data"
            + " decide which system is called.")
    private boolean destinationFromHeader;

    @UriParam(label = "security", defaultValue = "Authorization", description = "The exchange header holding the"
            + " user's JWT, for principal propagation and the user-dependent authentication types (OAuth2JWTBearer,"
            + " OAuth2UserTokenExchange, OAuth2SAMLBearerAssertion, SAMLAssertion, SAPAssertionSSO). By default the"
            + " incoming 'Authorization: Bearer <JWT>' header, as platform-http and the SAP approuter deliver it; a"
            + " value with or without the 'Bearer ' prefix is accepted. The header is not forwarded to the target (unless"
            + " forwardCallerCredentials is set): the destination decides what the target receives. A destination that needs a user and finds none fails;"
            + " it never falls back to a technical user.")
    private String userTokenHeader = "Authorization";

    @UriParam(label = "security", defaultValue = BtpDestinationConstants.REFRESH_TOKEN, description = "The exchange"
            + " header holding the refresh token for OAuth2RefreshToken destinations (sent as X-refresh-token).")
    private String refreshTokenHeader = BtpDestinationConstants.REFRESH_TOKEN;

    @UriParam(label = "security", defaultValue = BtpDestinationConstants.AUTHORIZATION_CODE, description = "The"
            + " exchange header holding the authorization code for OAuth2AuthorizationCode destinations (X-code).")
    private String codeHeader = BtpDestinationConstants.AUTHORIZATION_CODE;

    @UriParam(label = "security", defaultValue = BtpDestinationConstants.REDIRECT_URI, description = "The exchange"
            + " header holding the redirect URI the authorization code was issued for (X-redirect-uri).")
    private String redirectUriHeader = BtpDestinationConstants.REDIRECT_URI;

    @UriParam(label = "security", defaultValue = BtpDestinationConstants.CODE_VERIFIER, description = "The exchange"
            + " header holding the PKCE code verifier of the authorization code (X-code-verifier).")
    private String codeVerifierHeader = BtpDestinationConstants.CODE_VERIFIER;

    @UriParam(label = "security", defaultValue = BtpDestinationConstants.SUBJECT_TOKEN, description = "The exchange"
            + " header holding the subject token for OAuth2TokenExchange destinations (X-Subject-Token).")
    private String subjectTokenHeader = BtpDestinationConstants.SUBJECT_TOKEN;

    @UriParam(label = "security", defaultValue = BtpDestinationConstants.SUBJECT_TOKEN_TYPE, description = "The"
            + " exchange header holding the subject token's type (X-Subject-Token-Type), an RFC 8693 URI; default"
            + " urn:ietf:params:oauth:token-type:access_token.")
    private String subjectTokenTypeHeader = BtpDestinationConstants.SUBJECT_TOKEN_TYPE;

    @UriParam(label = "security", defaultValue = "false", description = "Send the caller's own credentials on to the"
            + " target: the incoming Authorization header (any scheme: Basic, Negotiate, Bearer) and Cookie header (an"
            + " SAP logon ticket MYSAPSSO2, a session), as a platform-http or servlet consumer puts them on the message."
            + " Off by default: the destination decides what the target receives, so these headers are taken off the"
            + " message for the call and put back afterwards. Headers the destination sets itself (its Authorization,"
            + " URL.headers.*) replace the caller's either way; to forward only the user's JWT to a NoAuthentication"
            + " destination, its forwardAuthToken property is enough. Requests with different forwarded credentials"
            + " never share an SAP session or CSRF token.")
    private boolean forwardCallerCredentials;

    @UriParam(label = "advanced", description = "The exchange header naming the subscriber tenant (subdomain or"
            + " tenant ID) whose destinations and tokens the request uses: they are read with that subscriber's own"
            + " token (from its token URL for a subdomain, with x-zid for a tenant ID). Unset: the provider's"
            + " subaccount, the one the service binding belongs to. Caches are separated by tenant.")
    private String tenantHeader;

    @UriParam(label = "advanced", defaultValue = "CURRENT_TENANT", description = "Whose destinations a request uses:"
            + " CURRENT_TENANT (the tenant from tenantHeader, else the provider), PROVIDER_ONLY, SUBSCRIBER_ONLY (a request"
            + " without tenant fails), or CURRENT_TENANT_THEN_PROVIDER (the provider's destination when the subscriber"
            + " has none of that name; other failures are not hidden).")
    private io.github.camelbtp.connectivity.TenantStrategy tenantStrategy = io.github.camelbtp.connectivity.TenantStrategy.CURRENT_TENANT;

    @UriParam(label = "advanced", description = "Destination fragments the Destination Service merges into the"
            + " destination (X-Fragment-Name), for example to switch a client or a path per route: one name or a"
            + " comma-separated list, merged in order (a later fragment wins over an earlier one and all over the"
            + " destination). When the destination names its level (NAME@subaccount), a fragment may name its own"
            + " (f@instance); otherwise fragments are taken from the destination's level.")
    private String fragmentName;

    @UriParam(label = "advanced", defaultValue = "false", description = "Whether a missing fragment is acceptable"
            + " (X-Fragment-Optional); by default the lookup fails. SAP allows it with a single fragment only.")
    private boolean fragmentOptional;

    @UriParam(label = "advanced", description = "A destination chain the Destination Service runs for the lookup"
            + " (X-chain-name); its variables come from chainVar.NAME=VALUE options (X-chain-var-NAME).")
    private String chainName;

    /** {@code chainVar.NAME=VALUE} options: the chain's variables (extracted by the component). */
    private java.util.Map<String, String> chainVariables = java.util.Map.of();

    public boolean isDestinationFromHeader() {
        return destinationFromHeader;
    }

    public void setDestinationFromHeader(boolean destinationFromHeader) {
        this.destinationFromHeader = destinationFromHeader;
    }

    public String getUserTokenHeader() {
        return userTokenHeader;
    }

    public void setUserTokenHeader(String userTokenHeader) {
        this.userTokenHeader = userTokenHeader;
    }

    public String getRefreshTokenHeader() {
        return refreshTokenHeader;
    }

    public void setRefreshTokenHeader(String refreshTokenHeader) {
        this.refreshTokenHeader = refreshTokenHeader;
    }

    public String getCodeHeader() {
        return codeHeader;
    }

    public void setCodeHeader(String codeHeader) {
        this.codeHeader = codeHeader;
    }

    public String getRedirectUriHeader() {
        return redirectUriHeader;
    }

    public void setRedirectUriHeader(String redirectUriHeader) {
        this.redirectUriHeader = redirectUriHeader;
    }

    public String getCodeVerifierHeader() {
        return codeVerifierHeader;
    }

    public void setCodeVerifierHeader(String codeVerifierHeader) {
        this.codeVerifierHeader = codeVerifierHeader;
    }

    public String getSubjectTokenHeader() {
        return subjectTokenHeader;
    }

    public void setSubjectTokenHeader(String subjectTokenHeader) {
        this.subjectTokenHeader = subjectTokenHeader;
    }

    public String getSubjectTokenTypeHeader() {
        return subjectTokenTypeHeader;
    }

    public void setSubjectTokenTypeHeader(String subjectTokenTypeHeader) {
        this.subjectTokenTypeHeader = subjectTokenTypeHeader;
    }

    public boolean isForwardCallerCredentials() {
        return forwardCallerCredentials;
    }

    public void setForwardCallerCredentials(boolean forwardCallerCredentials) {
        this.forwardCallerCredentials = forwardCallerCredentials;
    }

    public String getTenantHeader() {
        return tenantHeader;
    }

    public void setTenantHeader(String tenantHeader) {
        this.tenantHeader = tenantHeader;
    }

    public io.github.camelbtp.connectivity.TenantStrategy getTenantStrategy() {
        return tenantStrategy;
    }

    public void setTenantStrategy(io.github.camelbtp.connectivity.TenantStrategy tenantStrategy) {
        this.tenantStrategy = tenantStrategy;
    }

    public String getFragmentName() {
        return fragmentName;
    }

    public void setFragmentName(String fragmentName) {
        this.fragmentName = fragmentName;
    }

    public boolean isFragmentOptional() {
        return fragmentOptional;
    }

    public void setFragmentOptional(boolean fragmentOptional) {
        this.fragmentOptional = fragmentOptional;
    }

    public String getChainName() {
        return chainName;
    }

    public void setChainName(String chainName) {
        this.chainName = chainName;
    }

    public java.util.Map<String, String> getChainVariables() {
        return chainVariables;
    }

    void setChainVariables(java.util.Map<String, String> chainVariables) {
        this.chainVariables = java.util.Map.copyOf(chainVariables);
    }
}
