package io.github.camelbtp.sandbox.connectivity;

import static io.github.camelbtp.sandbox.SandboxClient.raw;
import static io.github.camelbtp.sandbox.SandboxClient.salesBasic;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_SERVICE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.onpremise.sales.SalesOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SandboxExtension.class)
class ConnectivityProxyTest {

    private static final String ORDERS = "http://erp.internal:44300" + SALES_SERVICE_PATH + "/A_SalesOrder";

    private static String token;
    private static HttpClient viaProxy;

    @BeforeAll
    static void connectivityToken(Sandbox sandbox) {
        token = SandboxClient.connectivityToken(sandbox);
        viaProxy = SandboxClient.viaProxy(sandbox);
    }

    private static HttpRequest.Builder proxied(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Proxy-Authorization", "Bearer " + token)
                .header("Authorization", salesBasic());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return SandboxClient.send(viaProxy, request.build());
    }

    @Test
    void connectRequestIs405(Sandbox sandbox) {
        SandboxClient.RawResponse response = raw(sandbox, "CONNECT erp.internal:44300 HTTP/1.1\r\n"
                + "Host: erp.internal:44300\r\nProxy-Authorization: Bearer " + token + "\r\n\r\n");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isNull();
    }

    @Test
    void httpsTargetIs405(Sandbox sandbox) {
        SandboxClient.RawResponse response = raw(sandbox, "GET https://erp.internal:44300" + SALES_SERVICE_PATH
                + " HTTP/1.1\r\nHost: erp.internal:44300\r\nProxy-Authorization: Bearer " + token + "\r\n\r\n");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isNull();
    }

    @Test
    void missingProxyAuthorizationIs407WithBearerChallenge() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ORDERS)));

        assertThat(response.statusCode()).isEqualTo(407);
        assertThat(response.headers().firstValue("Proxy-Authenticate")).hasValue("Bearer");
    }

    @Test
    void tokenOfTheDestinationBindingIs407(Sandbox sandbox) {
        String destinationToken = SandboxClient.destinationToken(sandbox);

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ORDERS))
                .header("Proxy-Authorization", "Bearer " + destinationToken));

        assertThat(response.statusCode()).isEqualTo(407);
    }

    @Test
    void forgedTokenIs407() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ORDERS))
                .header("Proxy-Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));

        assertThat(response.statusCode()).isEqualTo(407);
    }

    @Test
    void unknownLocationIdIs503(Sandbox sandbox) {
        HttpResponse<String> response = send(proxied(ORDERS).header("SAP-Connectivity-SCC-Location_ID", "Plant99"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(sandbox.counters().proxiedCalls()).isZero();
    }

    @Test
    void disconnectedCloudConnectorIs503(Sandbox sandbox) {
        sandbox.cloudConnector().connector(DemoDestinations.PLANT01_LOCATION_ID).setConnected(false);
        try {
            HttpResponse<String> response = send(proxied(ORDERS).header("SAP-Connectivity-SCC-Location_ID", "Plant01"));

            assertThat(response.statusCode()).isEqualTo(503);
        } finally {
            sandbox.cloudConnector().connector(DemoDestinations.PLANT01_LOCATION_ID).setConnected(true);
        }
    }

    @Test
    void unmappedVirtualHostIs403AndAudited(Sandbox sandbox) {
        HttpResponse<String> response = send(proxied("http://crm.internal:8000/sap/opu/odata/x"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("Access denied to system crm.internal:8000");
        assertThat(sandbox.cloudConnector().auditLog()).anySatisfy(entry -> {
            assertThat(entry.virtualHost()).isEqualTo("crm.internal");
            assertThat(entry.virtualPort()).isEqualTo(8000);
            assertThat(entry.path()).isEqualTo("/sap/opu/odata/x");
            assertThat(entry.locationId()).isEmpty();
            assertThat(entry.reason()).contains("not mapped");
            assertThat(entry.time()).isNotNull();
        });
    }

    @Test
    void pathOutsideTheAllowListIs403AndAudited(Sandbox sandbox) {
        HttpResponse<String> response = send(proxied("http://erp.internal:44300/sap/bc/gui/sap/its/webgui")
                .header("SAP-Connectivity-SCC-Location_ID", "Plant01"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("Access denied to system erp.internal:44300");
        assertThat(sandbox.cloudConnector().auditLog()).anySatisfy(entry -> {
            assertThat(entry.locationId()).isEqualTo("Plant01");
            assertThat(entry.path()).isEqualTo("/sap/bc/gui/sap/its/webgui");
        });
    }

    @Test
    void pathTraversalOutOfTheAllowListIsDenied() {
        HttpResponse<String> response = send(proxied("http://erp.internal:44300" + SALES_SERVICE_PATH
                + "/../../../../bc/secret"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/bc/secret", "/%2E%2e/%2e%2E/%2e%2e/%2e%2e/bc/secret",
            "/..;/..;/..;/..;/bc/secret", "/%252e%252e/%252e%252e/%252e%252e/%252e%252e/bc/secret",
            "/.%2e/.%2e/.%2e/.%2e/bc/secret", "/%2e%2e;x/%2e%2e;x/%2e%2e;x/%2e%2e;x/bc/secret" })
    void encodedDotSegmentsCannotPassTheAllowList(String climb, Sandbox sandbox) {
        long backendCalls = sandbox.counters().backendCalls();

        SandboxClient.RawResponse response = raw(sandbox, "GET http://erp.internal:44300" + SALES_SERVICE_PATH + climb
                + " HTTP/1.1\r\nHost: erp.internal:44300\r\nProxy-Authorization: Bearer " + token
                + "\r\nSAP-Connectivity-SCC-Location_ID: Plant01\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(403);
        assertThat(sandbox.counters().backendCalls()).isEqualTo(backendCalls);
        assertThat(sandbox.cloudConnector().auditLog()).anySatisfy(entry ->
                assertThat(entry.reason()).contains("dot segment"));
    }

    @Test
    void forwardsAllowedRequestOfLocationIdToMappedBackendWithoutProxyHeaders(Sandbox sandbox) {
        HttpResponse<String> response = send(proxied(ORDERS + "?$top=2&sap-client=100")
                .header("SAP-Connectivity-SCC-Location_ID", "Plant01")
                .header("X-Correlation-Id", "abc-123"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"SalesOrder\":\"1\"");
        assertThat(sandbox.counters().proxiedCalls()).isEqualTo(1);
        RecordedRequest arrived = sandbox.backendRequests().last().orElseThrow();
        assertThat(arrived.path()).isEqualTo(SALES_SERVICE_PATH + "/A_SalesOrder");
        assertThat(arrived.rawQuery()).isEqualTo("$top=2&sap-client=100");
        assertThat(arrived.header("X-Correlation-Id")).isEqualTo("abc-123");
        assertThat(arrived.header("Authorization")).isEqualTo(salesBasic());
        assertThat(arrived.header("Host")).isEqualTo(sandbox.salesBackendUri().getAuthority());
        assertThat(arrived.hasHeader("Proxy-Authorization")).isFalse();
        assertThat(arrived.hasHeader("SAP-Connectivity-SCC-Location_ID")).isFalse();
        assertThat(sandbox.proxyRequests().last().orElseThrow().header("SAP-Connectivity-SCC-Location_ID"))
                .isEqualTo("Plant01");
    }

    @Test
    void exactPathRuleAllowsOnlyThatPath(Sandbox sandbox) {
        sandbox.cloudConnector().connector("Exact")
                .map("exact.internal", 8080, "127.0.0.1", sandbox.salesBackendUri().getPort())
                .allowPath("exact.internal", 8080, SALES_SERVICE_PATH + "/A_SalesOrder", false);

        HttpResponse<String> exact = send(proxied("http://exact.internal:8080" + SALES_SERVICE_PATH
                + "/A_SalesOrder?$top=1").header("SAP-Connectivity-SCC-Location_ID", "Exact"));
        HttpResponse<String> below = send(proxied("http://exact.internal:8080" + SALES_SERVICE_PATH
                + "/A_SalesOrder/x").header("SAP-Connectivity-SCC-Location_ID", "Exact"));

        assertThat(exact.statusCode()).isEqualTo(200);
        assertThat(below.statusCode()).isEqualTo(403);
    }

    @Test
    void subPathRuleAllowsPathsBelowButNotLookalikePrefixes(Sandbox sandbox) {
        sandbox.cloudConnector().connector("Sub")
                .map("sub.internal", 8080, "127.0.0.1", sandbox.salesBackendUri().getPort())
                .allowPath("sub.internal", 8080, SALES_SERVICE_PATH, true);

        HttpResponse<String> below = send(proxied("http://sub.internal:8080" + SALES_SERVICE_PATH + "/A_SalesOrder('3')")
                .header("SAP-Connectivity-SCC-Location_ID", "Sub"));
        HttpResponse<String> lookalike = send(proxied("http://sub.internal:8080" + SALES_SERVICE_PATH + "_V2/x")
                .header("SAP-Connectivity-SCC-Location_ID", "Sub"));
        HttpResponse<String> otherCase = send(proxied("http://sub.internal:8080" + SALES_SERVICE_PATH.toLowerCase()
                + "/A_SalesOrder").header("SAP-Connectivity-SCC-Location_ID", "Sub"));

        assertThat(below.statusCode()).isEqualTo(200);
        assertThat(lookalike.statusCode()).isEqualTo(403);
        assertThat(otherCase.statusCode()).isEqualTo(403);
    }

    @Test
    void oversizedRequestHeadIs431(Sandbox sandbox) {
        SandboxClient.RawResponse response = raw(sandbox, "GET " + ORDERS + " HTTP/1.1\r\nHost: erp.internal:44300\r\n"
                + "X-Filler: " + "a".repeat(9000) + "\r\n\r\n");

        assertThat(response.status()).isEqualTo(431);
    }

    @Test
    void forwardsChunkedRequestBodyAndKeepsTheConnectionAlive(Sandbox sandbox) throws IOException {
        String fetch = "GET " + ORDERS + " HTTP/1.1\r\nHost: erp.internal:44300\r\nProxy-Authorization: Bearer " + token
                + "\r\nAuthorization: " + salesBasic() + "\r\nx-csrf-token: Fetch\r\n\r\n";
        try (Socket socket = new Socket(sandbox.proxyHost(), sandbox.proxyHttpPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(fetch.getBytes(StandardCharsets.ISO_8859_1));
            SandboxClient.RawResponse fetched = SandboxClient.readResponse(in);
            String cookie = fetched.header("Set-Cookie").split(";")[0];
            String json = "{\"SoldToParty\":\"17100009\",\"TotalNetAmount\":\"10.00\"}";
            String chunked = Integer.toHexString(10) + "\r\n" + json.substring(0, 10) + "\r\n"
                    + Integer.toHexString(json.length() - 10) + "\r\n" + json.substring(10) + "\r\n0\r\n\r\n";
            out.write(("POST " + ORDERS + " HTTP/1.1\r\nHost: erp.internal:44300\r\nProxy-Authorization: Bearer "
                    + token + "\r\nAuthorization: " + salesBasic() + "\r\nx-csrf-token: "
                    + fetched.header("x-csrf-token") + "\r\nCookie: " + cookie + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + chunked).getBytes(StandardCharsets.ISO_8859_1));
            SandboxClient.RawResponse created = SandboxClient.readResponse(in);

            assertThat(fetched.status()).isEqualTo(200);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.body()).contains("\"SoldToParty\":\"17100009\"");
        }
    }

    @Test
    void expectContinueGetsInterimAnswerBeforeTheBodyIsForwarded(Sandbox sandbox) throws IOException {
        String body = "{\"SoldToParty\":\"17100001\"}";
        try (Socket socket = new Socket(sandbox.proxyHost(), sandbox.proxyHttpPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ORDERS + " HTTP/1.1\r\nHost: erp.internal:44300\r\nProxy-Authorization: Bearer "
                    + token + "\r\nAuthorization: " + salesBasic() + "\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] interim = socket.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
            out.write(body.getBytes(StandardCharsets.ISO_8859_1));
            SandboxClient.RawResponse response = SandboxClient.readResponse(socket.getInputStream());

            assertThat(new String(interim, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 100");
            // forwarded: the backend's CSRF check answered
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("x-csrf-token")).isEqualTo("Required");
        }
    }

    @Test
    void headRequestIsAnsweredWithoutBody(Sandbox sandbox) throws IOException {
        try (Socket socket = new Socket(sandbox.proxyHost(), sandbox.proxyHttpPort())) {
            socket.setSoTimeout(5_000);
            String head = "HEAD " + ORDERS + " HTTP/1.1\r\nHost: erp.internal:44300\r\nProxy-Authorization: Bearer "
                    + token + "\r\nAuthorization: " + salesBasic() + "\r\n\r\n";
            String get = "GET http://erp.internal:44300" + SALES_SERVICE_PATH + "/A_SalesOrder('2') HTTP/1.1\r\n"
                    + "Host: erp.internal:44300\r\nProxy-Authorization: Bearer " + token + "\r\nAuthorization: "
                    + salesBasic() + "\r\n\r\n";
            socket.getOutputStream().write((head + get).getBytes(StandardCharsets.ISO_8859_1));
            SandboxClient.RawResponse headResponse = SandboxClient.readResponse(socket.getInputStream());
            SandboxClient.RawResponse getResponse = SandboxClient.readResponse(socket.getInputStream());

            assertThat(headResponse.status()).isEqualTo(200);
            assertThat(headResponse.body()).isEmpty();
            assertThat(getResponse.status()).isEqualTo(200);
            assertThat(getResponse.body()).contains("\"SalesOrder\":\"2\"");
        }
    }

    @Test
    void unreachableInternalSystemIs502(Sandbox sandbox) throws IOException {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        sandbox.cloudConnector().connector("").map("down.internal", 80, "127.0.0.1", closedPort)
                .allowPath("down.internal", 80, "/", true);

        HttpResponse<String> response = send(proxied("http://down.internal/anything"));

        assertThat(response.statusCode()).isEqualTo(502);
    }
}
