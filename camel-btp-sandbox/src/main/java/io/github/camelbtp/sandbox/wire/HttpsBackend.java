package io.github.camelbtp.sandbox.wire;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * An HTTPS backend on a loopback port, for TLS tests: it serves with the server certificate of the
 * {@link SSLContext} it is given and, when asked to, requires a client certificate that context's trust managers
 * accept. {@code GET /whoami} answers with the client certificate's subject. The caller brings the certificates
 * (tests generate a CA at test time), so the sandbox needs no crypto library of its own.
 */
public final class HttpsBackend implements AutoCloseable {

    private final HttpsServer server;
    private final ExecutorService executor;

    private HttpsBackend(SSLContext context, boolean requireClientCertificate) {
        this(context, requireClientCertificate, false, exchange -> {
            exchange.getRequestBody().readAllBytes();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("clientCertificate", subject(((HttpsExchange) exchange).getSSLSession()));
            answer.put("path", exchange.getRequestURI().getPath());
            HttpEndpoint.sendJson(exchange, 200, answer);
        });
    }

    /** A server with its own handler; {@code wantClientCertificate} asks for a certificate without requiring one. */
    public HttpsBackend(SSLContext context, boolean requireClientCertificate, boolean wantClientCertificate,
            com.sun.net.httpserver.HttpHandler handler) {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the HTTPS backend", e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                // set on the SSLParameters: once they are given, HttpsParameters' own flags are not used
                javax.net.ssl.SSLParameters ssl = context.getDefaultSSLParameters();
                if (requireClientCertificate) {
                    ssl.setNeedClientAuth(true);
                } else if (wantClientCertificate) {
                    ssl.setWantClientAuth(true);
                }
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/", handler);
        executor = Executors.newFixedThreadPool(4, Loopback.daemonThreads("sandbox-https-backend"));
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a backend serving with {@code context}'s key; {@code requireClientCertificate} makes TLS client auth mandatory. */
    public static HttpsBackend start(SSLContext context, boolean requireClientCertificate) {
        return new HttpsBackend(context, requireClientCertificate);
    }

    private static String subject(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? x509.getSubjectX500Principal().getName() : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code https://<host>:<port>}; name the host the server certificate is (or is not) issued for. */
    public URI uri(String host) {
        return URI.create("https://" + host + ":" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
