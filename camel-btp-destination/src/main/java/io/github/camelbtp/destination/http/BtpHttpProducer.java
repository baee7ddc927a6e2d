package io.github.camelbtp.destination.http;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.http.DestinationHttpClient;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.http.RetryPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpConstants;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.component.http.HttpProducer;
import org.apache.camel.component.http.helper.HttpMethodHelper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpUriRequest;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.BufferedHttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.net.URIAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * camel-http's producer, with the request's last mile done the resolved destination's way
 * ({@link DestinationHttpClient}: proxy, headers, timeouts, challenge credentials, proxy answers explained), plus
 * SAP's CSRF protocol for modifying requests. Everything else (methods, headers, bodies, status handling, streaming)
 * is camel-http's.
 */
public final class BtpHttpProducer extends HttpProducer {

    /**
     * Exchange property carrying the {@link Call} from {@code BtpDestinationProducer} to {@link #createMethod} and
     * {@link #executeMethod}. camel-http's {@code HttpProducer.process(Exchange)} builds the request and calls them
     * with nothing but the exchange, so the exchange is the only seam; the property lives for the one call
     * (BtpDestinationProducer removes it in a finally block). The headers themselves are not set here but by the
     * client's request interceptor ({@link DestinationHttpClient#context}).
     */
    public static final String CALL_PROPERTY = "CamelBtpHttpCallInternal";

    /**
     * One exchange's call.
     *
     * @param resolved      the resolved destination
     * @param identityScope what the request acts as at the target ({@link ResolvedDestination#identityScope}, plus the
     *                      caller's forwarded credentials): the key of its SAP session and CSRF token, and of its proxy
     *                      connections
     * @param target        the URI the request goes to, as {@link RequestTarget#uri} built it: camel-http's own
     *                      per-exchange URL building (placeholders resolved in the URL, three parses) is not used
     */
    public record Call(ResolvedDestination resolved, String identityScope, URI target) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(BtpHttpProducer.class);
    private static final Set<String> MODIFYING = Set.of("POST", "PUT", "PATCH", "DELETE", "MERGE");
    private static final String CSRF_HEADER = "x-csrf-token";

    private final DestinationHttpClient http;
    private final CsrfTokenStore csrf;
    private final boolean csrfProtection;
    private final boolean automaticRetriesDisabled;

    public BtpHttpProducer(HttpEndpoint endpoint, DestinationHttpClient http, CsrfTokenStore csrf, boolean csrfProtection,
            boolean automaticRetriesDisabled) {
        super(endpoint);
        this.http = http;
        this.csrf = csrf;
        this.csrfProtection = csrfProtection;
        this.automaticRetriesDisabled = automaticRetriesDisabled;
    }

    private static Call call(Exchange exchange) {
        Call call = exchange.getProperty(CALL_PROPERTY, Call.class);
        if (call == null) {
            throw new IllegalStateException("BtpHttpProducer used without a resolved destination and its identity scope");
        }
        return call;
    }

    /**
     * The request for the exchange's {@link Call#target}, with camel-http's choice of method and its request body:
     * the method named by the endpoint ({@code httpMethod}), else by the {@code CamelHttpMethod} header, else GET when
     * the URL has a query, else POST when there is a body (camel-http's {@code HttpMethodHelper}, which would find
     * the query in the {@code CamelHttpUri} header this producer no longer sets).
     */
    @Override
    protected HttpUriRequest createMethod(Exchange exchange) throws Exception {
        URI target = call(exchange).target();
        HttpEndpoint endpoint = getEndpoint();
        HttpMethods method = HttpMethodHelper.createMethod(exchange, endpoint);
        if (target.getRawQuery() != null && endpoint.getHttpMethod() == null
                && exchange.getIn().getHeader(HttpConstants.HTTP_METHOD) == null) {
            method = HttpMethods.GET;
        }
        HttpUriRequest request = method.createMethod(target);
        if (method.isEntityEnclosing() || endpoint.isDeleteWithBody() && method == HttpMethods.DELETE
                || endpoint.isGetWithBody() && method == HttpMethods.GET) {
            request.setEntity(createRequestEntity(exchange));
        }
        return request;
    }

    /** The target's host from the request's parts, without building and parsing its URI once more. */
    @Override
    protected HttpHost createHost(HttpUriRequest request) {
        URIAuthority authority = request.getAuthority();
        return authority != null ? new HttpHost(request.getScheme(), authority) : super.createHost(request);
    }

    @Override
    protected <T> T executeMethod(Exchange exchange, HttpHost httpHost, HttpUriRequest request,
            HttpClientResponseHandler<T> handler) throws IOException, HttpException {
        Call call = call(exchange);
        ResolvedDestination resolved = call.resolved();
        String identityScope = call.identityScope();
        HttpClientContext context = DestinationHttpClient.context(resolved, httpHost);
        DestinationHttpClient.bindToIdentity(context, resolved, identityScope);
        if (automaticRetriesDisabled) {
            RetryPolicy.disable(context);
        }
        // one SAP session per (destination, tenant, identity the destination logs on as): an ABAP system runs a
        // request that presents a session cookie as the session's user, so a session never serves another identity
        CsrfTokenStore.Session session = csrf.session(identityScope);
        // the session's cookie jar; SAP ties CSRF tokens to its session cookie
        context.setCookieStore(session.cookies);
        boolean csrfApplies = csrfProtection && MODIFYING.contains(request.getMethod().toUpperCase(Locale.ROOT));
        // URL.queries.* (API keys) join the request only while it is sent: camel-http has logged the URL before, and
        // builds its exception messages from the request afterwards
        String loggedPath = request.getPath();
        // the deadline covers the CSRF round trips and camel-http reading the answer into the message
        return http.withinDeadline(resolved, context, () -> {
            ClassicHttpResponse response;
            request.setPath(RequestTarget.withDestinationQueries(loggedPath, resolved));
            try {
                response = csrfApplies
                        ? executeWithCsrf(resolved, httpHost, request, context, session)
                        : http.executeOpen(httpHost, request, resolved, context);
            } finally {
                request.setPath(loggedPath);
            }
            return handler.handleResponse(response);
        });
    }

    /**
     * SAP's CSRF protocol: send with the session's token; on {@code 403} + {@code x-csrf-token: Required}, fetch a
     * token ({@code x-csrf-token: Fetch}, keeping the session cookies) and send once more.
     */
    private ClassicHttpResponse executeWithCsrf(ResolvedDestination resolved, HttpHost host, HttpUriRequest request,
            HttpClientContext context, CsrfTokenStore.Session session) throws IOException {
        HttpEntity entity = request.getEntity();
        if (entity != null && !entity.isRepeatable()) {
            // the body may have to be sent twice
            request.setEntity(new BufferedHttpEntity(entity));
        }
        // the logon the request carries (the destination's, or the caller's own with forwardCallerCredentials) is
        // what the token must be fetched with: a token belongs to the session of that logon
        Header[] logon = java.util.stream.Stream.concat(java.util.Arrays.stream(request.getHeaders("Authorization")),
                java.util.Arrays.stream(request.getHeaders("Cookie"))).toArray(Header[]::new);
        String token = session.token;
        if (token != null) {
            request.setHeader(CSRF_HEADER, token);
        }
        ClassicHttpResponse response = http.executeOpen(host, request, resolved, context);
        if (!csrfRequired(response)) {
            return response;
        }
        EntityUtils.consumeQuietly(response.getEntity());
        response.close();
        session.token = null;
        String fresh = fetchToken(resolved, host, request.getRequestUri(), logon, context);
        session.token = fresh;
        request.setHeader(CSRF_HEADER, fresh);
        LOG.debug("Fetched a CSRF token for destination {} and sending the request once more", resolved.name());
        return http.executeOpen(host, request, resolved, context);
    }

    private static boolean csrfRequired(ClassicHttpResponse response) {
        Header h = response.getFirstHeader(CSRF_HEADER);
        return response.getCode() == 403 && h != null && "required".equalsIgnoreCase(h.getValue().trim());
    }

    /** Asks for a token with HEAD on the request's path (no payload), then GET for servers that do not answer HEAD. */
    private String fetchToken(ResolvedDestination resolved, HttpHost host, String requestUri, Header[] logon,
            HttpClientContext context) throws IOException {
        String path = requestUri.contains("?") ? requestUri.substring(0, requestUri.indexOf('?')) : requestUri;
        for (HttpUriRequest fetch : new HttpUriRequest[] { new HttpHead(path), new HttpGet(path) }) {
            for (Header h : logon) {
                fetch.addHeader(h);
            }
            fetch.setHeader(CSRF_HEADER, "Fetch");
            try (ClassicHttpResponse answer = http.executeOpen(host, fetch, resolved, context)) {
                EntityUtils.consumeQuietly(answer.getEntity());
                Header token = answer.getFirstHeader(CSRF_HEADER);
                if (token != null && !token.getValue().isBlank() && !"required".equalsIgnoreCase(token.getValue())) {
                    return token.getValue();
                }
            }
        }
        throw new BtpConnectivityException(resolved.name(), "The server of destination '" + resolved.name()
                + "' demands a CSRF token (403, x-csrf-token: Required) but sent none when asked with"
                + " 'x-csrf-token: Fetch' on " + URI.create(path).getPath() + ". Check that the user may read that"
                + " resource, or turn csrfProtection off if the server does not use SAP's CSRF protocol.");
    }
}
