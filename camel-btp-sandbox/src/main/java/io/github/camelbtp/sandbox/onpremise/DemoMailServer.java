package io.github.camelbtp.sandbox.onpremise;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * The demo on-premise mail server: GreenMail speaking SMTP, IMAP, POP3 and SMTPS (with GreenMail's self-signed
 * certificate, which no JDK trusts) on free loopback ports, with the demo
 * mailboxes {@link DemoDestinations#MAIL_USER} and {@link DemoDestinations#INBOX_USER}. Authentication is enforced:
 * a wrong password is refused as by a real server.
 */
public final class DemoMailServer implements AutoCloseable {

    private static final long STARTUP_TIMEOUT_MS = 30_000;

    private final GreenMail greenMail;

    public DemoMailServer() {
        ServerSetup[] setups = ServerSetup.dynamicPort(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)});
        for (ServerSetup setup : setups) {
            // GreenMail's default (2 s) is too short for SMTPS on a loaded 2-core machine: its TLS setup once timed out
            setup.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
        }
        greenMail = new GreenMail(setups).withConfiguration(GreenMailConfiguration.aConfig()
                .withUser(DemoDestinations.MAIL_USER, DemoDestinations.MAIL_USER, DemoDestinations.MAIL_PASSWORD)
                .withUser(DemoDestinations.INBOX_USER, DemoDestinations.INBOX_USER, DemoDestinations.INBOX_PASSWORD));
    }

    public DemoMailServer start() {
        greenMail.start();
        return this;
    }

    /** The SMTP port (the real address behind {@code mail.internal:25}). */
    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** The SMTPS port (behind {@code mail.internal:465}); its certificate is self-signed. */
    public int smtpsPort() {
        return greenMail.getSmtps().getPort();
    }

    /** The IMAP port (behind {@code mail.internal:143}). */
    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The POP3 port (behind {@code mail.internal:110}). */
    public int pop3Port() {
        return greenMail.getPop3().getPort();
    }

    /** Every message the server received, in arrival order. */
    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Waits up to {@code timeoutMillis} for {@code count} messages in total; whether they arrived. */
    public boolean waitForMessages(int count, long timeoutMillis) {
        return greenMail.waitForIncomingEmail(timeoutMillis, count);
    }

    /** Delivers a plain-text message straight into a mailbox (to seed an inbox without SMTP). */
    public void deliver(String to, String from, String subject, String text) {
        com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(to, from, subject, text, greenMail.getSmtp().getServerSetup());
    }

    /** Deletes every mailbox's messages; users stay. */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot purge the demo mailboxes", e);
        }
    }

    /** The GreenMail instance, for assertions beyond the ones above. */
    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
