package io.github.camelbtp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the tests do as a client of the sandbox: read the binding, fetch tokens, call services. */
public final class SandboxClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxClient() {
    }

    public static JsonNode credentials(Sandbox sandbox, String service) {
        return json(sandbox.vcapServices()).get(service).get(0).get("credentials");
    }

    public static String destinationToken(Sandbox sandbox) {
        JsonNode credentials = credentials(sandbox, "destination");
        return token(sandbox, credentials.get("clientid").asText(), credentials.get("clientsecret").asText());
    }

    public static String connectivityToken(Sandbox sandbox) {
        JsonNode credentials = credentials(sandbox, "connectivity");
        return token(sandbox, credentials.get("clientid").asText(), credentials.get("clientsecret").asText());
    }

    public static String token(Sandbox sandbox, String clientId, String clientSecret) {
        HttpResponse<String> response = tokenRequest(sandbox, "grant_type=client_credentials", clientId, clientSecret);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode());
        }
        return json(response.body()).get("access_token").asText();
    }

    /** POST {url}/oauth/token with the client authenticated by HTTP Basic (RFC 6749 §2.3.1 encoding). */
    public static HttpResponse<String> tokenRequest(Sandbox sandbox, String form, String clientId, String clientSecret) {
        String basic = basic(URLEncoder.encode(clientId, StandardCharsets.UTF_8),
                URLEncoder.encode(clientSecret, StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(sandbox.tokenServiceUri() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** POST {url}/oauth/token with whatever form the test gives (client credentials in the body, or none). */
    public static HttpResponse<String> tokenRequest(Sandbox sandbox, String form) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.tokenServiceUri() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String salesBasic() {
        return basic(DemoDestinations.SALES_USER, DemoDestinations.SALES_PASSWORD);
    }

    public static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return send(HTTP, request);
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JDK HttpClient that sends http:// requests to the sandbox's connectivity proxy, in absolute form. */
    public static HttpClient viaProxy(Sandbox sandbox) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(new InetSocketAddress(sandbox.proxyHost(), sandbox.proxyHttpPort())))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response read from a raw socket. */
    public record RawResponse(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code request} bytes as they are to the proxy and reads one Content-Length-framed response. */
    public static RawResponse raw(Sandbox sandbox, String request) {
        try (Socket socket = new Socket(sandbox.proxyHost(), sandbox.proxyHttpPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readResponse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RawResponse readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before a full response head");
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new RawResponse(Integer.parseInt(lines[0].substring(9, 12)), headers, body);
    }
}
