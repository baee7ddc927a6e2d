package io.github.camelbtp.sandbox.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How every sandbox server gets its threads and sockets: daemon threads (a test or the quickstart never waits for
 * them at exit) and server sockets on a free loopback port (nothing of the sandbox is reachable from outside).
 */
public final class Loopback {

    private Loopback() {
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, … */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Closes a socket or server socket, ignoring failures: used when shutting down or dropping a connection. */
    public static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** A server socket on a free loopback port. */
    public static ServerSocket serverSocket(int backlog, String purpose) {
        try {
            return new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the " + purpose, e);
        }
    }
}
