package io.github.camelbtp.destination.mail;

import jakarta.mail.Session;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mail.DefaultJavaMailSender;
import org.apache.camel.component.mail.JavaMailSender;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.component.mail.MailEndpoint;

/**
 * Builds camel-mail endpoints for MAIL destinations. The Jakarta Mail session is created here from
 * {@link MailSettings} (so the SOCKS5 socket factory object reaches Jakarta Mail) and handed to camel-mail inside a
 * {@link JavaMailSender} of our own: given a session, camel-mail's would take host and port from the session's
 * {@code mail.smtp.*} keys even for smtps. The endpoint URI carries host and port, never the user or password.
 */
final class MailEndpoints {

    private MailEndpoints() {
    }

    static MailEndpoint create(CamelContext context, MailSettings settings) {
        MailComponent component = new MailComponent(context);
        MailConfiguration configuration = new MailConfiguration(context);
        configuration.configureProtocol(settings.protocol());
        configuration.setHost(settings.host());
        if (settings.port() > 0) {
            configuration.setPort(settings.port());
        }
        if (settings.user() != null) {
            configuration.setUsername(settings.user());
            // camel-mail would make the login the default recipient; a mail without To must fail, not go to the sender
            configuration.getRecipients().clear();
        }
        if (settings.password() != null) {
            configuration.setPassword(settings.password());
        }
        if (settings.from() != null) {
            configuration.setFrom(settings.from());
        }
        Session session = Session.getInstance(settings.sessionProperties());
        configuration.setSession(session);
        String uri = settings.protocol() + "://" + settings.host() + (settings.port() > 0 ? ":" + settings.port() : "");
        MailEndpoint endpoint = new MailEndpoint(uri, component, configuration);
        endpoint.setCamelContext(context);
        return endpoint;
    }

    /** The sender (and, for consumers, the session holder) camel-mail uses, with exactly the destination's host and port. */
    static JavaMailSender sender(MailSettings settings, Session session) {
        DefaultJavaMailSender sender = new DefaultJavaMailSender();
        sender.setSession(session);
        sender.setJavaMailProperties(settings.sessionProperties());
        sender.setProtocol(settings.protocol());
        sender.setHost(settings.host());
        if (settings.port() > 0) {
            sender.setPort(settings.port());
        }
        sender.setUsername(settings.user());
        sender.setPassword(settings.password());
        return sender;
    }
}
