package io.github.camelbtp.destination.http;

import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.dispatch.ProxyAnswers;
import io.github.camelbtp.connectivity.http.HttpHeader;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.component.http.HttpProducer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpUriRequest;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.BufferedHttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * camel-http's producer, with the request's last mile done by the engine's resolved destination: the proxy is chosen
 * per request, the destination's headers replace any the message carried, Basic challenges are answered for
 * {@code Preemptive=FALSE}, SAP's CSRF protocol is followed for modifying requests, and answers of the Connectivity
 * proxy / Cloud Connector become {@link CloudConnectorException}s. Everything else (methods, headers, bodies, status
 * handling, streaming) is camel-http's.
 */
public final class BtpHttpProducer extends HttpProducer {

    /** Exchange property carrying the {@link ResolvedDestination} from {@code process} to {@code executeMethod}. */
    public static final String RESOLVED_PROPERTY = "CamelBtpResolvedDestinationInternal";

    private static final Logger LOG = LoggerFactory.getLogger(BtpHttpProducer.class);
    private static final Set<String> MODIFYING = Set.of("POST", "PUT", "PATCH", "DELETE", "MERGE");
    private static final Set<Integer> PROXY_STATUSES = Set.of(403, 405, 407, 503);
    private static final String CSRF_HEADER = "x-csrf-token";

    private final CsrfTokenStore csrf;
    private final boolean csrfProtection;

    public BtpHttpProducer(HttpEndpoint endpoint, CsrfTokenStore csrf, boolean csrfProtection) {
        super(endpoint);
        this.csrf = csrf;
        this.csrfProtection = csrfProtection;
    }

    @Override
    protected <T> T executeMethod(Exchange exchange, HttpHost httpHost, HttpUriRequest request,
            HttpClientResponseHandler<T> handler) throws IOException, HttpException {
        ResolvedDestination resolved = exchange.getProperty(RESOLVED_PROPERTY, ResolvedDestination.class);
        if (resolved == null) {
            throw new IllegalStateException("BtpHttpProducer used without a resolved destination");
        }
        HttpClientContext context = context(resolved, httpHost);
        // headers the message may carry but only the engine may decide: they route the request or authenticate it
        for (Header h : request.getHeaders()) {
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (name.equals("proxy-authorization") || name.startsWith("sap-connectivity-")) {
                request.removeHeaders(h.getName());
            }
        }
        for (HttpHeader header : resolved.headers()) {
            request.setHeader(header.name(), header.value());
        }
        CsrfTokenStore.Session session = csrfProtection && MODIFYING.contains(request.getMethod().toUpperCase(Locale.ROOT))
                ? csrf.session(sessionKey(resolved)) : null;
        context.setCookieStore(csrf.session(sessionKey(resolved)).cookies);
        var client = getEndpoint().getHttpClient();
        ClassicHttpResponse response;
        try {
            if (session == null) {
                response = client.executeOpen(httpHost, request, context);
            } else {
                response = executeWithCsrf(resolved, httpHost, request, context, session);
            }
        } catch (IOException e) {
            if (resolved.proxy() != null && resolved.destination().isOnPremise()) {
                throw new CloudConnectorException(resolved.name(), resolved.destination().locationId(), 0,
                        "Cannot reach the Connectivity proxy at " + resolved.proxy() + " for destination '" + resolved.name()
                                + "': " + e + ". Check the connectivity binding's onpremise_proxy_host/onpremise_proxy_http_port"
                                + " and that the Connectivity Service is available.");
            }
            throw e;
        }
        if (resolved.destination().isOnPremise() && PROXY_STATUSES.contains(response.getCode())) {
            response = checkProxyAnswer(resolved, response);
        }
        return handler.handleResponse(response);
    }

    private static HttpClientContext context(ResolvedDestination resolved, HttpHost target) {
        HttpClientContext context = HttpClientContext.create();
        if (resolved.proxy() != null) {
            context.setAttribute(DestinationRoutePlanner.PROXY_ATTRIBUTE, new HttpHost("http", resolved.proxy().host(), resolved.proxy().port()));
        }
        context.setRequestConfig(requestConfig(resolved));
        if (resolved.challengeCredentials() != null) {
            BasicCredentialsProvider provider = new BasicCredentialsProvider();
            provider.setCredentials(new AuthScope(target), new UsernamePasswordCredentials(
                    resolved.challengeCredentials().user(), resolved.challengeCredentials().password().toCharArray()));
            context.setCredentialsProvider(provider);
        }
        return context;
    }

    @SuppressWarnings("deprecation") // the connect timeout is per destination (URL.connectionTimeoutInSeconds), not per route
    private static RequestConfig requestConfig(ResolvedDestination resolved) {
        return RequestConfig.custom()
                .setConnectTimeout(Timeout.of(resolved.connectTimeout()))
                .setResponseTimeout(Timeout.of(resolved.readTimeout()))
                // a redirect could lead anywhere; the destination decides the target
                .setRedirectsEnabled(false)
                .build();
    }

    private static String sessionKey(ResolvedDestination resolved) {
        return resolved.name() + '|' + resolved.url();
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
        String token = session.token;
        if (token != null) {
            request.setHeader(CSRF_HEADER, token);
        }
        var client = getEndpoint().getHttpClient();
        ClassicHttpResponse response = client.executeOpen(host, request, context);
        if (!csrfRequired(response)) {
            return response;
        }
        EntityUtils.consumeQuietly(response.getEntity());
        response.close();
        session.token = null;
        String fresh = fetchToken(resolved, host, request.getRequestUri(), context);
        session.token = fresh;
        request.setHeader(CSRF_HEADER, fresh);
        LOG.debug("Fetched a CSRF token for destination {} and sending the request once more", resolved.name());
        return client.executeOpen(host, request, context);
    }

    private static boolean csrfRequired(ClassicHttpResponse response) {
        Header h = response.getFirstHeader(CSRF_HEADER);
        return response.getCode() == 403 && h != null && "required".equalsIgnoreCase(h.getValue().trim());
    }

    private String fetchToken(ResolvedDestination resolved, HttpHost host, String requestUri, HttpClientContext context)
            throws IOException {
        String path = requestUri.contains("?") ? requestUri.substring(0, requestUri.indexOf('?')) : requestUri;
        var client = getEndpoint().getHttpClient();
        for (HttpUriRequest fetch : new HttpUriRequest[] { new HttpHead(path), new HttpGet(path) }) {
            for (HttpHeader header : resolved.headers()) {
                fetch.setHeader(header.name(), header.value());
            }
            fetch.setHeader(CSRF_HEADER, "Fetch");
            try (ClassicHttpResponse answer = client.executeOpen(host, fetch, context)) {
                EntityUtils.consumeQuietly(answer.getEntity());
                Header token = answer.getFirstHeader(CSRF_HEADER);
                if (token != null && !token.getValue().isBlank() && !"required".equalsIgnoreCase(token.getValue())) {
                    return token.getValue();
                }
                if (resolved.destination().isOnPremise() && PROXY_STATUSES.contains(answer.getCode())) {
                    ProxyAnswers.explain(resolved, answer.getCode(), null, "").ifPresent(e -> {
                        throw e;
                    });
                }
            }
        }
        throw new io.github.camelbtp.connectivity.BtpConnectivityException(resolved.name(), "The server of destination '"
                + resolved.name() + "' demands a CSRF token (403, x-csrf-token: Required) but sent none when asked with"
                + " 'x-csrf-token: Fetch' on " + URI.create(path).getPath() + ". Check that the user may read that"
                + " resource, or turn csrfProtection off if the server does not use SAP's CSRF protocol.");
    }

    private static ClassicHttpResponse checkProxyAnswer(ResolvedDestination resolved, ClassicHttpResponse response)
            throws IOException {
        String bodyStart = "";
        if (response.getEntity() != null) {
            BufferedHttpEntity buffered = new BufferedHttpEntity(response.getEntity());
            response.setEntity(buffered);
            byte[] bytes = EntityUtils.toByteArray(buffered, 512);
            bodyStart = new String(bytes, StandardCharsets.UTF_8);
        }
        Header allow = response.getFirstHeader("Allow");
        var explained = ProxyAnswers.explain(resolved, response.getCode(), allow == null ? null : allow.getValue(), bodyStart);
        if (explained.isPresent()) {
            response.close();
            throw explained.get();
        }
        return response;
    }
}
