package io.github.camelbtp.sandbox.wire;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small HTTP/1.1 codec of the connectivity proxy's front (RFC 9112): reads request heads with a size limit,
 * reads bodies framed by Content-Length or chunked transfer coding; {@link HttpResponseWriter} writes responses. The
 * JDK HttpServer cannot be the proxy front: it drops {@code CONNECT} requests without an answer and has no head-size
 * limit to set.
 */
public final class HttpWire {

    /** The request line and headers exceeded the limit. */
    public static final class HeadTooLargeException extends IOException {
        HeadTooLargeException() {
            super("request head too large");
        }
    }

    /** The bytes are not an HTTP/1.x message. */
    public static final class BadMessageException extends IOException {
        BadMessageException(String message) {
            super(message);
        }
    }

    /** A parsed request head; header names keep their case, lookups ignore it. */
    public record Head(String method, String target, String version, List<String[]> headers) {

        public String header(String name) {
            return firstHeader(headers, name);
        }

        public boolean hasToken(String name, String token) {
            return HttpWire.hasToken(headers, name, token);
        }

        public Map<String, List<String>> headerMap() {
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (String[] header : headers) {
                map.computeIfAbsent(header[0], k -> new ArrayList<>(1)).add(header[1]);
            }
            return map;
        }
    }

    /** A parsed response head. */
    record StatusHead(String version, int status, List<String[]> headers) {

        public String header(String name) {
            return firstHeader(headers, name);
        }

        public boolean hasToken(String name, String token) {
            return HttpWire.hasToken(headers, name, token);
        }
    }

    private static String firstHeader(List<String[]> headers, String name) {
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name)) {
                return header[1];
            }
        }
        return null;
    }

    /** Whether a comma-separated header (Connection, Transfer-Encoding, …) holds the token. */
    private static boolean hasToken(List<String[]> headers, String name, String token) {
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name)) {
                for (String part : header[1].split(",")) {
                    if (part.trim().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** How a message body is delimited. */
    public record Framing(boolean chunked, long contentLength) {
        static final Framing NONE = new Framing(false, -1);

        public boolean present() {
            return chunked || contentLength >= 0;
        }
    }

    private static final int MAX_LINE = 4096;

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    public HttpWire(InputStream in) {
        this.in = in;
    }

    /** Refills the buffer when it is used up; false at end of stream. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private int read() throws IOException {
        return fill() ? buffer[position++] & 0xff : -1;
    }

    /**
     * Reads a request head of at most {@code maxBytes} (request line, headers and the empty line).
     *
     * @return the head, or {@code null} when the peer closed the connection before sending a byte
     */
    public Head readHead(int maxBytes) throws IOException {
        String text = readHeadText(maxBytes);
        return text == null ? null : parse(text);
    }

    /**
     * Reads a response head (status line and headers), skipping interim 1xx answers.
     *
     * @return the head, or {@code null} when the peer closed the connection before sending a byte
     */
    StatusHead readStatusHead(int maxBytes) throws IOException {
        while (true) {
            String text = readHeadText(maxBytes);
            if (text == null) {
                return null;
            }
            List<String> lines = lines(text);
            String statusLine = lines.get(0);
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new BadMessageException("malformed status line");
            }
            int status;
            try {
                status = Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new BadMessageException("malformed status line");
            }
            if (status >= 100 && status < 200 && status != 101) {
                continue;
            }
            return new StatusHead(statusLine.substring(0, 8), status, headers(lines));
        }
    }

    private String readHeadText(int maxBytes) throws IOException {
        byte[] head = new byte[Math.min(maxBytes, 2048)];
        int length = 0;
        while (true) {
            int b = read();
            if (b < 0) {
                if (length == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a message head");
            }
            if (length == 0 && (b == '\r' || b == '\n')) {
                continue; // RFC 9112 §2.2: ignore empty lines before the start line
            }
            if (length == maxBytes) {
                throw new HeadTooLargeException();
            }
            if (length == head.length) {
                head = java.util.Arrays.copyOf(head, Math.min(maxBytes, head.length * 2));
            }
            head[length++] = (byte) b;
            if (b == '\n' && endsWithEmptyLine(head, length)) {
                return new String(head, 0, length, StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static boolean endsWithEmptyLine(byte[] head, int length) {
        return (length >= 2 && head[length - 2] == '\n')
                || (length >= 4 && head[length - 2] == '\r' && head[length - 3] == '\n');
    }

    private static Head parse(String text) throws BadMessageException {
        List<String> lines = lines(text);
        String[] requestLine = lines.get(0).split(" ", -1);
        if (requestLine.length != 3 || requestLine[0].isEmpty() || requestLine[1].isEmpty()
                || !requestLine[2].startsWith("HTTP/1.")) {
            throw new BadMessageException("malformed request line");
        }
        return new Head(requestLine[0], requestLine[1], requestLine[2], headers(lines));
    }

    /** The lines of a head, without their CRLF (or bare LF) endings; stops at the empty line. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(16);
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            if (line.isEmpty()) {
                break;
            }
            lines.add(line);
            start = end + 1;
        }
        return lines;
    }

    private static List<String[]> headers(List<String> lines) throws BadMessageException {
        List<String[]> headers = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new BadMessageException("obsolete line folding");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line, colon)) {
                throw new BadMessageException("malformed header line");
            }
            headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1).trim()});
        }
        return headers;
    }

    private static boolean isToken(String line, int end) {
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The body framing of a request (RFC 9112 §6.3): chunked wins over Content-Length; else no body. */
    public static Framing framing(Head head) throws BadMessageException {
        return framing(head.headers());
    }

    /**
     * The body framing of a response to {@code method} (RFC 9112 §6.3); {@code null} means "until the connection
     * closes".
     */
    public static Framing framing(String method, StatusHead head) throws BadMessageException {
        int status = head.status();
        if (method.equals("HEAD") || status == 204 || status == 304 || status < 200) {
            return Framing.NONE;
        }
        Framing framing = framing(head.headers());
        return framing.present() ? framing : null;
    }

    private static Framing framing(List<String[]> headerList) throws BadMessageException {
        String transferEncoding = null;
        for (String[] header : headerList) {
            if (header[0].equalsIgnoreCase("Transfer-Encoding")) {
                transferEncoding = header[1];
            }
        }
        if (transferEncoding != null) {
            if (!transferEncoding.toLowerCase(Locale.ROOT).trim().endsWith("chunked")) {
                throw new BadMessageException("unsupported transfer coding");
            }
            return new Framing(true, -1);
        }
        String contentLength = null;
        for (String[] header : headerList) {
            if (header[0].equalsIgnoreCase("Content-Length")) {
                if (contentLength != null && !contentLength.equals(header[1])) {
                    throw new BadMessageException("conflicting Content-Length headers");
                }
                contentLength = header[1];
            }
        }
        if (contentLength == null) {
            return Framing.NONE;
        }
        try {
            long length = Long.parseLong(contentLength);
            if (length < 0) {
                throw new BadMessageException("negative Content-Length");
            }
            return new Framing(false, length);
        } catch (NumberFormatException e) {
            throw new BadMessageException("invalid Content-Length");
        }
    }

    /** Reads the body framed by {@code framing}; at most {@code maxBytes}. */
    public byte[] readBody(Framing framing, int maxBytes) throws IOException {
        if (framing.chunked()) {
            return readChunked(maxBytes);
        }
        if (framing.contentLength() <= 0) {
            return new byte[0];
        }
        if (framing.contentLength() > maxBytes) {
            throw new BadMessageException("body too large");
        }
        byte[] body = new byte[(int) framing.contentLength()];
        int filled = 0;
        int buffered = Math.min(limit - position, body.length);
        System.arraycopy(buffer, position, body, 0, buffered);
        position += buffered;
        filled += buffered;
        while (filled < body.length) {
            int n = in.read(body, filled, body.length - filled);
            if (n < 0) {
                throw new EOFException("connection closed inside a request body");
            }
            filled += n;
        }
        return body;
    }

    /** Reads everything until the peer closes the connection; at most {@code maxBytes}. */
    byte[] readToEnd(int maxBytes) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (fill()) {
            int n = limit - position;
            if (body.size() + n > maxBytes) {
                throw new BadMessageException("body too large");
            }
            body.write(buffer, position, n);
            position = limit;
        }
        return body.toByteArray();
    }

    private byte[] readChunked(int maxBytes) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new BadMessageException("invalid chunk size");
            }
            if (size < 0 || body.size() + size > maxBytes) {
                throw new BadMessageException("body too large");
            }
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields are dropped (RFC 9112 §7.1.2 allows it)
                }
                return body.toByteArray();
            }
            long remaining = size;
            while (remaining > 0) {
                if (!fill()) {
                    throw new EOFException("connection closed inside a chunk");
                }
                int n = (int) Math.min(remaining, limit - position);
                body.write(buffer, position, n);
                position += n;
                remaining -= n;
            }
            if (!readLine().isEmpty()) {
                throw new BadMessageException("missing CRLF after chunk data");
            }
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = read();
            if (b < 0) {
                throw new EOFException("connection closed inside a chunked body");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new BadMessageException("line too long");
            }
            line.append((char) b);
        }
    }
}
