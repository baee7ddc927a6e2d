package io.github.camelbtp.destination;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a btp-destination consumer of a MAIL destination (IMAP, POP3), named as in camel-mail.
 * The options keep their flat names in the endpoint URI; the group only keeps the endpoint class small.
 */
@UriParams
public class MailOptions {

    @UriParam(label = "consumer,mail", defaultValue = "false", description = "MAIL destinations: delete messages"
            + " from the mailbox once they were processed (camel-mail's delete). When false, IMAP messages are marked"
            + " seen; POP3 has no flags, so use delete=true with POP3 to read each message once.")
    private boolean delete;

    @UriParam(label = "consumer,mail", defaultValue = "true", description = "MAIL destinations, IMAP: read messages"
            + " without marking them seen, so a failed exchange leaves them unread for the next poll (camel-mail's peek).")
    private boolean peek = true;

    @UriParam(label = "consumer,mail", defaultValue = "true", description = "MAIL destinations: poll only unseen"
            + " messages (IMAP; camel-mail's unseen).")
    private boolean unseen = true;

    @UriParam(label = "consumer,mail", defaultValue = "60000", javaType = "java.time.Duration", description = "MAIL"
            + " destinations: the time between two polls of the mailbox. Default 60 seconds.")
    private long delay = 60_000;

    @UriParam(label = "consumer,mail", defaultValue = "1000", javaType = "java.time.Duration", description = "MAIL"
            + " destinations: the time before the first poll.")
    private long initialDelay = 1_000;

    @UriParam(label = "consumer,mail", defaultValue = "INBOX", description = "MAIL destinations: the folder to poll"
            + " (IMAP; POP3 only has INBOX).")
    private String folderName = "INBOX";

    @UriParam(label = "consumer,mail", defaultValue = "0", description = "MAIL destinations: at most this many"
            + " messages per poll; 0 for no limit.")
    private int maxMessagesPerPoll;

    public boolean isDelete() {
        return delete;
    }

    public void setDelete(boolean delete) {
        this.delete = delete;
    }

    public boolean isPeek() {
        return peek;
    }

    public void setPeek(boolean peek) {
        this.peek = peek;
    }

    public boolean isUnseen() {
        return unseen;
    }

    public void setUnseen(boolean unseen) {
        this.unseen = unseen;
    }

    public long getDelay() {
        return delay;
    }

    public void setDelay(long delay) {
        this.delay = delay;
    }

    public long getInitialDelay() {
        return initialDelay;
    }

    public void setInitialDelay(long initialDelay) {
        this.initialDelay = initialDelay;
    }

    public String getFolderName() {
        return folderName;
    }

    public void setFolderName(String folderName) {
        this.folderName = folderName;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    /** The polling consumer's options. */
    io.github.camelbtp.destination.mail.MailPollingConsumer.Options pollingOptions() {
        return new io.github.camelbtp.destination.mail.MailPollingConsumer.Options(delete, peek, unseen, delay,
                initialDelay, folderName, maxMessagesPerPoll);
    }
}
