package io.github.camelbtp.destination.tcp;

/** How a TCP destination's reply is delimited. */
public enum TcpFraming {
    /** Text lines: {@code \n} is appended to the request when missing, one line is read back (without its {@code \r\n} / {@code \n}). */
    line,
    /** The request is sent as it is; the reply is read up to and excluding the delimiter bytes ({@code tcpDelimiter}). */
    delimiter,
    /** The request is sent as it is; exactly {@code tcpLength} bytes are read back. */
    fixedLength,
    /** The request is sent, the sending side closed, and everything is read until the server closes. Never pooled. */
    untilClose
}
