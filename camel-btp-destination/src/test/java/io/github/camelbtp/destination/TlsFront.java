package io.github.camelbtp.destination;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real TLS server in front of a plain one (GreenMail's SMTP or IMAP): terminates TLS with a certificate from the
 * test CA, optionally requiring a client certificate, and copies the bytes to and from the plain server, so the
 * client speaks smtps/imaps to a certificate the test chose. Records the subjects of client certificates it saw and
 * counts completed handshakes.
 */
final class TlsFront implements AutoCloseable {

    private final SSLServerSocket server;
    private final int targetPort;
    private final List<String> clientSubjects = new CopyOnWriteArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();

    private TlsFront(SSLContext context, boolean requireClientCertificate, int targetPort) throws IOException {
        this.targetPort = targetPort;
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(requireClientCertificate);
        Thread acceptor = new Thread(this::accept, "tls-front-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TlsFront start(SSLContext serverContext, boolean requireClientCertificate, int plainPort) {
        try {
            return new TlsFront(serverContext, requireClientCertificate, plainPort);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> clientSubjects() {
        return clientSubjects;
    }

    int handshakes() {
        return handshakes.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                daemon(() -> serve(client), "tls-front-client");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket client) {
        try (client; Socket plain = new Socket()) {
            client.startHandshake();
            handshakes.incrementAndGet();
            try {
                clientSubjects.add(client.getSession().getPeerPrincipal().getName());
            } catch (SSLPeerUnverifiedException none) {
                // no client certificate was asked for
            }
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
            Thread up = daemon(() -> copy(client, plain), "tls-front-up");
            copy(plain, client);
            up.join(5_000);
        } catch (IOException | InterruptedException e) {
            // the handshake failed (what some tests expect) or a side hung up
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
        } catch (IOException e) {
            // a side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException | UnsupportedOperationException e) {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
