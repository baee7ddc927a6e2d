package io.github.camelbtp.destination;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a btp-destination producer for TCP destinations: how a request is encoded and where a reply
 * ends.
 * The options keep their flat names in the endpoint URI; the group only keeps the endpoint class small.
 */
@UriParams
public class TcpOptions {

    @UriParam(label = "producer,tcp", defaultValue = "line", description = "TCP destinations: how the reply ends."
            + " line: a newline is appended to the request when missing and one line is read back (String body);"
            + " delimiter: the reply is read up to tcpDelimiter (String body); fixedLength: tcpLength bytes are read"
            + " (byte[] body); untilClose: the sending side is closed and everything up to the server's close is read"
            + " (byte[] body).")
    private io.github.camelbtp.destination.tcp.TcpFraming tcpFraming = io.github.camelbtp.destination.tcp.TcpFraming.line;

    @UriParam(label = "producer,tcp", description = "TCP destinations: the text that ends a reply with"
            + " tcpFraming=delimiter (not part of the reply body).")
    private String tcpDelimiter;

    @UriParam(label = "producer,tcp", defaultValue = "0", description = "TCP destinations: the reply length in bytes"
            + " with tcpFraming=fixedLength.")
    private int tcpLength;

    @UriParam(label = "producer,tcp", defaultValue = "UTF-8", description = "TCP destinations: the charset text"
            + " requests and line or delimiter replies are encoded in.")
    private String tcpCharset = "UTF-8";

    @UriParam(label = "producer,tcp,advanced", defaultValue = "1048576", description = "TCP destinations: the largest"
            + " reply accepted, so a peer that never sends the end marker cannot exhaust memory.")
    private int tcpMaxReplyBytes = 1_048_576;

    public io.github.camelbtp.destination.tcp.TcpFraming getTcpFraming() {
        return tcpFraming;
    }

    public void setTcpFraming(io.github.camelbtp.destination.tcp.TcpFraming tcpFraming) {
        this.tcpFraming = tcpFraming;
    }

    public String getTcpDelimiter() {
        return tcpDelimiter;
    }

    public void setTcpDelimiter(String tcpDelimiter) {
        this.tcpDelimiter = tcpDelimiter;
    }

    public int getTcpLength() {
        return tcpLength;
    }

    public void setTcpLength(int tcpLength) {
        this.tcpLength = tcpLength;
    }

    public String getTcpCharset() {
        return tcpCharset;
    }

    public void setTcpCharset(String tcpCharset) {
        this.tcpCharset = tcpCharset;
    }

    public int getTcpMaxReplyBytes() {
        return tcpMaxReplyBytes;
    }

    public void setTcpMaxReplyBytes(int tcpMaxReplyBytes) {
        this.tcpMaxReplyBytes = tcpMaxReplyBytes;
    }
}
