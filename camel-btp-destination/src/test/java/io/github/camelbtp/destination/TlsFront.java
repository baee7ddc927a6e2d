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
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real TLS server in front of a plain one (GreenMail's SMTP or IMAP): terminates TLS with a certificate from the
 * test CA, optionally requiring a client certificate, and copies the bytes to and from the plain server, so the
 * client speaks smtps/imaps to a certificate the test chose. Records the subjects of client certificates it saw and
 * counts completed handshakes. {@link #startTls} instead offers SMTP STARTTLS (GreenMail has none): it relays the
 * plain dialogue, adds {@code STARTTLS} to the EHLO answer, and on {@code STARTTLS} turns the client's connection
 * into TLS before relaying the rest.
 */
final class TlsFront implements AutoCloseable {

    private final ServerSocket server;
    private final SSLContext context;
    private final boolean smtpStartTls;
    private final int targetPort;
    private final List<String> clientSubjects = new CopyOnWriteArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();

    private TlsFront(SSLContext context, boolean requireClientCertificate, int targetPort, boolean smtpStartTls)
            throws IOException {
        this.targetPort = targetPort;
        this.context = context;
        this.smtpStartTls = smtpStartTls;
        if (smtpStartTls) {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } else {
            SSLServerSocket tls = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getLoopbackAddress());
            tls.setNeedClientAuth(requireClientCertificate);
            server = tls;
        }
        Thread acceptor = new Thread(this::accept, "tls-front-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TlsFront start(SSLContext serverContext, boolean requireClientCertificate, int plainPort) {
        try {
            return new TlsFront(serverContext, requireClientCertificate, plainPort, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SMTP server offering STARTTLS with {@code serverContext}'s certificate, relaying to {@code plainSmtpPort}. */
    static TlsFront startTls(SSLContext serverContext, int plainSmtpPort) {
        try {
            return new TlsFront(serverContext, false, plainSmtpPort, true);
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
                Socket client = server.accept();
                daemon(() -> {
                    if (smtpStartTls) {
                        serveStartTls(client);
                    } else {
                        serve((SSLSocket) client);
                    }
                }, "tls-front-client");
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

    private void serveStartTls(Socket client) {
        try (client; Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
            InputStream fromServer = plain.getInputStream();
            InputStream fromClient = client.getInputStream();
            relayReply(fromServer, client.getOutputStream(), false);
            while (true) {
                String command = readLine(fromClient);
                if (command == null) {
                    return;
                }
                if (command.toUpperCase(java.util.Locale.ROOT).startsWith("STARTTLS")) {
                    client.getOutputStream().write("220 2.0.0 Ready to start TLS\r\n".getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(client, null, client.getPort(), false);
                    tls.setUseClientMode(false);
                    tls.startHandshake();
                    handshakes.incrementAndGet();
                    Thread up = daemon(() -> copy(tls, plain), "tls-front-up");
                    copy(plain, tls);
                    up.join(5_000);
                    return;
                }
                plain.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                plain.getOutputStream().flush();
                relayReply(fromServer, client.getOutputStream(), command.toUpperCase(java.util.Locale.ROOT).startsWith("EHLO"));
            }
        } catch (IOException | InterruptedException e) {
            // the client refused the certificate (what some tests expect) or a side hung up
        }
    }

    /** Relays one (multi-line) SMTP reply; for EHLO, announces STARTTLS before its last line. */
    private static void relayReply(InputStream from, OutputStream to, boolean addStartTls) throws IOException {
        while (true) {
            String line = readLine(from);
            if (line == null) {
                throw new IOException("server closed");
            }
            boolean last = line.length() < 4 || line.charAt(3) != '-';
            if (last && addStartTls) {
                to.write(("250-STARTTLS\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            to.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            if (last) {
                to.flush();
                return;
            }
        }
    }

    /** One CRLF-terminated line, read byte by byte so nothing after it (the TLS handshake) is consumed. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
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
