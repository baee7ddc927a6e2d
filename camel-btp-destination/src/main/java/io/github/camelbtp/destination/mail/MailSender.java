package io.github.camelbtp.destination.mail;

import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.connectivity.socks.CloudConnectorSocketException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends an exchange as mail through a MAIL destination with camel-mail's producer, so headers and attachments
 * follow camel-mail ({@code To}, {@code Cc}, {@code Bcc}, {@code From}, {@code Subject}, {@code Content-Type},
 * attachments of the message). One camel-mail producer per destination, rebuilt when the destination's properties
 * change (a cache refresh after an edit in the cockpit). A Cloud Connector refusal is raised as the
 * {@code CloudConnectorException} it is, not as camel-mail's wrapper.
 */
public final class MailSender extends ServiceSupport {

    private record Cached(Map<String, String> properties, Producer producer) {
    }

    private final CamelContext context;
    private final Map<String, Cached> producers = new ConcurrentHashMap<>();

    public MailSender(CamelContext context) {
        this.context = context;
    }

    public void send(Exchange exchange, SocketDestination resolved) throws Exception {
        Producer producer = producer(resolved);
        try {
            producer.process(exchange);
        } catch (Exception e) {
            throw CloudConnectorSocketException.engineFailure(e).<Exception>map(cce -> cce).orElse(e);
        }
        if (exchange.getException() != null) {
            CloudConnectorSocketException.engineFailure(exchange.getException()).ifPresent(exchange::setException);
        }
    }

    private Producer producer(SocketDestination resolved) throws Exception {
        Map<String, String> properties = resolved.destination().properties();
        Cached cached = producers.get(resolved.name());
        if (cached != null && cached.properties().equals(properties)) {
            return cached.producer();
        }
        synchronized (producers) {
            cached = producers.get(resolved.name());
            if (cached != null && cached.properties().equals(properties)) {
                return cached.producer();
            }
            MailSettings settings = MailSettings.forSending(resolved);
            org.apache.camel.component.mail.MailEndpoint endpoint = MailEndpoints.create(context, settings);
            Producer producer = endpoint.createProducer(MailEndpoints.sender(settings, endpoint.getConfiguration().getSession()));
            ServiceHelper.startService(producer);
            producers.put(resolved.name(), new Cached(properties, producer));
            if (cached != null) {
                ServiceHelper.stopService(cached.producer());
            }
            return producer;
        }
    }

    @Override
    protected void doStop() {
        producers.values().forEach(c -> ServiceHelper.stopService(c.producer()));
        producers.clear();
    }
}
