package io.github.camelbtp.sandbox.observe;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault switches each service reads: what it answers while a switch is on, and that reset turns them off. */
@ExtendWith(SandboxExtension.class)
class FaultSwitchesTest {

    private static final String ERP = "http://" + DemoDestinations.ERP_VIRTUAL_HOST + ":" + DemoDestinations.ERP_VIRTUAL_PORT
            + DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder";

    @Test
    void destinationServiceGarbageAnswers200WithWhatIsNotJson(Sandbox sandbox) {
        sandbox.faults().destinationServiceGarbage(Faults.Garbage.NOT_JSON);

        HttpResponse<String> answer = find(sandbox);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("<html>");
    }

    @Test
    void destinationServiceTruncatedJsonIsCutInTheMiddle(Sandbox sandbox) {
        sandbox.faults().destinationServiceGarbage(Faults.Garbage.TRUNCATED_JSON);

        HttpResponse<String> answer = find(sandbox);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("{").doesNotEndWith("}");
    }

    @Test
    void tokenServiceGarbageAnswers200WithoutAToken(Sandbox sandbox) {
        sandbox.faults().tokenServiceGarbage(Faults.Garbage.TRUNCATED_JSON);

        HttpResponse<String> answer = tokenRequest(sandbox);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("access_token\":\"");
    }

    @Test
    void tokenServiceLatencyDelaysTheToken(Sandbox sandbox) {
        sandbox.faults().tokenServiceLatency(Duration.ofMillis(300));

        long start = System.nanoTime();
        HttpResponse<String> answer = tokenRequest(sandbox);

        assertThat(answer.statusCode()).isEqualTo(200);
        // a lower bound only: the fault's contract
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void connectivityProxyFailureAnswersTheStatusBeforeAnything(Sandbox sandbox) {
        sandbox.faults().connectivityProxyFailure(503);

        SandboxClient.RawResponse answer = SandboxClient.raw(sandbox, "GET " + ERP + " HTTP/1.1\r\nHost: erp\r\n"
                + "Proxy-Authorization: Bearer " + SandboxClient.connectivityToken(sandbox) + "\r\n\r\n");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(sandbox.counters().proxiedCalls()).isZero();
    }

    @Test
    void connectivityProxyCutsTheAnswerItForwarded(Sandbox sandbox) throws IOException {
        sandbox.faults().connectivityProxyCutsAnswers(true);

        byte[] received;
        try (Socket socket = new Socket(sandbox.proxyHost(), sandbox.proxyHttpPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET " + ERP + " HTTP/1.1\r\nHost: erp\r\nAuthorization: "
                    + SandboxClient.salesBasic() + "\r\nProxy-Authorization: Bearer "
                    + SandboxClient.connectivityToken(sandbox) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            received = socket.getInputStream().readAllBytes();
        }

        String text = new String(received, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("HTTP/1.1 200");
        int length = Integer.parseInt(text.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        assertThat(text.length() - text.indexOf("\r\n\r\n") - 4).isLessThan(length);
    }

    @Test
    void backendCutsTheBodyItAnnounced(Sandbox sandbox) {
        sandbox.faults().backendCutsBodies(true);

        assertThatThrownBy(() -> SandboxClient.get(URI.create(sandbox.cloudApiUri() + "/public/ping")))
                .hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void socks5CutAfterGreetingClosesWithoutChoosingAMethod(Sandbox sandbox) throws IOException {
        sandbox.faults().socks5Cut(Faults.SocksCut.AFTER_GREETING);

        try (Socket socket = new Socket(sandbox.proxyHost(), sandbox.connectivity().socks5Proxy().port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(new byte[] {5, 1, (byte) 0x80});
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void socks5CutAfterAuthenticationClosesWithoutTheAuthenticationReply(Sandbox sandbox) throws IOException {
        sandbox.faults().socks5Cut(Faults.SocksCut.AFTER_AUTHENTICATION);

        try (Socket socket = new Socket(sandbox.proxyHost(), sandbox.connectivity().socks5Proxy().port())) {
            socket.setSoTimeout(5_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            InputStream in = socket.getInputStream();
            out.write(new byte[] {5, 1, (byte) 0x80});
            assertThat(in.readNBytes(2)).containsExactly(5, 0x80);
            byte[] jwt = SandboxClient.connectivityToken(sandbox).getBytes(StandardCharsets.US_ASCII);
            byte[] location = Base64.getEncoder().encode(new byte[0]);
            out.write(1);
            out.writeInt(jwt.length);
            out.write(jwt);
            out.write(location.length);
            out.write(location);
            out.flush();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void everyNewSwitchIsOffAfterReset(Sandbox sandbox) {
        sandbox.faults().destinationServiceGarbage(Faults.Garbage.NOT_JSON).tokenServiceGarbage(Faults.Garbage.NOT_JSON)
                .tokenServiceLatency(Duration.ofSeconds(1)).connectivityProxyFailure(407).connectivityProxyCutsAnswers(true)
                .backendLatency(Duration.ofSeconds(1)).backendCutsBodies(true).socks5Cut(Faults.SocksCut.AFTER_GREETING);

        sandbox.reset();

        assertThat(sandbox.faults().toString()).isEqualTo(new Faults().toString());
        assertThat(find(sandbox).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> find(Sandbox sandbox) {
        return SandboxClient.send(HttpRequest.newBuilder(URI.create(sandbox.destinationServiceUri()
                        + "/destination-configuration/v1/destinations/" + DemoDestinations.ON_PREMISE_ERP))
                .header("Authorization", "Bearer " + SandboxClient.destinationToken(sandbox)).GET().build());
    }

    private static HttpResponse<String> tokenRequest(Sandbox sandbox) {
        var credentials = SandboxClient.credentials(sandbox, "connectivity");
        return SandboxClient.tokenRequest(sandbox, "grant_type=client_credentials", credentials.get("clientid").asText(),
                credentials.get("clientsecret").asText());
    }
}
