package io.github.camelbtp.sandbox.onpremise;

import io.github.camelbtp.sandbox.wire.Loopback;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo legacy TCP service: echoes every byte it receives on the same connection (so a line comes back as that
 * line, a delimited record as that record) and closes its side when the client has closed its sending side.
 * Counts connections, so tests can tell pooled connections from new ones.
 */
public final class EchoService implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final ExecutorService workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    public EchoService() {
        workers = Executors.newCachedThreadPool(Loopback.daemonThreads("sandbox-echo"));
        serverSocket = Loopback.serverSocket(64, "echo service");
    }

    public EchoService start() {
        workers.execute(() -> {
            while (!closed) {
                try {
                    Socket socket = serverSocket.accept();
                    connections.incrementAndGet();
                    open.add(socket);
                    workers.execute(() -> echo(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return this;
    }

    private void echo(Socket socket) {
        try (socket) {
            socket.getInputStream().transferTo(socket.getOutputStream());
        } catch (IOException ignored) {
            // the client went away
        } finally {
            open.remove(socket);
        }
    }

    /** The port (the real address behind {@code legacy.internal:9000}). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Connections accepted since start or {@link #reset()}. */
    public int connections() {
        return connections.get();
    }

    /** Closes every open connection (as a restarted backend would) and sets the counter back. */
    public void dropConnections() {
        open.forEach(Loopback::closeQuietly);
    }

    public void reset() {
        connections.set(0);
    }

    @Override
    public void close() {
        closed = true;
        Loopback.closeQuietly(serverSocket);
        dropConnections();
        workers.shutdownNow();
    }
}
