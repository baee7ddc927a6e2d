package io.github.camelbtp.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rough throughput probe for the sandbox's connectivity proxy (a runnable main, not run by the build): {@code threads} raw
 * keep-alive socket clients send {@code GET http://erp.internal:44300/…/A_SalesOrder('1')} through the proxy for
 * {@code seconds} seconds, after a warm-up; prints requests per second. A raw client keeps the client's own cost
 * low, so the figure is about the sandbox (proxy + forwarding + OData backend), which shares the CPU with it.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.camelbtp.benchmarks.ProxyThroughput [threads] [seconds]</pre>
 * (docs/performance.md, "The sandbox's proxy").
 */
public final class ProxyThroughput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProxyThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (Sandbox sandbox = Sandbox.start()) {
            String token = connectivityToken(sandbox);
            String basic = Base64.getEncoder().encodeToString((DemoDestinations.SALES_USER + ":"
                    + DemoDestinations.SALES_PASSWORD).getBytes(StandardCharsets.UTF_8));
            byte[] request = ("GET http://erp.internal:44300" + DemoDestinations.SALES_SERVICE_PATH
                    + "/A_SalesOrder('1') HTTP/1.1\r\n"
                    + "Host: erp.internal:44300\r\n"
                    + "Proxy-Authorization: Bearer " + token + "\r\n"
                    + "Authorization: Basic " + basic + "\r\n"
                    + "Accept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            run(sandbox, request, threads, 3);
            long count = run(sandbox, request, threads, seconds);
            System.out.printf("%d threads, %d s: %d proxied requests, %.0f requests/s (proxiedCalls=%d)%n", threads,
                    seconds, count, count / (double) seconds, sandbox.counters().proxiedCalls());
        }
    }

    /** The connectivity binding's client-credentials token, as the engine would fetch it. */
    private static String connectivityToken(Sandbox sandbox) throws IOException, InterruptedException {
        JsonNode credentials = JSON.readTree(sandbox.vcapServices()).path("connectivity").path(0).path("credentials");
        String basic = Base64.getEncoder().encodeToString((credentials.path("clientid").asText() + ":"
                + credentials.path("clientsecret").asText()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(credentials.path("url").asText() + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static long run(Sandbox sandbox, byte[] request, int threads, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Socket socket = new Socket(sandbox.proxyHost(), sandbox.proxyHttpPort())) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    while (System.nanoTime() < end) {
                        out.write(request);
                        out.flush();
                        if (readResponse(in) != 200) {
                            throw new IllegalStateException("unexpected status");
                        }
                        done.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.get();
    }

    /** Reads one response with a Content-Length body; returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder(256);
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.append((char) b);
            last4 = (last4 << 8) | b;
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(head.substring(9, 12));
    }
}
