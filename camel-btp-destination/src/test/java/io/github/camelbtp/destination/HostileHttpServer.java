package io.github.camelbtp.destination;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw HTTP/1.1 server on a loopback socket that answers the way a test tells it, including ways no well-behaved
 * server does (resetting the connection, trickling, endless bodies). Records the request line of every request it read,
 * and counts the body bytes it managed to send.
 */
final class HostileHttpServer implements AutoCloseable {

    /** What to do with one request; {@code n} counts the requests read so far, starting at 1. */
    @FunctionalInterface
    interface Answer {
        void answer(int n, String requestLine, Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Answer answer;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();

    HostileHttpServer(Answer answer) throws IOException {
        this.answer = answer;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "hostile-http-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The request lines read, in order ("POST /x HTTP/1.1"). */
    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    long requestsWithMethod(String method) {
        return requestLines.stream().filter(line -> line.startsWith(method + " ")).count();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    void countSent(long bytes) {
        bytesSent.addAndGet(bytes);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "hostile-http-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                long length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                    }
                }
                in.readNBytes((int) length);
                String requestLine = head.substring(0, head.indexOf("\r\n"));
                requestLines.add(requestLine);
                answer.answer(requestLines.size(), requestLine, socket, out);
                if (socket.isClosed()) {
                    return;
                }
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the answer closed the connection
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** Writes a complete answer with a text body. */
    static void respond(OutputStream out, String statusLine, String body, String... headerLines) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(statusLine).append("\r\n");
        for (String header : headerLines) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Type: text/plain\r\nContent-Length: ").append(bytes.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    /** Closes the connection with a TCP reset, before any answer. */
    static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
