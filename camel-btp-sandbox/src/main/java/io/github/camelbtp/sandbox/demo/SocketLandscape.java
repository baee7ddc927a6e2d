package io.github.camelbtp.sandbox.demo;

import static io.github.camelbtp.sandbox.demo.DemoDestinations.PLANT01_LOCATION_ID;

import io.github.camelbtp.sandbox.connectivity.CloudConnector;
import io.github.camelbtp.sandbox.destination.Destinations;
import io.github.camelbtp.sandbox.onpremise.DemoDirectory;
import io.github.camelbtp.sandbox.onpremise.DemoMailServer;
import io.github.camelbtp.sandbox.onpremise.EchoService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MAIL, LDAP and TCP part of the demo landscape: Cloud Connector mappings (both connectors) of the virtual
 * systems {@code mail.internal:25/143/110/465}, {@code ldap.internal:389} and {@code legacy.internal:9000} to the demo
 * servers, and the destinations {@link DemoDestinations#CORPORATE_MAIL}, {@link DemoDestinations#CORPORATE_INBOX},
 * {@link DemoDestinations#CORPORATE_LDAP} and {@link DemoDestinations#LEGACY_TCP} in SAP's property spelling
 * [smtp-5876583, imap-6037066, ldap-destinations-8cb290f, tcp-destinations-f6d753f].
 */
final class SocketLandscape {

    private SocketLandscape() {
    }

    static void install(CloudConnector cloudConnector, Destinations destinations, DemoMailServer mail,
            DemoDirectory directory, EchoService echo) {
        for (String location : List.of("", PLANT01_LOCATION_ID)) {
            cloudConnector.connector(location)
                    .map(DemoDestinations.MAIL_VIRTUAL_HOST, 25, "127.0.0.1", mail.smtpPort())
                    .map(DemoDestinations.MAIL_VIRTUAL_HOST, 143, "127.0.0.1", mail.imapPort())
                    .map(DemoDestinations.MAIL_VIRTUAL_HOST, 110, "127.0.0.1", mail.pop3Port())
                    .map(DemoDestinations.MAIL_VIRTUAL_HOST, 465, "127.0.0.1", mail.smtpsPort())
                    .map(DemoDestinations.LDAP_VIRTUAL_HOST, 389, "127.0.0.1", directory.port())
                    .map(DemoDestinations.LEGACY_TCP_VIRTUAL_HOST, DemoDestinations.LEGACY_TCP_VIRTUAL_PORT, "127.0.0.1",
                            echo.port());
        }
        Map<String, String> smtp = new LinkedHashMap<>();
        smtp.put("Name", DemoDestinations.CORPORATE_MAIL);
        smtp.put("Type", "MAIL");
        smtp.put("ProxyType", "OnPremise");
        smtp.put("Description", "Demo corporate mail server (SMTP) via the Cloud Connector");
        smtp.put("mail.transport.protocol", "smtp");
        smtp.put("mail.smtp.host", DemoDestinations.MAIL_VIRTUAL_HOST);
        smtp.put("mail.smtp.port", "25");
        smtp.put("mail.smtp.auth", "true");
        smtp.put("mail.smtp.from", DemoDestinations.MAIL_USER);
        smtp.put("mail.user", DemoDestinations.MAIL_USER);
        smtp.put("mail.password", DemoDestinations.MAIL_PASSWORD);
        destinations.putSubaccount(smtp);

        Map<String, String> imap = new LinkedHashMap<>();
        imap.put("Name", DemoDestinations.CORPORATE_INBOX);
        imap.put("Type", "MAIL");
        imap.put("ProxyType", "OnPremise");
        imap.put("Description", "Demo corporate inbox (IMAP) via the Cloud Connector");
        imap.put("mail.store.protocol", "imap4");
        imap.put("mail.imap4.host", DemoDestinations.MAIL_VIRTUAL_HOST);
        imap.put("mail.imap4.port", "143");
        imap.put("mail.user", DemoDestinations.INBOX_USER);
        imap.put("mail.password", DemoDestinations.INBOX_PASSWORD);
        destinations.putSubaccount(imap);

        Map<String, String> ldap = new LinkedHashMap<>();
        ldap.put("Name", DemoDestinations.CORPORATE_LDAP);
        ldap.put("Type", "LDAP");
        ldap.put("ldap.proxyType", "OnPremise");
        ldap.put("Description", "Demo corporate directory via the Cloud Connector");
        ldap.put("ldap.url", "ldap://" + DemoDestinations.LDAP_VIRTUAL_HOST + ":389");
        ldap.put("ldap.authentication", "BasicAuthentication");
        ldap.put("ldap.user", DemoDestinations.LDAP_BIND_DN);
        ldap.put("ldap.password", DemoDestinations.LDAP_PASSWORD);
        destinations.putSubaccount(ldap);

        Map<String, String> tcp = new LinkedHashMap<>();
        tcp.put("Name", DemoDestinations.LEGACY_TCP);
        tcp.put("Type", "TCP");
        tcp.put("ProxyType", "OnPremise");
        tcp.put("Description", "Demo legacy line-echo service via the Cloud Connector");
        tcp.put("Address", "tcp://" + DemoDestinations.LEGACY_TCP_VIRTUAL_HOST + ":" + DemoDestinations.LEGACY_TCP_VIRTUAL_PORT);
        destinations.putSubaccount(tcp);
    }
}
