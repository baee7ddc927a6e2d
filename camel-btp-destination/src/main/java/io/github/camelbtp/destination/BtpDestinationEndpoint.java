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
import org.apache.camel.support.service.ServiceHelper;

import java.net.URI;

/**
 * Calls an SAP BTP destination by name: cloud APIs directly and on-premise systems through the Connectivity Service
 * and the SAP Cloud Connector. The destination decides the address, the authentication and the route; the route
 * only names it.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "btp-destination", title = "SAP BTP Destination",
        syntax = "btp-destination:destinationName/path",
        category = { Category.CLOUD, Category.HTTP, Category.SAAS }, headersClass = BtpDestinationConstants.class,
        lenientProperties = true)
public class BtpDestinationEndpoint extends DefaultEndpoint {

    @UriPath(description = "The name of the destination, as defined in the BTP cockpit (Destination Service), in the"
            + " 'destinations' environment variable or in the component configuration. Case-sensitive. NAME@subaccount,"
            + " NAME@instance, NAME@provider_subaccount or NAME@provider_instance looks the destination up in the"
            + " Destination Service at exactly that level (its v2 consume API, no fallback between levels).")
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

    @UriParam(label = "producer,advanced", defaultValue = "false", description = "Never send an HTTP request a second"
            + " time (camel-http's option of that name). By default only idempotent requests (GET, HEAD, OPTIONS, PUT,"
            + " DELETE, TRACE) are sent once more, and only when the connection failed before any answer (refused, reset,"
            + " a pooled connection found closed) or after a 503 with a Retry-After of at most 5 seconds that ends before"
            + " the exchange's deadline; POST, PATCH and MERGE are never sent twice.")
    private boolean automaticRetriesDisabled;

    @UriParam(label = "producer", defaultValue = "true", description = "Send the destination's sap-client and"
            + " sap-language properties as the sap-client / sap-language request headers, as SAP's SDKs do: without them"
            + " an SAP system runs the request in its default client. URL.headers.* entries of those names are sent"
            + " either way. Turn off for a server that must not see them.")
    private boolean sapSystemHeaders = true;

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

    @UriParam(label = "consumer,mail", defaultValue = "false", description = "MAIL destinations: delete messages"
            + " from the mailbox once they were processed (camel-mail's delete). When false, IMAP messages are marked"
            + " seen; POP3 has no flags, so use delete=true with POP3 to read each message once.")
    private boolean delete;

    @UriParam(label = "consumer,mail", defaultValue = "true", description = "MAIL destinations, IMAP: read messages"
            + " without marking them seen, so a failed exchange leaves them unread for the next poll (camel-mail's peek).")
    private boolean peek = true;

    @UriParam(label = "consumer,mail", defaultValue = "true", description = "MAIL destinations: poll only unseen"
            + " messages (IMAP; camel-mail's unseen).")
    private boolean unseen = true;

    @UriParam(label = "consumer,mail", defaultValue = "60000", javaType = "java.time.Duration", description = "MAIL"
            + " destinations: the time between two polls of the mailbox. Default 60 seconds.")
    private long delay = 60_000;

    @UriParam(label = "consumer,mail", defaultValue = "1000", javaType = "java.time.Duration", description = "MAIL"
            + " destinations: the time before the first poll.")
    private long initialDelay = 1_000;

    @UriParam(label = "consumer,mail", defaultValue = "INBOX", description = "MAIL destinations: the folder to poll"
            + " (IMAP; POP3 only has INBOX).")
    private String folderName = "INBOX";

    @UriParam(label = "consumer,mail", defaultValue = "0", description = "MAIL destinations: at most this many"
            + " messages per poll; 0 for no limit.")
    private int maxMessagesPerPoll;

    @UriParam(label = "producer,ldap", defaultValue = "search", description = "LDAP destinations: what to do. search"
            + " (the body becomes a List of Maps, each with 'dn' and the attributes), bind (checks the password in the"
            + " body for the DN; the body becomes true or false), add (the body's Map of attributes as a new entry),"
            + " modify (replaces the body's attributes; a null or empty value removes one), delete. The header"
            + " CamelBtpLdapOperation overrides it.")
    private io.github.camelbtp.destination.ldap.LdapOperation ldapOperation = io.github.camelbtp.destination.ldap.LdapOperation.search;

    @UriParam(label = "producer,ldap", description = "LDAP destinations: the DN of the entry to add, modify, delete"
            + " or bind-check. The header CamelBtpLdapDn overrides it.")
    private String ldapDn;

    @UriParam(label = "producer,ldap", description = "LDAP destinations: the base DN of a search, for example"
            + " ou=people,dc=example,dc=com. The header CamelBtpLdapBaseDn overrides it.")
    private String ldapBaseDn;

    @UriParam(label = "producer,ldap", defaultValue = "sub", enums = "base,one,sub", description = "LDAP destinations:"
            + " the search scope: base (the base entry only), one (its children) or sub (the whole subtree).")
    private String ldapScope = "sub";

    @UriParam(label = "producer,ldap", defaultValue = "(objectClass=*)", description = "LDAP destinations: the search"
            + " filter (RFC 4515), a template whose {name} placeholders are filled from the header"
            + " CamelBtpLdapFilterValues with every value escaped (*, (, ), \\ and NUL become \\2a, \\28, \\29,"
            + " \\5c, \\00), for example (&(objectClass=person)(uid={uid})).")
    private String ldapFilter;

    @UriParam(label = "producer,ldap", description = "LDAP destinations: comma-separated attributes a search returns;"
            + " all user attributes when empty.")
    private String ldapAttributes;

    @UriParam(label = "producer,ldap", defaultValue = "0", description = "LDAP destinations: at most this many entries"
            + " per search; 0 for the directory's limit. Entries within the limit are returned, not an error.")
    private int ldapSizeLimit;

    @UriParam(label = "producer,ldap", defaultValue = "0", description = "LDAP destinations: fetch search results in"
            + " pages of this size (RFC 2696 simple paged results), for results larger than the directory's size limit;"
            + " 0 turns paging off.")
    private int ldapPageSize;

    @UriParam(label = "producer,tcp", defaultValue = "line", description = "TCP destinations: how the reply ends."
            + " line: a newline is appended to the request when missing and one line is read back (String body);"
            + " delimiter: the reply is read up to tcpDelimiter (String body); fixedLength: tcpLength bytes are read"
            + " (byte[] body); untilClose: the sending side is closed and everything up to the server's close is read"
            + " (byte[] body).")
    private io.github.camelbtp.destination.tcp.TcpFraming tcpFraming = io.github.camelbtp.destination.tcp.TcpFraming.line;

    @UriParam(label = "producer,tcp", description = "TCP destinations: the text that ends a reply with"
            + " tcpFraming=delimiter (not part of the reply body).")
    private String tcpDelimiter;

    @UriParam(label = "producer,tcp", defaultValue = "0", description = "TCP destinations: the reply length in bytes"
            + " with tcpFraming=fixedLength.")
    private int tcpLength;

    @UriParam(label = "producer,tcp", defaultValue = "UTF-8", description = "TCP destinations: the charset text"
            + " requests and line or delimiter replies are encoded in.")
    private String tcpCharset = "UTF-8";

    @UriParam(label = "producer,tcp,advanced", defaultValue = "1048576", description = "TCP destinations: the largest"
            + " reply accepted, so a peer that never sends the end marker cannot exhaust memory.")
    private int tcpMaxReplyBytes = 1_048_576;

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
        // Camel hands out a component it is still starting in another thread when the first exchanges arrive
        // together; start() is locked and idempotent, so this waits for that start (or does it) before the component's
        // HTTP client and engine are used
        ServiceHelper.startService(getComponent());
        HttpEndpoint delegate = getComponent().httpDelegate(this);
        return new BtpDestinationProducer(this, new BtpHttpProducer(delegate, getComponent().httpClient(), getComponent().csrfTokens(), csrfProtection,
                automaticRetriesDisabled));
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ServiceHelper.startService(getComponent()); // as in createProducer
        // only MAIL destinations (IMAP, POP3) can be consumed; the type is known once the route starts and finds it
        Consumer consumer = new io.github.camelbtp.destination.mail.MailPollingConsumer(this, processor,
                this::mailbox, new io.github.camelbtp.destination.mail.MailPollingConsumer.Options(delete, peek, unseen,
                        delay, initialDelay, folderName, maxMessagesPerPoll));
        configureConsumer(consumer);
        return consumer;
    }

    private io.github.camelbtp.connectivity.SocketDestination mailbox() {
        io.github.camelbtp.connectivity.BtpConnectivity connectivity = getComponent().connectivity();
        io.github.camelbtp.connectivity.destination.Destination found = connectivity.destination(destinationName,
                io.github.camelbtp.connectivity.DestinationOptions.NONE);
        if (found.type() != io.github.camelbtp.connectivity.destination.DestinationType.MAIL) {
            throw new io.github.camelbtp.connectivity.DestinationConfigurationException(destinationName,
                    io.github.camelbtp.connectivity.destination.DestinationProperty.TYPE, "is '" + found.type()
                    + "', but from(\"btp-destination:...\") reads MAIL destinations (IMAP, POP3) only. Use HTTP, LDAP"
                    + " and TCP destinations in to(...); receiving HTTP calls is what platform-http does.");
        }
        io.github.camelbtp.connectivity.SocketDestination resolved = connectivity.resolveSocket(destinationName,
                io.github.camelbtp.connectivity.DestinationOptions.NONE);
        SocketTransports.rejectHttpOnlyParts(this, resolved);
        return resolved;
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

    public boolean isAutomaticRetriesDisabled() {
        return automaticRetriesDisabled;
    }

    public void setAutomaticRetriesDisabled(boolean automaticRetriesDisabled) {
        this.automaticRetriesDisabled = automaticRetriesDisabled;
    }

    public boolean isSapSystemHeaders() {
        return sapSystemHeaders;
    }

    public void setSapSystemHeaders(boolean sapSystemHeaders) {
        this.sapSystemHeaders = sapSystemHeaders;
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

    public boolean isDelete() {
        return delete;
    }

    public void setDelete(boolean delete) {
        this.delete = delete;
    }

    public boolean isPeek() {
        return peek;
    }

    public void setPeek(boolean peek) {
        this.peek = peek;
    }

    public boolean isUnseen() {
        return unseen;
    }

    public void setUnseen(boolean unseen) {
        this.unseen = unseen;
    }

    public long getDelay() {
        return delay;
    }

    public void setDelay(long delay) {
        this.delay = delay;
    }

    public long getInitialDelay() {
        return initialDelay;
    }

    public void setInitialDelay(long initialDelay) {
        this.initialDelay = initialDelay;
    }

    public String getFolderName() {
        return folderName;
    }

    public void setFolderName(String folderName) {
        this.folderName = folderName;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public io.github.camelbtp.destination.ldap.LdapOperation getLdapOperation() {
        return ldapOperation;
    }

    public void setLdapOperation(io.github.camelbtp.destination.ldap.LdapOperation ldapOperation) {
        this.ldapOperation = ldapOperation;
    }

    public String getLdapDn() {
        return ldapDn;
    }

    public void setLdapDn(String ldapDn) {
        this.ldapDn = ldapDn;
    }

    public String getLdapBaseDn() {
        return ldapBaseDn;
    }

    public void setLdapBaseDn(String ldapBaseDn) {
        this.ldapBaseDn = ldapBaseDn;
    }

    public String getLdapScope() {
        return ldapScope;
    }

    public void setLdapScope(String ldapScope) {
        this.ldapScope = ldapScope;
    }

    public String getLdapFilter() {
        return ldapFilter;
    }

    public void setLdapFilter(String ldapFilter) {
        this.ldapFilter = ldapFilter;
    }

    public String getLdapAttributes() {
        return ldapAttributes;
    }

    public void setLdapAttributes(String ldapAttributes) {
        this.ldapAttributes = ldapAttributes;
    }

    public int getLdapSizeLimit() {
        return ldapSizeLimit;
    }

    public void setLdapSizeLimit(int ldapSizeLimit) {
        this.ldapSizeLimit = ldapSizeLimit;
    }

    public int getLdapPageSize() {
        return ldapPageSize;
    }

    public void setLdapPageSize(int ldapPageSize) {
        this.ldapPageSize = ldapPageSize;
    }

    public io.github.camelbtp.destination.tcp.TcpFraming getTcpFraming() {
        return tcpFraming;
    }

    public void setTcpFraming(io.github.camelbtp.destination.tcp.TcpFraming tcpFraming) {
        this.tcpFraming = tcpFraming;
    }

    public String getTcpDelimiter() {
        return tcpDelimiter;
    }

    public void setTcpDelimiter(String tcpDelimiter) {
        this.tcpDelimiter = tcpDelimiter;
    }

    public int getTcpLength() {
        return tcpLength;
    }

    public void setTcpLength(int tcpLength) {
        this.tcpLength = tcpLength;
    }

    public String getTcpCharset() {
        return tcpCharset;
    }

    public void setTcpCharset(String tcpCharset) {
        this.tcpCharset = tcpCharset;
    }

    public int getTcpMaxReplyBytes() {
        return tcpMaxReplyBytes;
    }

    public void setTcpMaxReplyBytes(int tcpMaxReplyBytes) {
        this.tcpMaxReplyBytes = tcpMaxReplyBytes;
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

    public boolean isForwardCallerCredentials() {
        return forwardCallerCredentials;
    }

    public void setForwardCallerCredentials(boolean forwardCallerCredentials) {
        this.forwardCallerCredentials = forwardCallerCredentials;
    }

    /** A placeholder the delegate camel-http endpoint is created with; every request carries its real URL. */
    static URI placeholderUri(String destinationName) {
        return URI.create("http://btp-destination.invalid/" + destinationName);
    }
}
