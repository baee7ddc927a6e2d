package io.github.camelbtp.destination.mail;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.EnumeratedProperty;
import io.github.camelbtp.connectivity.tls.TlsMaterial;
import io.github.camelbtp.connectivity.socks.SocketTls;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A MAIL destination translated for Jakarta Mail [smtp-5876583, imap-6037066, pop3-9710135]: SAP spells IMAP's keys
 * {@code mail.imap4.*} and its protocols {@code imap4}/{@code imap4s}, Jakarta Mail {@code mail.imap.*} and
 * {@code imap}/{@code imaps}; every other {@code mail.*} key is passed on as it is. {@code mail.user} and
 * {@code mail.password} become the login, never session properties. For OnPremise destinations the engine's SOCKS5
 * socket factory is put into the session as {@code mail.<protocol>.socketFactory} (an object, which Jakarta Mail
 * accepts), and TLS for {@code smtps}/{@code imaps}/{@code pop3s} is layered on top of the tunnel by Jakarta Mail.
 * TLS server identity is checked unless the destination itself turns it off. The destination's TLS properties
 * ({@code TrustStoreLocation}, {@code TrustAll}, {@code HostnameVerifier}, {@code KeyStoreLocation}, see
 * {@link TlsMaterial}) apply to smtps, imaps, pop3s and STARTTLS, directly and inside the tunnel.
 * {@code toString()} never shows the password.
 *
 * @param destinationName    the destination, for messages
 * @param protocol           Jakarta Mail's protocol name: smtp, smtps, imap, imaps, pop3 or pop3s
 * @param host               the (virtual, for OnPremise) mail server host
 * @param port               its port, or -1 for the protocol's default
 * @param user               {@code mail.user}, or {@code null}
 * @param password           {@code mail.password}, or {@code null}
 * @param from               {@code mail.<protocol>.from} or {@code mail.from}, or {@code null}
 * @param sessionProperties  the Jakarta Mail session properties
 */
public record MailSettings(String destinationName, String protocol, String host, int port, String user, String password,
        String from, Properties sessionProperties) {

    /** The settings to send mail with: {@code mail.transport.protocol} (smtp or smtps; default smtp). */
    public static MailSettings forSending(SocketDestination resolved) {
        Destination destination = resolved.destination();
        String protocol = jakartaProtocol(EnumeratedProperty.MAIL_TRANSPORT_PROTOCOL.of(destination));
        if (destination.property("mail.transport.protocol").isEmpty() && destination.property("mail.smtp.host").isEmpty()
                && destination.property("mail.store.protocol").isPresent()) {
            throw new DestinationConfigurationException(destination.name(), "mail.transport.protocol", "is not set and"
                    + " there is no mail.smtp.host, but mail.store.protocol is '"
                    + destination.property("mail.store.protocol").get() + "': this destination is a mailbox to read. Use it"
                    + " in from(...), or point to(...) at an SMTP destination.");
        }
        if (!protocol.equals("smtp") && !protocol.equals("smtps")) {
            throw new DestinationConfigurationException(destination.name(), "mail.transport.protocol", "is '"
                    + protocol + "', but sending mail needs smtp or smtps. Use this destination in from(...) to read"
                    + " mail, or point to(...) at an SMTP destination.");
        }
        return of(resolved, protocol);
    }

    /**
     * The settings to read mail with: {@code mail.store.protocol}, else {@code mail.transport.protocol} when it names
     * a store protocol, else the protocol whose host key is present ({@code mail.imap4.host}, {@code mail.pop3.host}, …).
     */
    public static MailSettings forReceiving(SocketDestination resolved) {
        Destination destination = resolved.destination();
        String protocol = destination.property("mail.store.protocol").map(MailSettings::jakartaProtocol).orElse(null);
        if (protocol == null) {
            String transport = destination.property("mail.transport.protocol").isEmpty() ? ""
                    : jakartaProtocol(EnumeratedProperty.MAIL_TRANSPORT_PROTOCOL.of(destination));
            if (transport.startsWith("imap") || transport.startsWith("pop3")) {
                protocol = transport;
            }
        }
        if (protocol == null) {
            for (String candidate : new String[] {"imap4s", "imaps", "imap4", "imap", "pop3s", "pop3"}) {
                if (destination.property("mail." + candidate + ".host").isPresent()) {
                    protocol = jakartaProtocol(candidate);
                    break;
                }
            }
        }
        if (protocol == null || !(protocol.startsWith("imap") || protocol.startsWith("pop3"))) {
            throw new DestinationConfigurationException(destination.name(), "mail.store.protocol", "names no protocol to"
                    + " read mail with (found '" + (protocol == null ? "" : protocol) + "'). A destination used in"
                    + " from(...) needs imap4, imap4s, pop3 or pop3s, and mail.imap4.host / mail.pop3.host.");
        }
        return of(resolved, protocol);
    }

    private static MailSettings of(SocketDestination resolved, String protocol) {
        Destination destination = resolved.destination();
        Properties properties = new Properties();
        for (Map.Entry<String, String> property : destination.properties().entrySet()) {
            String key = property.getKey();
            if (!key.startsWith("mail.") || key.equals("mail.user") || key.equals("mail.password")
                    || key.endsWith(".socketFactory") || key.endsWith(".socketFactory.class")
                    || key.endsWith(".hostnameverifier") || key.endsWith(".hostnameverifier.class")) {
                // a destination must not load classes into the application; socket factories and verifiers are ours
                continue;
            }
            properties.setProperty(jakartaKey(key), property.getValue() == null ? "" : property.getValue().trim());
        }
        String prefix = "mail." + protocol + ".";
        String host = properties.getProperty(prefix + "host", properties.getProperty("mail.host"));
        if (host == null || host.isBlank()) {
            throw new DestinationConfigurationException(destination.name(), sapKey(prefix + "host"), "is missing; the"
                    + " mail server's host name (the virtual host for OnPremise) is needed. Add it to the destination.");
        }
        int port = -1;
        String portValue = properties.getProperty(prefix + "port");
        if (portValue != null && !portValue.isBlank()) {
            try {
                port = Integer.parseInt(portValue.trim());
            } catch (NumberFormatException e) {
                throw new DestinationConfigurationException(destination.name(), sapKey(prefix + "port"),
                        "is not a port number: '" + portValue + "'.");
            }
        }
        TlsMaterial tls = resolved.tls();
        boolean ssl = protocol.endsWith("s") || "true".equalsIgnoreCase(properties.getProperty(prefix + "ssl.enable", "").trim());
        if (resolved.onPremise()) {
            // the Cloud Connector resolves the virtual host; Jakarta Mail layers TLS (smtps, imaps, pop3s) on the tunnel
            // with the JDK's defaults, or the factory's sockets already speak the destination's TLS inside the tunnel
            properties.put(prefix + "socketFactory", tls != null && ssl
                    ? SocketTls.tlsOverTunnel(resolved.socketFactory(), tls.sslContext().getSocketFactory())
                    : resolved.socketFactory());
            properties.setProperty(prefix + "socketFactory.fallback", "false");
        }
        if (tls != null) {
            applyTls(destination, properties, prefix, tls, resolved.onPremise() && ssl);
        }
        properties.putIfAbsent(prefix + "ssl.checkserveridentity", "true");
        properties.putIfAbsent(prefix + "connectiontimeout", "15000");
        properties.putIfAbsent(prefix + "timeout", "30000");
        String from = properties.getProperty(prefix + "from", properties.getProperty("mail.from"));
        return new MailSettings(destination.name(), protocol, host.trim(), port,
                destination.property("mail.user").orElse(null), destination.property("mail.password").orElse(null),
                from, properties);
    }

    /**
     * The destination's TLS properties for Jakarta Mail: its SSL socket factory as {@code mail.<protocol>.ssl.socketFactory}
     * (used for smtps/imaps/pop3s and for STARTTLS; for TLS inside the Cloud Connector tunnel the socket factory is
     * already the layered one), and its host name check as {@code mail.<protocol>.ssl.hostnameverifier}. They take
     * precedence over {@code mail.<protocol>.ssl.trust}. The host name is checked unless the destination says
     * {@code TrustAll=TRUE} or itself sets {@code mail.<protocol>.ssl.checkserveridentity=false}; with
     * {@code HostnameVerifier=BrowserCompatible} the destination's verifier checks it instead of the JDK's stricter
     * endpoint identification.
     */
    private static void applyTls(Destination destination, Properties properties, String prefix, TlsMaterial tls,
            boolean layeredOnTunnel) {
        properties.remove(prefix + "ssl.trust");
        // by default Jakarta Mail retries a failed connection without the factory, i.e. with the JDK's trust store only
        properties.setProperty(prefix + "socketFactory.fallback", "false");
        if (!layeredOnTunnel) {
            // for smtps/imaps/pop3s through the tunnel this key would replace the tunnel's socket factory
            properties.put(prefix + "ssl.socketFactory", tls.sslContext().getSocketFactory());
        }
        if (!tls.checksHostNames()) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "false");
            return;
        }
        if ("false".equalsIgnoreCase(properties.getProperty(prefix + "ssl.checkserveridentity", "").trim())) {
            return;
        }
        properties.put(prefix + "ssl.hostnameverifier", tls.hostnameVerifier());
        properties.setProperty(prefix + "ssl.checkserveridentity",
                Boolean.toString(!tls.browserCompatibleHostNames()));
    }

    /** SAP's {@code imap4}/{@code imap4s} are Jakarta Mail's {@code imap}/{@code imaps}. */
    static String jakartaProtocol(String sapProtocol) {
        String p = sapProtocol.trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "imap4" -> "imap";
            case "imap4s" -> "imaps";
            default -> p;
        };
    }

    /** {@code mail.imap4.host} → {@code mail.imap.host}, {@code mail.imap4s.x} → {@code mail.imaps.x}. */
    static String jakartaKey(String sapKey) {
        if (sapKey.startsWith("mail.imap4s.")) {
            return "mail.imaps." + sapKey.substring("mail.imap4s.".length());
        }
        if (sapKey.startsWith("mail.imap4.")) {
            return "mail.imap." + sapKey.substring("mail.imap4.".length());
        }
        return sapKey;
    }

    /** The key as SAP spells it, for messages. */
    static String sapKey(String jakartaKey) {
        if (jakartaKey.startsWith("mail.imaps.")) {
            return "mail.imap4s." + jakartaKey.substring("mail.imaps.".length());
        }
        if (jakartaKey.startsWith("mail.imap.")) {
            return "mail.imap4." + jakartaKey.substring("mail.imap.".length());
        }
        return jakartaKey;
    }

    @Override
    public String toString() {
        return "MailSettings[destination=" + destinationName + ", protocol=" + protocol + ", host=" + host + ", port="
                + port + ", user=" + user + ", password=" + (password == null ? "none" : "****") + "]";
    }
}
