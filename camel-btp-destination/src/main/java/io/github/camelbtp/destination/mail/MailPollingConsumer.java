package io.github.camelbtp.destination.mail;

import io.github.camelbtp.connectivity.SocketDestination;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

import java.util.function.Supplier;

/**
 * {@code from("btp-destination:Inbox")} for MAIL destinations: resolves the destination when the route starts and
 * polls its IMAP or POP3 mailbox with camel-mail's consumer (through the Cloud Connector for OnPremise), with the
 * endpoint's consumer options (delete or peek, unseen, delay, folder). Messages arrive exactly as camel-mail
 * delivers them (headers {@code From}, {@code To}, {@code Subject}, …, attachments).
 */
public final class MailPollingConsumer extends DefaultConsumer {

    /** The consumer options of the btp-destination endpoint that apply to mail. */
    public record Options(boolean delete, boolean peek, boolean unseen, long delay, long initialDelay, String folderName,
            int maxMessagesPerPoll) {
    }

    private final Supplier<SocketDestination> resolver;
    private final Options options;
    private Consumer delegate;

    public MailPollingConsumer(Endpoint endpoint, Processor processor, Supplier<SocketDestination> resolver, Options options) {
        super(endpoint, processor);
        this.resolver = resolver;
        this.options = options;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MailSettings settings = MailSettings.forReceiving(resolver.get());
        MailEndpoint mail = MailEndpoints.create(getEndpoint().getCamelContext(), settings);
        mail.getConfiguration().setDelete(options.delete());
        mail.getConfiguration().setPeek(options.peek());
        mail.getConfiguration().setUnseen(options.unseen());
        if (options.folderName() != null && !options.folderName().isBlank()) {
            mail.getConfiguration().setFolderName(options.folderName());
        }
        mail.setDelay(options.delay());
        mail.setInitialDelay(options.initialDelay());
        if (options.maxMessagesPerPoll() > 0) {
            mail.setMaxMessagesPerPoll(options.maxMessagesPerPoll());
        }
        delegate = mail.createConsumer(getProcessor(), MailEndpoints.sender(settings, mail.getConfiguration().getSession()));
        ServiceHelper.startService(delegate);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(delegate);
        delegate = null;
        super.doStop();
    }
}
