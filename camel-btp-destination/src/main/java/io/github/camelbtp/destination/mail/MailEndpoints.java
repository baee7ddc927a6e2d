package io.github.camelbtp.destination.mail;

import jakarta.mail.Session;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.component.mail.MailEndpoint;

/**
 * Builds camel-mail endpoints for MAIL destinations. The Jakarta Mail session is created here from
 * {@link MailSettings} (so the SOCKS5 socket factory object reaches Jakarta Mail) and handed to camel-mail, which
 * then only adds the login. The endpoint URI carries host and port, never the user or password.
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
        configuration.setUsername(settings.user());
        configuration.setPassword(settings.password());
        if (settings.from() != null) {
            configuration.setFrom(settings.from());
        }
        configuration.setSession(Session.getInstance(settings.sessionProperties()));
        String uri = settings.protocol() + "://" + settings.host() + (settings.port() > 0 ? ":" + settings.port() : "");
        MailEndpoint endpoint = new MailEndpoint(uri, component, configuration);
        endpoint.setCamelContext(context);
        return endpoint;
    }
}
