package io.github.camelbtp.sandbox.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes HTTP/1.1 responses on the connectivity proxy's front (RFC 9112), beside {@link HttpWire}, which reads. */
public final class HttpResponseWriter {

    private HttpResponseWriter() {
    }

    /**
     * Writes one response. Unless {@code headers} carry it already, {@code Content-Length} is derived from
     * {@code body} — except for an answer to HEAD ({@code sendBody} false), which keeps what the backend said.
     */
    public static void write(OutputStream out, int status, List<String[]> headers, byte[] body,
            boolean sendBody, boolean close) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        boolean hasLength = false;
        for (String[] header : headers) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            hasLength |= header[0].equalsIgnoreCase("Content-Length");
        }
        boolean bodyAllowed = status >= 200 && status != 204 && status != 304;
        if (bodyAllowed && !hasLength && sendBody) {
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (sendBody && bodyAllowed && body != null) {
            out.write(body);
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 407 -> "Proxy Authentication Required";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
