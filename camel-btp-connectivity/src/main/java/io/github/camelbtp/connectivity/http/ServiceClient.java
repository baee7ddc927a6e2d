package io.github.camelbtp.connectivity.http;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import io.github.camelbtp.connectivity.tls.ClientKey;
import io.github.camelbtp.connectivity.tls.TlsMaterial;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one HTTP client the engine uses for its own calls: the Destination Service and every token endpoint
 * (Nimbus sends token requests through it, see {@link HTTPRequestSender}). Pooled, thread-safe.
 * <p>
 * Every call has a <em>total</em> deadline, the larger of its connect and read timeouts: connecting, sending and
 * reading the whole answer must fit in it, or the call is aborted with a {@link DeadlineExceededException} (the
 * per-read timeout alone lets a server that sends one byte every few seconds hold a caller indefinitely). Answers
 * larger than {@link #MAX_ANSWER_BYTES} are refused with an {@link AnswerTooLargeException} after reading no more
 * than the limit. Application traffic does not go through here; components use their own transports.
 */
public final class ServiceClient implements HTTPRequestSender, Closeable {

    /**
     * The most that is read of an answer of a BTP service, success or error: 1 MiB. A find-destination answer with
     * key and trust stores in its {@code certificates} is some hundred KB at most, a token answer a few KB.
     */
    public static final int MAX_ANSWER_BYTES = 1024 * 1024;

    /** One daemon thread aborts calls that overrun their deadline, for all clients. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "btp-service-call-deadlines");
        t.setDaemon(true);
        return t;
    });

    /** A buffered answer. Bodies of BTP service answers are small JSON documents. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final CloseableHttpClient client;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final List<java.security.cert.X509Certificate> extraTrust;
    /** Clients presenting a certificate: the certificate is connection state, so one pool per certificate. */
    private final java.util.concurrent.ConcurrentHashMap<ClientKey, CloseableHttpClient> certificateClients =
            new java.util.concurrent.ConcurrentHashMap<>();

    public ServiceClient(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, List.of());
    }

    /**
     * @param extraTrust CA certificates trusted in addition to the JDK's on every call to the BTP services (mutual-TLS
     *                   ones too: X.509 service bindings, tokenService.KeyStoreLocation), for example a corporate TLS
     *                   inspection CA
     */
    public ServiceClient(Duration connectTimeout, Duration readTimeout, List<java.security.cert.X509Certificate> extraTrust) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.extraTrust = List.copyOf(extraTrust);
        // the extra CAs hold for every call to the BTP services, not only mutual-TLS ones: a landscape whose token
        // service presents a certificate of its own CA (a TLS inspection proxy, the sandbox's host names)
        this.client = build(this.extraTrust.isEmpty() ? null : trustContext(this.extraTrust), true);
    }

    private static javax.net.ssl.SSLContext trustContext(List<java.security.cert.X509Certificate> extraTrust) {
        try {
            return TlsMaterial.trustContext(extraTrust);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("the service trust certificates cannot be used: " + e.getMessage(), e);
        }
    }

    private CloseableHttpClient build(javax.net.ssl.SSLContext sslContext) {
        return build(sslContext, sslContext == null);
    }

    /** @param systemDefaults whether the JVM's proxy settings (http.proxyHost, …) apply, as for plain service calls */
    private CloseableHttpClient build(javax.net.ssl.SSLContext sslContext, boolean systemDefaults) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(50).setMaxConnPerRoute(20)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout)).build());
        if (sslContext != null) {
            pool.setTlsSocketStrategy(new org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy(sslContext));
        }
        var builder = HttpClients.custom()
                .setConnectionManager(pool.build())
                // token services behind the Cloud Connector are reached through the Connectivity proxy, per request
                .setRoutePlanner(new DestinationRoutePlanner(systemDefaults))
                .disableCookieManagement()
                .disableAutomaticRetries();
        return (systemDefaults ? builder.useSystemProperties() : builder).build();
    }

    /**
     * A sender for Nimbus that presents a client certificate in the TLS handshake: an X.509 binding's
     * ({@code tls_client_auth}) or a destination's {@code tokenService.KeyStoreLocation}.
     *
     * @throws IllegalArgumentException when the key material is not usable
     */
    public HTTPRequestSender withClientCertificate(ClientKey key) {
        CloseableHttpClient mtls = certificateClients.computeIfAbsent(key, k -> {
            try {
                return build(TlsMaterial.clientCertificateContext(k, extraTrust));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException(k.describe() + " cannot be used as a TLS client key ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        });
        return request -> send(request, mtls);
    }

    /**
     * A sender for Nimbus that goes through an HTTP forward proxy (the Connectivity proxy, for token services behind
     * the Cloud Connector); the hop's headers are the caller's to set on the request.
     */
    public HTTPRequestSender viaProxy(io.github.camelbtp.connectivity.http.ProxyAddress proxy) {
        org.apache.hc.core5.http.HttpHost host = new org.apache.hc.core5.http.HttpHost(proxy.host(), proxy.port());
        return request -> send(request, client, host);
    }

    /** Executes a request with the client's default timeouts. */
    public Response execute(HttpUriRequestBase request) throws IOException {
        return execute(request, connectTimeout, readTimeout);
    }

    public Response execute(HttpUriRequestBase request, Duration connect, Duration read) throws IOException {
        return execute(client, request, connect, read, null);
    }

    private static Response execute(CloseableHttpClient client, HttpUriRequestBase request, Duration connect, Duration read,
            org.apache.hc.core5.http.HttpHost proxy) throws IOException {
        HttpClientContext context = HttpClientContext.create();
        if (proxy != null) {
            context.setAttribute(DestinationRoutePlanner.PROXY_ATTRIBUTE, proxy);
        }
        context.setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(Timeout.of(connect))
                .setResponseTimeout(Timeout.of(read))
                .build());
        Duration deadline = connect.compareTo(read) > 0 ? connect : read;
        AtomicBoolean overrun = new AtomicBoolean();
        // cancelling the request closes its connection, which ends a blocked connect or read at once
        ScheduledFuture<?> abort = DEADLINES.schedule(() -> {
            overrun.set(true);
            request.cancel();
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return client.execute(request, context, response -> {
                Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
                for (Header h : response.getHeaders()) {
                    headers.computeIfAbsent(h.getName(), k -> new java.util.ArrayList<>()).add(h.getValue());
                }
                return new Response(response.getCode(), headers, body(response.getCode(), response.getEntity()));
            });
        } catch (IOException e) {
            if (overrun.get()) {
                DeadlineExceededException timeout = new DeadlineExceededException(deadline);
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            abort.cancel(false);
        }
    }

    /** The body as text, read up to {@link #MAX_ANSWER_BYTES}: more is refused, never buffered. */
    private static String body(int status, HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        if (entity.getContentLength() > MAX_ANSWER_BYTES) {
            throw new AnswerTooLargeException(status, MAX_ANSWER_BYTES);
        }
        byte[] bytes;
        try (InputStream in = entity.getContent()) {
            bytes = in == null ? new byte[0] : in.readNBytes(MAX_ANSWER_BYTES + 1);
        }
        if (bytes.length > MAX_ANSWER_BYTES) {
            throw new AnswerTooLargeException(status, MAX_ANSWER_BYTES);
        }
        ContentType type = ContentType.parseLenient(entity.getContentType());
        Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        return new String(bytes, charset);
    }

    /** Nimbus' hook: sends token requests through this client instead of {@code HttpURLConnection}. */
    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest nimbusRequest) throws IOException {
        return send(nimbusRequest, client);
    }

    private ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest nimbusRequest, CloseableHttpClient client) throws IOException {
        return send(nimbusRequest, client, null);
    }

    private ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest nimbusRequest, CloseableHttpClient client,
            org.apache.hc.core5.http.HttpHost proxy) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(nimbusRequest.getMethod().name(), nimbusRequest.getURI());
        nimbusRequest.getHeaderMap().forEach((name, values) -> values.forEach(v -> request.addHeader(name, v)));
        if (nimbusRequest.getBody() != null) {
            List<String> type = nimbusRequest.getHeaderMap().getOrDefault("Content-Type", List.of());
            request.setEntity(new StringEntity(nimbusRequest.getBody(), type.isEmpty()
                    ? ContentType.APPLICATION_FORM_URLENCODED : ContentType.parse(type.get(0))));
        }
        Duration connect = nimbusRequest.getConnectTimeout() > 0 ? Duration.ofMillis(nimbusRequest.getConnectTimeout()) : connectTimeout;
        Duration read = nimbusRequest.getReadTimeout() > 0 ? Duration.ofMillis(nimbusRequest.getReadTimeout()) : readTimeout;
        Response response = execute(client, request, connect, read, proxy);
        HTTPResponse answer = new HTTPResponse(response.status());
        response.headers().forEach((name, values) -> answer.setHeader(name, values.toArray(String[]::new)));
        answer.setContent(response.body());
        return answer;
    }

    @Override
    public void close() throws IOException {
        client.close();
        for (CloseableHttpClient c : certificateClients.values()) {
            c.close();
        }
    }
}
