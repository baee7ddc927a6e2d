package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.support.TestPki;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TLS properties of MAIL destinations over real TLS: smtps (and imaps) to servers whose certificates a test CA
 * issued at test time ({@link TlsFront} in front of the sandbox's GreenMail), directly and inside the Cloud Connector
 * tunnel. Trust stores and key stores arrive in the find response's certificates[].
 */
class MailTlsTest extends BtpDestinationTestSupport {

    private static final String STORE_PASSWORD = "store-password-m41l";
    private static TestPki ca;
    private static TlsFront localhost;
    private static TlsFront otherHost;
    private static TlsFront clientAuth;
    private static TlsFront wildcard;
    private static TlsFront imaps;
    private static TlsFront startTls;

    @BeforeEach
    void servers() {
        synchronized (MailTlsTest.class) {
            if (ca == null) {
                ca = new TestPki("camel-btp mail test CA");
                int smtp = sandbox().mailServer().smtpPort();
                localhost = TlsFront.start(ca.server("localhost").serverContext(ca), false, smtp);
                otherHost = TlsFront.start(ca.server("mail.other.example").serverContext(ca), false, smtp);
                clientAuth = TlsFront.start(ca.server("localhost").serverContext(ca), true, smtp);
                wildcard = TlsFront.start(ca.server("*.corp.internal").serverContext(ca), false, smtp);
                imaps = TlsFront.start(ca.server("localhost").serverContext(ca), false, sandbox().mailServer().imapPort());
                startTls = TlsFront.startTls(ca.server("localhost").serverContext(ca), smtp);
            }
        }
        sandbox().certificates().put("mail-ca.crt", ca.crt()).put("mail-ca.jks", ca.jksTrustStore(STORE_PASSWORD))
                .put("mail-client.p12", ca.client("mail-client").p12(STORE_PASSWORD));
        sandbox().mailServer().purge();
    }

    @AfterAll
    static void stopServers() {
        for (TlsFront front : new TlsFront[] {localhost, otherHost, clientAuth, wildcard, imaps, startTls}) {
            if (front != null) {
                front.close();
            }
        }
        ca = null;
    }

    private String smtps(String name, String host, TlsFront front, String... properties) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "MAIL");
        d.put("ProxyType", "Internet");
        d.put("mail.transport.protocol", "smtps");
        d.put("mail.smtps.host", host);
        d.put("mail.smtps.port", Integer.toString(front.port()));
        d.put("mail.smtps.auth", "true");
        d.put("mail.smtps.from", DemoDestinations.MAIL_USER);
        d.put("mail.user", DemoDestinations.MAIL_USER);
        d.put("mail.password", DemoDestinations.MAIL_PASSWORD);
        for (int i = 0; i < properties.length; i += 2) {
            d.put(properties[i], properties[i + 1]);
        }
        sandbox().destinations().putSubaccount(d);
        return "btp-destination:" + name;
    }

    private Exchange send(String uri, String subject) {
        return call(uri, "over TLS", Map.of("To", DemoDestinations.INBOX_USER, "Subject", subject));
    }

    private void assertDelivered(Exchange exchange, String subject) throws Exception {
        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().mailServer().waitForMessages(1, 5_000)).isTrue();
        assertThat(sandbox().mailServer().receivedMessages().get(0).getSubject()).isEqualTo(subject);
    }

    private static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    @Test
    void serverOfAPrivateCaIsRefusedWithoutTrustStoreLocation() {
        Exception e = send(smtps("SmtpsNoTrustStore", "localhost", localhost), "refused").getException();

        assertThat(e).as(chain(e)).isInstanceOf(BtpConnectivityException.class);
        assertThat(e.getMessage()).contains("SmtpsNoTrustStore").contains("smtps://localhost:" + localhost.port())
                .contains("TrustStoreLocation");
        assertThat(chain(e)).contains("SSLHandshakeException");
        assertThat(sandbox().mailServer().receivedMessages()).isEmpty();
    }

    @Test
    void trustStoreLocationCrtTrustsTheServersCa() throws Exception {
        Exchange exchange = send(smtps("SmtpsCrt", "localhost", localhost, "TrustStoreLocation", "mail-ca.crt"), "crt");

        assertDelivered(exchange, "crt");
    }

    @Test
    void trustStoreLocationJksWithPasswordTrustsTheServersCa() throws Exception {
        Exchange exchange = send(smtps("SmtpsJks", "localhost", localhost, "TrustStoreLocation", "mail-ca.jks",
                "TrustStorePassword", STORE_PASSWORD), "jks");

        assertDelivered(exchange, "jks");
    }

    @Test
    void certificateForAnotherHostIsRefusedEvenWhenItsCaIsTrusted() {
        Exception e = send(smtps("SmtpsWrongHost", "localhost", otherHost, "TrustStoreLocation", "mail-ca.crt"),
                "wrong host").getException();

        assertThat(e).as(chain(e)).isInstanceOf(BtpConnectivityException.class);
        assertThat(e.getMessage()).as(chain(e)).contains("SmtpsWrongHost").contains("does not name the host 'localhost'");
        assertThat(sandbox().mailServer().receivedMessages()).isEmpty();
    }

    @Test
    void browserCompatibleStillRefusesACertificateForAnotherHost() {
        Exception e = send(smtps("SmtpsWrongHostBrowser", "localhost", otherHost, "TrustStoreLocation", "mail-ca.crt",
                "HostnameVerifier", "BrowserCompatible"), "wrong host").getException();

        assertThat(e).as(chain(e)).isInstanceOf(BtpConnectivityException.class);
        assertThat(sandbox().mailServer().receivedMessages()).isEmpty();
    }

    @Test
    void trustAllAcceptsAnUntrustedCertificateForAnotherHost() throws Exception {
        Exchange exchange = send(smtps("SmtpsTrustAll", "localhost", otherHost, "TrustAll", "TRUE"), "trust all");

        assertDelivered(exchange, "trust all");
    }

    @Test
    void serverThatRequiresAClientCertificateGetsTheDestinationsKeyStore() throws Exception {
        int before = clientAuth.clientSubjects().size();
        Exchange exchange = send(smtps("SmtpsClientCert", "localhost", clientAuth, "TrustStoreLocation", "mail-ca.crt",
                "KeyStoreLocation", "mail-client.p12", "KeyStorePassword", STORE_PASSWORD), "client certificate");

        assertDelivered(exchange, "client certificate");
        assertThat(clientAuth.clientSubjects().subList(before, clientAuth.clientSubjects().size()))
                .contains("CN=mail-client");
    }

    @Test
    void serverThatRequiresAClientCertificateRefusesADestinationWithout() {
        Exception e = send(smtps("SmtpsNoClientCert", "localhost", clientAuth, "TrustStoreLocation", "mail-ca.crt"),
                "no client certificate").getException();

        assertThat(e).as(chain(e)).isInstanceOf(BtpConnectivityException.class);
        assertThat(e.getMessage()).contains("SmtpsNoClientCert").contains("KeyStoreLocation");
        assertThat(sandbox().mailServer().receivedMessages()).isEmpty();
    }

    @Test
    void missingTrustStoreFileIsAConfigurationErrorNamingTheProperty() {
        Exception e = send(smtps("SmtpsMissingFile", "localhost", localhost, "TrustStoreLocation", "not-uploaded.crt"),
                "x").getException();

        assertThat(e).isInstanceOf(DestinationConfigurationException.class);
        assertThat(e.getMessage()).contains("SmtpsMissingFile").contains("TrustStoreLocation").contains("not-uploaded.crt");
    }

    @Test
    void wrongJksPasswordIsAConfigurationErrorNamingTheProperty() {
        Exception e = send(smtps("SmtpsWrongPassword", "localhost", localhost, "TrustStoreLocation", "mail-ca.jks",
                "TrustStorePassword", "not-the-password"), "x").getException();

        assertThat(e).isInstanceOf(DestinationConfigurationException.class);
        assertThat(e.getMessage()).contains("SmtpsWrongPassword").contains("TrustStoreLocation")
                .doesNotContain("not-the-password");
    }

    /** TLS inside the SOCKS5 tunnel: the certificate names the virtual host, and the Cloud Connector resolves it. */
    private String onPremiseSmtps(String name, String virtualHost, String... properties) {
        sandbox().cloudConnector().connector("").map(virtualHost, 465, "127.0.0.1", wildcard.port());
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "MAIL");
        d.put("ProxyType", "OnPremise");
        d.put("mail.transport.protocol", "smtps");
        d.put("mail.smtps.host", virtualHost);
        d.put("mail.smtps.port", "465");
        d.put("mail.smtps.auth", "true");
        d.put("mail.smtps.from", DemoDestinations.MAIL_USER);
        d.put("mail.user", DemoDestinations.MAIL_USER);
        d.put("mail.password", DemoDestinations.MAIL_PASSWORD);
        d.put("TrustStoreLocation", "mail-ca.crt");
        for (int i = 0; i < properties.length; i += 2) {
            d.put(properties[i], properties[i + 1]);
        }
        sandbox().destinations().putSubaccount(d);
        return "btp-destination:" + name;
    }

    @Test
    void onPremiseSmtpsTrustsTheDestinationsCaInsideTheTunnel() throws Exception {
        int tunnels = sandbox().socks5Proxy().tunnels();
        int handshakes = wildcard.handshakes();

        Exchange exchange = send(onPremiseSmtps("SmtpsTunnelTrusted", "smtp.corp.internal"), "tunnel");

        assertDelivered(exchange, "tunnel");
        assertThat(sandbox().socks5Proxy().tunnels()).isGreaterThan(tunnels);
        assertThat(wildcard.handshakes()).isGreaterThan(handshakes);
    }

    @Test
    void onPremiseStrictRefusesAWildcardForSeveralLabelsAndBrowserCompatibleAcceptsIt() throws Exception {
        Exception strict = send(onPremiseSmtps("SmtpsTunnelStrict", "smtp.mail.corp.internal"), "strict").getException();

        assertThat(strict).as(chain(strict)).isInstanceOf(BtpConnectivityException.class);
        assertThat(strict.getMessage()).contains("SmtpsTunnelStrict").contains("smtp.mail.corp.internal");
        assertThat(sandbox().mailServer().receivedMessages()).isEmpty();

        Exchange browser = send(onPremiseSmtps("SmtpsTunnelBrowser", "smtp.mail.corp.internal",
                "HostnameVerifier", "BrowserCompatible"), "browser");

        assertDelivered(browser, "browser");
    }

    private String startTlsSmtp(String name, String... properties) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "MAIL");
        d.put("ProxyType", "Internet");
        d.put("mail.transport.protocol", "smtp");
        d.put("mail.smtp.host", "localhost");
        d.put("mail.smtp.port", Integer.toString(startTls.port()));
        d.put("mail.smtp.starttls.enable", "true");
        d.put("mail.smtp.starttls.required", "true");
        d.put("mail.smtp.from", DemoDestinations.MAIL_USER);
        for (int i = 0; i < properties.length; i += 2) {
            d.put(properties[i], properties[i + 1]);
        }
        sandbox().destinations().putSubaccount(d);
        return "btp-destination:" + name;
    }

    @Test
    void startTlsUsesTheDestinationsTrustStore() throws Exception {
        Exception refused = send(startTlsSmtp("StartTlsNoTrustStore"), "refused").getException();

        assertThat(refused).as(chain(refused)).isInstanceOf(BtpConnectivityException.class);
        assertThat(refused.getMessage()).contains("StartTlsNoTrustStore").contains("TrustStoreLocation");
        assertThat(sandbox().mailServer().receivedMessages()).isEmpty();

        int handshakes = startTls.handshakes();
        Exchange trusted = send(startTlsSmtp("StartTlsTrusted", "TrustStoreLocation", "mail-ca.crt"), "starttls");

        assertDelivered(trusted, "starttls");
        assertThat(startTls.handshakes()).isGreaterThan(handshakes);
    }

    @Test
    void imapsConsumerReadsFromAServerOfThePrivateCa() throws Exception {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", "ImapsPrivateCa");
        d.put("Type", "MAIL");
        d.put("mail.store.protocol", "imap4s");
        d.put("mail.imap4s.host", "localhost");
        d.put("mail.imap4s.port", Integer.toString(imaps.port()));
        d.put("mail.user", DemoDestinations.INBOX_USER);
        d.put("mail.password", DemoDestinations.INBOX_PASSWORD);
        d.put("TrustStoreLocation", "mail-ca.crt");
        sandbox().destinations().putSubaccount(d);
        sandbox().mailServer().deliver(DemoDestinations.INBOX_USER, "buyer@customer.example", "Order 45", "over imaps");
        MockEndpoint inbox = getMockEndpoint("mock:imaps");
        inbox.expectedMessageCount(1);
        inbox.expectedHeaderReceived("Subject", "Order 45");

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("btp-destination:ImapsPrivateCa?initialDelay=0&delay=100").to("mock:imaps");
            }
        });

        inbox.assertIsSatisfied();
        assertThat(imaps.handshakes()).isPositive();
    }
}
