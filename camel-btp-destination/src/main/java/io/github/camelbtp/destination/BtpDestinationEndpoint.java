package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.destination.http.BtpHttpProducer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.http.common.HttpMethods;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.net.URI;

/**
 * Calls an SAP BTP destination by name: cloud APIs directly and on-premise systems through the Connectivity Service
 * and the SAP Cloud Connector. The destination decides the address, the authentication and the route; the route
 * only names it.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "btp-destination", title = "SAP BTP Destination",
        syntax = "btp-destination:destinationName/path", producerOnly = true,
        category = { Category.CLOUD, Category.HTTP, Category.SAAS }, headersClass = BtpDestinationConstants.class,
        lenientProperties = true)
public class BtpDestinationEndpoint extends DefaultEndpoint {

    @UriPath(description = "The name of the destination, as defined in the BTP cockpit (Destination Service), in the"
            + " 'destinations' environment variable or in the component configuration. Case-sensitive.")
    @Metadata(required = true)
    private String destinationName;

    @UriPath(description = "A path appended to the destination's URL, for example"
            + " sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder. Query parameters of the endpoint URI that are not"
            + " options of this component are sent to the target as they are ($top=10, sap-client=100, …).")
    private String path;

    @UriParam(label = "producer", description = "The HTTP method to use. By default GET, or POST when the message has"
            + " a body; the CamelHttpMethod header overrides both, as in camel-http.")
    private HttpMethods httpMethod;

    @UriParam(label = "producer", defaultValue = "true", description = "Follow SAP's CSRF protocol for modifying"
            + " requests (POST, PUT, PATCH, DELETE, MERGE): when the server answers 403 with 'x-csrf-token: Required', a"
            + " token is fetched with 'x-csrf-token: Fetch' (keeping the session cookies) and the request is sent once"
            + " more. The token is kept per destination. Turn off for servers that do not use SAP's protocol.")
    private boolean csrfProtection = true;

    @UriParam(label = "producer", defaultValue = "true", description = "Throw an HttpOperationFailedException when"
            + " the answer's status is outside okStatusCodeRange, as camel-http does. When false, every answer is"
            + " returned as the message.")
    private boolean throwExceptionOnFailure = true;

    @UriParam(label = "producer", defaultValue = "200-299", description = "The statuses considered a success, as in camel-http.")
    private String okStatusCodeRange = "200-299";

    @UriParam(label = "producer,advanced", defaultValue = "false", description = "Let the CamelBtpDestinationName"
            + " header choose the destination instead of the URI's. Off by default, because it lets message data"
            + " decide which system is called.")
    private boolean destinationFromHeader;

    @UriParam(label = "security", defaultValue = "Authorization", description = "The exchange header holding the"
            + " user's JWT, for principal propagation and the user-dependent authentication types (OAuth2JWTBearer,"
            + " OAuth2UserTokenExchange, OAuth2SAMLBearerAssertion, SAMLAssertion, SAPAssertionSSO). By default the"
            + " incoming 'Authorization: Bearer <JWT>' header, as platform-http and the SAP approuter deliver it; a"
            + " value with or without the 'Bearer ' prefix is accepted. The header is not forwarded to the target: the"
            + " destination decides what the target receives. A destination that needs a user and finds none fails;"
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

    @UriParam(label = "advanced", description = "The exchange header naming the subscriber tenant (subdomain or"
            + " tenant ID) whose destinations and tokens the request uses (sent as x-tenant). Unset: the provider's"
            + " subaccount, the one the service binding belongs to. Caches are separated by tenant.")
    private String tenantHeader;

    @UriParam(label = "advanced", defaultValue = "CURRENT_TENANT", description = "Whose destinations a request uses:"
            + " CURRENT_TENANT (the tenant from tenantHeader, else the provider), PROVIDER_ONLY, SUBSCRIBER_ONLY (a request"
            + " without tenant fails), or CURRENT_TENANT_THEN_PROVIDER (the provider's destination when the subscriber"
            + " has none of that name; other failures are not hidden).")
    private io.github.camelbtp.connectivity.TenantStrategy tenantStrategy = io.github.camelbtp.connectivity.TenantStrategy.CURRENT_TENANT;

    @UriParam(label = "advanced", description = "A destination fragment the Destination Service merges into the"
            + " destination (X-Fragment-Name), for example to switch a client or a path per route.")
    private String fragmentName;

    @UriParam(label = "advanced", defaultValue = "false", description = "Whether a missing fragment is acceptable"
            + " (X-Fragment-Optional); by default the lookup fails.")
    private boolean fragmentOptional;

    @UriParam(label = "advanced", description = "A destination chain the Destination Service runs for the lookup"
            + " (X-chain-name); its variables come from chainVar.NAME=VALUE options (X-chain-var-NAME).")
    private String chainName;

    /** {@code chainVar.NAME=VALUE} options: the chain's variables (extracted by the component). */
    private java.util.Map<String, String> chainVariables = java.util.Map.of();

    /** Query parameters of the URI that are not options: sent to the target (already encoded). */
    private String targetQuery;

    public BtpDestinationEndpoint(String uri, BtpDestinationComponent component) {
        super(uri, component);
    }

    @Override
    public BtpDestinationComponent getComponent() {
        return (BtpDestinationComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        HttpEndpoint delegate = getComponent().httpDelegate(this);
        return new BtpDestinationProducer(this, new BtpHttpProducer(delegate, getComponent().httpClient(), getComponent().csrfTokens(), csrfProtection));
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("btp-destination has no consumer for HTTP destinations;"
                + " use it in to(...). Receiving HTTP calls is what platform-http does.");
    }

    /** The URL one request goes to: destination URL + endpoint path + header path, destination and endpoint queries. */
    String targetUrl(ResolvedDestination resolved, String headerPath, String headerQuery) {
        return io.github.camelbtp.destination.http.RequestTarget.build(resolved, path, headerPath, targetQuery, headerQuery);
    }

    public String getDestinationName() {
        return destinationName;
    }

    public void setDestinationName(String destinationName) {
        this.destinationName = destinationName;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public HttpMethods getHttpMethod() {
        return httpMethod;
    }

    public void setHttpMethod(HttpMethods httpMethod) {
        this.httpMethod = httpMethod;
    }

    public boolean isCsrfProtection() {
        return csrfProtection;
    }

    public void setCsrfProtection(boolean csrfProtection) {
        this.csrfProtection = csrfProtection;
    }

    public boolean isThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    public void setThrowExceptionOnFailure(boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public String getOkStatusCodeRange() {
        return okStatusCodeRange;
    }

    public void setOkStatusCodeRange(String okStatusCodeRange) {
        this.okStatusCodeRange = okStatusCodeRange;
    }

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

    java.util.Map<String, String> getChainVariables() {
        return chainVariables;
    }

    void setChainVariables(java.util.Map<String, String> chainVariables) {
        this.chainVariables = java.util.Map.copyOf(chainVariables);
    }

    String getTargetQuery() {
        return targetQuery;
    }

    void setTargetQuery(String targetQuery) {
        this.targetQuery = targetQuery;
    }

    /** A placeholder the delegate camel-http endpoint is created with; every request carries its real URL. */
    static URI placeholderUri(String destinationName) {
        return URI.create("http://btp-destination.invalid/" + destinationName);
    }
}
