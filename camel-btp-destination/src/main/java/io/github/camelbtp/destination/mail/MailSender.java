package io.github.camelbtp.destination.mail;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.connectivity.tls.TlsMaterial;
import io.github.camelbtp.connectivity.socks.SocketTls;
import io.github.camelbtp.connectivity.socks.CloudConnectorSocketException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends an exchange as mail through a MAIL destination with camel-mail's producer, so headers and attachments
 * follow camel-mail ({@code To}, {@code Cc}, {@code Bcc}, {@code From}, {@code Subject}, {@code Content-Type},
 * attachments of the message). One camel-mail producer per destination, rebuilt when the destination's properties
 * change (a cache refresh after an edit in the cockpit) or its TLS files do. A Cloud Connector refusal is raised as
 * the {@code CloudConnectorException} it is, not as camel-mail's wrapper; a failed TLS handshake as a
 * {@link BtpConnectivityException} that names the destination, the server and the fix.
 */
public final class MailSender extends ServiceSupport {

    private record Cached(Map<String, String> properties, String tls, Producer producer, MailSettings settings) {

        boolean matches(Map<String, String> properties, String tls) {
            return this.properties.equals(properties) && java.util.Objects.equals(this.tls, tls);
        }
    }

    private final CamelContext context;
    private final Map<String, Cached> producers = new ConcurrentHashMap<>();

    public MailSender(CamelContext context) {
        this.context = context;
    }

    public void send(Exchange exchange, SocketDestination resolved) throws Exception {
        Cached cached = producer(resolved);
        try {
            cached.producer().process(exchange);
        } catch (Exception e) {
            throw translate(cached.settings(), resolved, e);
        }
        if (exchange.getException() != null) {
            exchange.setException(translate(cached.settings(), resolved, exchange.getException()));
        }
    }

    /**
     * A Cloud Connector refusal as the exception it is; a failed TLS handshake as a {@link BtpConnectivityException}
     * naming the destination, the server and the destination property that fixes it; anything else unchanged.
     */
    private static Exception translate(MailSettings settings, SocketDestination resolved, Exception e) {
        Optional<BtpConnectivityException> engine = CloudConnectorSocketException.engineFailure(e);
        if (engine.isPresent()) {
            return engine.get();
        }
        if (SocketTls.isTlsFailure(e)) {
            String server = settings.protocol() + "://" + settings.host() + (settings.port() > 0 ? ":" + settings.port() : "");
            return new BtpConnectivityException(resolved.name(), "MAIL destination '" + resolved.name() + "' (" + server
                    + "): the TLS handshake with " + settings.host() + " failed (" + rootMessage(e) + "). "
                    + SocketTls.advice(e, settings.host()), e);
        }
        return e;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private Cached producer(SocketDestination resolved) throws Exception {
        Map<String, String> properties = resolved.destination().properties();
        TlsMaterial material = resolved.tls();
        String tls = material == null ? null : material.fingerprint();
        Cached cached = producers.get(resolved.name());
        if (cached != null && cached.matches(properties, tls)) {
            return cached;
        }
        synchronized (producers) {
            cached = producers.get(resolved.name());
            if (cached != null && cached.matches(properties, tls)) {
                return cached;
            }
            MailSettings settings = MailSettings.forSending(resolved);
            org.apache.camel.component.mail.MailEndpoint endpoint = MailEndpoints.create(context, settings);
            Producer producer = endpoint.createProducer(MailEndpoints.sender(settings, endpoint.getConfiguration().getSession()));
            ServiceHelper.startService(producer);
            Cached created = new Cached(properties, tls, producer, settings);
            producers.put(resolved.name(), created);
            if (cached != null) {
                ServiceHelper.stopService(cached.producer());
            }
            return created;
        }
    }

    @Override
    protected void doStop() {
        producers.values().forEach(c -> ServiceHelper.stopService(c.producer()));
        producers.clear();
    }
}
