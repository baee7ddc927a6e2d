package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** MAIL destinations: SMTP out, IMAP and POP3 in, through SOCKS5 and the Cloud Connector and directly. */
class MailDestinationTest extends BtpDestinationTestSupport {

    @BeforeEach
    void emptyMailboxes() {
        sandbox().mailServer().purge();
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return call(uri, body, headers);
    }

    private MimeMessage onlyMessage() {
        assertThat(sandbox().mailServer().waitForMessages(1, 5_000)).isTrue();
        assertThat(sandbox().mailServer().receivedMessages()).hasSize(1);
        return sandbox().mailServer().receivedMessages().get(0);
    }

    private static String[] addresses(Address[] addresses) {
        return addresses == null ? new String[0] : Arrays.stream(addresses).map(Address::toString).toArray(String[]::new);
    }

    @Test
    void onPremiseSmtpSendsThroughTheCloudConnectorWithCamelMailHeaders() throws Exception {
        Exchange exchange = send("btp-destination:CorporateMail", "3 orders today", Map.of("To", DemoDestinations.INBOX_USER,
                "Cc", "controlling@corp.example", "Subject", "Daily orders"));

        assertThat(exchange.getException()).isNull();
        // one delivery per recipient (To and Cc), the same message
        assertThat(sandbox().mailServer().waitForMessages(2, 5_000)).isTrue();
        MimeMessage message = sandbox().mailServer().receivedMessages().get(0);
        assertThat(message.getSubject()).isEqualTo("Daily orders");
        assertThat(addresses(message.getRecipients(RecipientType.TO))).containsExactly(DemoDestinations.INBOX_USER);
        assertThat(addresses(message.getRecipients(RecipientType.CC))).containsExactly("controlling@corp.example");
        assertThat(addresses(message.getFrom())).containsExactly(DemoDestinations.MAIL_USER);
        assertThat(String.valueOf(message.getContent()).trim()).isEqualTo("3 orders today");
        assertThat(sandbox().socks5Proxy().tunnels()).isEqualTo(1);
    }

    @Test
    void attachmentsTravelAsCamelMailSendsThem() throws Exception {
        Exchange exchange = template.request("btp-destination:CorporateMail", e -> {
            e.getIn().setBody("see attachment");
            e.getIn().setHeader("To", DemoDestinations.INBOX_USER);
            e.getIn().setHeader("Subject", "Orders CSV");
            e.getIn(AttachmentMessage.class).addAttachment("orders.csv",
                    new DataHandler(new ByteArrayDataSource("id;amount\n1;10\n", "text/csv")));
        });

        assertThat(exchange.getException()).isNull();
        Multipart parts = (Multipart) onlyMessage().getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("orders.csv");
    }

    @Test
    void internetSmtpDestinationSendsDirectly() throws Exception {
        sandbox().destinations().putSubaccount(mail("MailInternet", Map.of("ProxyType", "Internet",
                "mail.smtp.host", "127.0.0.1", "mail.smtp.port", Integer.toString(sandbox().mailServer().smtpPort()))));

        Exchange exchange = send("btp-destination:MailInternet", "direct", Map.of("To", DemoDestinations.INBOX_USER,
                "Subject", "Direct"));

        assertThat(exchange.getException()).isNull();
        assertThat(onlyMessage().getSubject()).isEqualTo("Direct");
        assertThat(sandbox().socks5Proxy().tunnels()).isZero();
    }

    @Test
    void internetSmtpsVerifiesTheServerCertificate() {
        sandbox().destinations().putSubaccount(mail("MailSelfSigned", Map.of("ProxyType", "Internet",
                "mail.transport.protocol", "smtps", "mail.smtps.host", "127.0.0.1",
                "mail.smtps.port", Integer.toString(sandbox().mailServer().smtpsPort()), "mail.smtps.auth", "true")));

        Exception e = send("btp-destination:MailSelfSigned", "x", Map.of("To", DemoDestinations.INBOX_USER)).getException();

        // GreenMail's certificate is self-signed: a client that verifies must refuse it
        assertThat(e).isNotNull();
        boolean handshakeRefused = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            handshakeRefused |= t instanceof javax.net.ssl.SSLHandshakeException;
        }
        assertThat(handshakeRefused).as("SSLHandshakeException in the cause chain of %s", e).isTrue();
        assertThat(sandbox().mailServer().receivedMessages()).isEmpty();
    }

    @Test
    void onPremiseSmtpsRunsTlsInsideTheSocksTunnel() throws Exception {
        // trusting the demo server's self-signed certificate by host is the destination's explicit choice here
        sandbox().destinations().putSubaccount(mail("MailTlsOnPremise", Map.of("mail.transport.protocol", "smtps",
                "mail.smtps.host", DemoDestinations.MAIL_VIRTUAL_HOST, "mail.smtps.port", "465", "mail.smtps.auth", "true",
                "mail.smtps.ssl.trust", DemoDestinations.MAIL_VIRTUAL_HOST, "mail.smtps.ssl.checkserveridentity", "false")));

        Exception e = send("btp-destination:MailTlsOnPremise", "over TLS", Map.of("To", DemoDestinations.INBOX_USER,
                "Subject", "TLS")).getException();

        assertThat(e).isNull();
        assertThat(onlyMessage().getSubject()).isEqualTo("TLS");
        assertThat(sandbox().socks5Proxy().tunnels()).isEqualTo(1);
    }

    @Test
    void mailWithoutRecipientFailsInsteadOfGoingToTheSender() {
        Exception e = send("btp-destination:CorporateMail", "to nobody", Map.of("Subject", "no To")).getException();

        assertThat(e).isNotNull();
        assertThat(sandbox().mailServer().receivedMessages()).isEmpty();
    }

    @Test
    void destinationWithoutLoginSendsUnauthenticated() throws Exception {
        Map<String, String> open = mail("MailNoLogin", Map.of("mail.smtp.auth", "false"));
        open.remove("mail.user");
        open.remove("mail.password");
        sandbox().destinations().putSubaccount(open);

        Exception e = send("btp-destination:MailNoLogin", "relay", Map.of("To", DemoDestinations.INBOX_USER,
                "Subject", "No login")).getException();

        assertThat(e).isNull();
        assertThat(onlyMessage().getSubject()).isEqualTo("No login");
    }

    @Test
    void wrongMailPasswordFailsWithoutShowingIt() {
        String password = "Wrong-Mail-" + System.nanoTime();
        sandbox().destinations().putSubaccount(mail("MailWrongPassword", Map.of("mail.password", password)));

        Exception e = send("btp-destination:MailWrongPassword", "x", Map.of("To", DemoDestinations.INBOX_USER)).getException();

        assertThat(e).isNotNull();
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(password);
        }
        assertThat(sandbox().mailServer().receivedMessages()).isEmpty();
    }

    @Test
    void unmappedMailPortIsCloudConnectorExceptionWithReplyCode02() {
        sandbox().destinations().putSubaccount(mail("MailUnmapped", Map.of("mail.smtp.port", "587")));

        Exception e = send("btp-destination:MailUnmapped", "x", Map.of("To", DemoDestinations.INBOX_USER)).getException();

        assertThat(e).isInstanceOf(CloudConnectorException.class);
        assertThat(((CloudConnectorException) e).status()).isEqualTo(2);
        assertThat(e.getMessage()).contains("MailUnmapped").contains("mail.internal:587");
    }

    @Test
    void sendingThroughAnImapDestinationIsAConfigurationError() {
        Exception e = send("btp-destination:CorporateInbox", "x", Map.of("To", DemoDestinations.INBOX_USER)).getException();

        assertThat(e).isInstanceOf(DestinationConfigurationException.class);
        assertThat(e.getMessage()).contains("CorporateInbox").contains("mail.transport.protocol");
    }

    @Test
    void imapConsumerReadsTheOnPremiseInbox() throws Exception {
        sandbox().mailServer().deliver(DemoDestinations.INBOX_USER, "buyer@customer.example", "Order 42", "please ship");
        MockEndpoint inbox = getMockEndpoint("mock:imap");
        inbox.expectedMessageCount(1);
        inbox.expectedHeaderReceived("Subject", "Order 42");
        inbox.expectedHeaderReceived("From", "buyer@customer.example");

        consume("btp-destination:CorporateInbox?initialDelay=0&delay=100", "mock:imap");

        inbox.assertIsSatisfied();
        assertThat(inbox.getExchanges().get(0).getIn().getBody(String.class).trim()).isEqualTo("please ship");
        assertThat(sandbox().socks5Proxy().tunnels()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void pop3ConsumerReadsAndDeletes() throws Exception {
        Map<String, String> pop3 = new LinkedHashMap<>();
        pop3.put("Name", "CorporatePop3");
        pop3.put("Type", "MAIL");
        pop3.put("ProxyType", "OnPremise");
        pop3.put("mail.store.protocol", "pop3");
        pop3.put("mail.pop3.host", DemoDestinations.MAIL_VIRTUAL_HOST);
        pop3.put("mail.pop3.port", "110");
        pop3.put("mail.user", DemoDestinations.INBOX_USER);
        pop3.put("mail.password", DemoDestinations.INBOX_PASSWORD);
        sandbox().destinations().putSubaccount(pop3);
        sandbox().mailServer().deliver(DemoDestinations.INBOX_USER, "buyer@customer.example", "Order 43", "via pop3");
        MockEndpoint inbox = getMockEndpoint("mock:pop3");
        inbox.expectedMessageCount(1);
        inbox.expectedHeaderReceived("Subject", "Order 43");

        consume("btp-destination:CorporatePop3?initialDelay=0&delay=100&delete=true", "mock:pop3");

        inbox.assertIsSatisfied();
    }

    @Test
    void imapConsumerOnTheInternetReadsDirectly() throws Exception {
        Map<String, String> imap = new LinkedHashMap<>();
        imap.put("Name", "InboxInternet");
        imap.put("Type", "MAIL");
        imap.put("mail.transport.protocol", "imap4");
        imap.put("mail.imap4.host", "127.0.0.1");
        imap.put("mail.imap4.port", Integer.toString(sandbox().mailServer().imapPort()));
        imap.put("mail.user", DemoDestinations.INBOX_USER);
        imap.put("mail.password", DemoDestinations.INBOX_PASSWORD);
        sandbox().destinations().putSubaccount(imap);
        sandbox().mailServer().deliver(DemoDestinations.INBOX_USER, "buyer@customer.example", "Order 44", "direct");
        MockEndpoint inbox = getMockEndpoint("mock:internet");
        inbox.expectedMessageCount(1);
        inbox.expectedHeaderReceived("Subject", "Order 44");

        consume("btp-destination:InboxInternet?initialDelay=0&delay=100", "mock:internet");

        inbox.assertIsSatisfied();
        assertThat(sandbox().socks5Proxy().tunnels()).isZero();
    }

    @Test
    void consumingAnHttpDestinationFailsAtStartWithTheReason() {
        Exception e = org.assertj.core.api.Assertions.catchException(() ->
                consume("btp-destination:OnPremiseERP", "mock:never"));

        Throwable root = e;
        while (root.getCause() != null && !(root instanceof DestinationConfigurationException)) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOf(DestinationConfigurationException.class);
        assertThat(root.getMessage()).contains("OnPremiseERP").contains("MAIL destinations");
    }

    private void consume(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    private static Map<String, String> mail(String name, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Name", name);
        properties.put("Type", "MAIL");
        properties.put("ProxyType", "OnPremise");
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", DemoDestinations.MAIL_VIRTUAL_HOST);
        properties.put("mail.smtp.port", "25");
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.from", DemoDestinations.MAIL_USER);
        properties.put("mail.user", DemoDestinations.MAIL_USER);
        properties.put("mail.password", DemoDestinations.MAIL_PASSWORD);
        properties.putAll(extra);
        return properties;
    }
}
