package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BackendCheck;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.destination.ldap.LdapClient;
import io.github.camelbtp.destination.ldap.LdapOperation;
import io.github.camelbtp.destination.mail.MailSettings;
import io.github.camelbtp.destination.tcp.TcpSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The backend hop of a diagnosis for MAIL, LDAP and TCP destinations, spoken with the transports the component uses:
 * MAIL: the SMTP (or IMAP/POP3) greeting through the tunnel and a login with {@code mail.user}; LDAP: a base search
 * of the root DSE on a pooled connection, which binds as {@code ldap.user}; TCP: a connection to {@code Address}.
 * Nothing is sent or changed in the backend. What it reports never holds a password.
 */
public final class SocketBackendCheck implements BackendCheck {

    private static final int TIMEOUT_MILLIS = 15_000;

    @Override
    public String check(SocketDestination destination) throws IOException {
        return switch (destination.type()) {
            case MAIL -> mail(destination);
            case LDAP -> ldap(destination);
            default -> tcp(destination);
        };
    }

    private static String tcp(SocketDestination destination) throws IOException {
        TcpSettings tcp = TcpSettings.of(destination.destination());
        try (Socket socket = destination.socketFactory().createSocket(tcp.host(), tcp.port())) {
            return "TCP connection to " + tcp.host() + ":" + tcp.port() + " opened";
        }
    }

    private static String mail(SocketDestination destination) throws IOException {
        MailSettings settings;
        boolean sending;
        try {
            settings = MailSettings.forSending(destination);
            sending = true;
        } catch (DestinationConfigurationException mailbox) {
            settings = MailSettings.forReceiving(destination);
            sending = false;
        }
        Properties properties = new Properties();
        properties.putAll(settings.sessionProperties());
        String prefix = "mail." + settings.protocol() + ".";
        properties.putIfAbsent(prefix + "connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        properties.putIfAbsent(prefix + "timeout", String.valueOf(TIMEOUT_MILLIS));
        Session session = Session.getInstance(properties);
        // the greeting and the login: what SAP's cockpit cannot check from the application's side
        try (Service service = sending ? session.getTransport(settings.protocol()) : session.getStore(settings.protocol())) {
            service.connect(settings.host(), settings.port(), settings.user(), settings.password());
            return settings.protocol().toUpperCase(java.util.Locale.ROOT) + " greeting from " + settings.host() + ":"
                    + settings.port() + (settings.user() == null ? "" : ", login as " + settings.user() + " accepted");
        } catch (MessagingException e) {
            throw new IOException(settings.protocol() + " at " + settings.host() + ":" + settings.port() + ": "
                    + rootMessage(e, settings.password()), e);
        }
    }

    private static String ldap(SocketDestination destination) throws IOException {
        String user = destination.destination().property("ldap.user").orElse("");
        String password = destination.destination().property("ldap.password").orElse("");
        if (user.isEmpty() || password.isEmpty()) {
            // an empty password is an unauthenticated bind (RFC 4513 §5.1.2): there is nothing to check beyond the
            // connection, which the pool opens for the bind operation below only; so connect as TCP does
            return connect(destination, "ldap.url") + " (no ldap.user: anonymous, no bind checked)";
        }
        try (LdapClient client = new LdapClient(1)) {
            // LdapClient's bind check: binds as ldap.user with ldap.password on a connection of its own pool
            Object accepted = client.execute(destination, new LdapClient.Request(LdapOperation.bind, user, null, null,
                    null, Map.of(), List.of(), 0, 0, password));
            if (!Boolean.TRUE.equals(accepted)) {
                throw new IOException("LDAP bind as " + user + " refused: invalid credentials (check ldap.user and ldap.password)");
            }
            return "LDAP bind as " + user + " accepted";
        }
    }

    /** A connection to the host and port of an {@code ldap://host:port} URL property. */
    private static String connect(SocketDestination destination, String urlProperty) throws IOException {
        java.net.URI url = java.net.URI.create(destination.destination().property(urlProperty).orElseThrow(() ->
                new DestinationConfigurationException(destination.name(), urlProperty, "is missing")));
        int port = url.getPort() > 0 ? url.getPort() : "ldaps".equalsIgnoreCase(url.getScheme()) ? 636 : 389;
        try (Socket socket = destination.socketFactory().createSocket(url.getHost(), port)) {
            return "connection to " + url.getHost() + ":" + port + " opened";
        }
    }

    private static String rootMessage(Throwable e, String password) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage() == null ? root : root.getMessage());
        return password == null || password.isEmpty() ? message : message.replace(password, "****");
    }
}
