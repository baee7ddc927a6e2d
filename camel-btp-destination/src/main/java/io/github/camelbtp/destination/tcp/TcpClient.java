package io.github.camelbtp.destination.tcp;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.connectivity.socks.CloudConnectorSocketException;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Request/reply over TCP to a TCP destination: connects to its {@code Address} (through the Cloud Connector for
 * OnPremise, with the engine's SOCKS5 socket factory), writes the request and reads one reply framed as asked.
 * With {@code tcp.keepalive=true} connections are kept after a complete reply and reused (one idle queue per
 * destination); a reused connection the server closed in the meantime is replaced once, transparently. Thread-safe.
 */
public final class TcpClient implements AutoCloseable {

    /** How to frame one exchange. */
    public record Framing(TcpFraming kind, byte[] delimiter, int length, int maxReplyBytes) {
    }

    private final Map<String, Deque<Socket>> idle = new ConcurrentHashMap<>();
    private final int maxIdlePerDestination;

    public TcpClient(int maxIdlePerDestination) {
        this.maxIdlePerDestination = maxIdlePerDestination;
    }

    /** Sends {@code request} and returns the reply's bytes. */
    public byte[] exchange(SocketDestination resolved, byte[] request, Framing framing) {
        TcpSettings settings = TcpSettings.of(resolved.destination());
        boolean pooled = settings.keepAlive() && framing.kind() != TcpFraming.untilClose;
        String key = resolved.name() + "|" + settings.host() + ":" + settings.port();
        byte[] payload = framing.kind() == TcpFraming.line && (request.length == 0 || request[request.length - 1] != '\n')
                ? Arrays.copyOf(request, request.length + 1) : request;
        if (payload != request) {
            payload[payload.length - 1] = '\n';
        }
        if (pooled) {
            Socket reused;
            while ((reused = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).pollFirst()) != null) {
                try {
                    byte[] reply = roundTrip(reused, payload, framing);
                    release(key, reused);
                    return reply;
                } catch (EOFException | java.net.SocketException e) {
                    // the server closed this idle connection; the request was not answered: use a new connection
                    closeQuietly(reused);
                } catch (IOException e) {
                    closeQuietly(reused);
                    throw failure(settings, e);
                }
            }
        }
        Socket socket = null;
        try {
            socket = connect(resolved, settings);
            byte[] reply = roundTrip(socket, payload, framing);
            if (pooled) {
                release(key, socket);
                socket = null;
            }
            return reply;
        } catch (IOException e) {
            throw failure(settings, e);
        } finally {
            if (socket != null) {
                closeQuietly(socket);
            }
        }
    }

    private static Socket connect(SocketDestination resolved, TcpSettings settings) throws IOException {
        Socket socket = resolved.socketFactory().createSocket();
        try {
            socket.setKeepAlive(settings.keepAlive());
            socket.setTcpNoDelay(settings.noDelay());
            socket.setSoTimeout(settings.timeoutMillis());
            // a name, not a looked-up address: OnPremise virtual hosts are resolved by the Cloud Connector
            InetSocketAddress target = resolved.onPremise() ? InetSocketAddress.createUnresolved(settings.host(), settings.port())
                    : new InetSocketAddress(settings.host(), settings.port());
            socket.connect(target, settings.timeoutMillis());
            return socket;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static byte[] roundTrip(Socket socket, byte[] payload, Framing framing) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(payload);
        out.flush();
        if (framing.kind() == TcpFraming.untilClose) {
            socket.shutdownOutput();
        }
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        switch (framing.kind()) {
            case line -> {
                int b;
                while ((b = in.read()) != '\n') {
                    if (b < 0) {
                        throw new EOFException("the connection closed before a line ended");
                    }
                    limit(reply, framing);
                    reply.write(b);
                }
                byte[] line = reply.toByteArray();
                return line.length > 0 && line[line.length - 1] == '\r' ? Arrays.copyOf(line, line.length - 1) : line;
            }
            case delimiter -> {
                byte[] delimiter = framing.delimiter();
                byte[] data = new byte[256];
                int size = 0;
                int b;
                while ((b = in.read()) >= 0) {
                    if (size >= framing.maxReplyBytes()) {
                        throw new IOException("the reply exceeds " + framing.maxReplyBytes() + " bytes (tcpMaxReplyBytes)"
                                + " without its delimiter");
                    }
                    if (size == data.length) {
                        data = Arrays.copyOf(data, data.length * 2);
                    }
                    data[size++] = (byte) b;
                    if (endsWith(data, size, delimiter)) {
                        return Arrays.copyOf(data, size - delimiter.length);
                    }
                }
                throw new EOFException("the connection closed before the delimiter arrived");
            }
            case fixedLength -> {
                byte[] bytes = in.readNBytes(framing.length());
                if (bytes.length < framing.length()) {
                    throw new EOFException("the connection closed after " + bytes.length + " of " + framing.length() + " bytes");
                }
                return bytes;
            }
            default -> {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (reply.size() + n > framing.maxReplyBytes()) {
                        throw new IOException("the reply exceeds " + framing.maxReplyBytes() + " bytes (tcpMaxReplyBytes)");
                    }
                    reply.write(buffer, 0, n);
                }
                return reply.toByteArray();
            }
        }
    }

    private static void limit(ByteArrayOutputStream reply, Framing framing) throws IOException {
        if (reply.size() >= framing.maxReplyBytes()) {
            throw new IOException("the reply exceeds " + framing.maxReplyBytes() + " bytes (tcpMaxReplyBytes) without"
                    + " its end marker");
        }
    }

    private static boolean endsWith(byte[] data, int size, byte[] suffix) {
        if (size < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (data[size - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private void release(String key, Socket socket) {
        Deque<Socket> queue = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        if (queue.size() >= maxIdlePerDestination) {
            closeQuietly(socket);
        } else {
            queue.addFirst(socket);
        }
    }

    private static RuntimeException failure(TcpSettings settings, IOException e) {
        return CloudConnectorSocketException.engineFailure(e).<RuntimeException>map(cce -> cce).orElseGet(() -> {
            String what = e instanceof SocketTimeoutException ? "no complete reply within tcp.timeout ("
                    + settings.timeoutMillis() + " ms)" : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new BtpConnectivityException(settings.destinationName(), "TCP exchange with destination '"
                    + settings.destinationName() + "' (" + settings.host() + ":" + settings.port() + ") failed: " + what
                    + ". Check the Address, the service and the framing (tcpFraming) the service uses.", e);
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        idle.values().forEach(queue -> queue.forEach(TcpClient::closeQuietly));
        idle.clear();
    }
}
