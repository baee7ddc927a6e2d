package io.github.camelbtp.connectivity.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hostile server on loopback that answers every connection one byte every 500 ms, forever: first the bytes of its
 * {@code prefix} (an HTTP status line and headers, or SOCKS5 answers), then {@code x}. Every single read of a client
 * finishes well within any per-read timeout, so only a total deadline ends the call. Closes all its sockets on
 * {@link #close()}.
 */
public final class TricklingServer implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 500;

    private final ServerSocket server;
    private final byte[] prefix;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public TricklingServer(byte[] prefix) throws IOException {
        this.prefix = prefix.clone();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "trickling-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** An HTTP server whose answer, {@code 200} with a JSON body, never ends. */
    public static TricklingServer http() throws IOException {
        return new TricklingServer(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"")
                .getBytes(StandardCharsets.US_ASCII));
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread t = new Thread(() -> trickle(socket), "trickling-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void trickle(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            // swallow whatever the client sends, so its writes never block
            Thread drain = new Thread(() -> {
                try {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // the socket closed
                }
            }, "trickling-drain");
            drain.setDaemon(true);
            drain.start();
            for (int i = 0; ; i++) {
                out.write(i < prefix.length ? prefix[i] : 'x');
                out.flush();
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (IOException e) {
            // the client gave up: what a deadline is for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
