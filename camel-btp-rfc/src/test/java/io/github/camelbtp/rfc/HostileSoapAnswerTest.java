package io.github.camelbtp.rfc;

import com.sun.net.httpserver.HttpServer;
import io.github.camelbtp.connectivity.BtpConnectivityException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile-input corpus, family "SOAP-RFC answers" (issue 11): a loopback HTTP server plays the ABAP system behind an
 * HTTP destination and answers every request (WSDL and SOAP-RFC call) with one hostile body — not XML, a DTD with
 * external entities, entity expansion, truncated, not UTF-8. Each row is an {@link RfcException} (a
 * {@link BtpConnectivityException}) naming the destination, with no file content, password or entity expansion in
 * the message; external entities are never fetched and the call is never sent twice.
 */
class HostileSoapAnswerTest extends BtpRfcTestSupport {

    private static final String PASSWORD = "hostile-rfc-password-62ad";
    private static final String FILE_SECRET = "contents-of-a-local-file-8e01";

    private HttpServer server;
    private volatile byte[] answer;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger entityFetches = new AtomicInteger();
    private static Path localFile;

    @BeforeEach
    void hostileSystem() throws IOException {
        localFile = Files.createTempFile("corpus", ".txt");
        Files.writeString(localFile, FILE_SECRET);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().startsWith("/entity")) {
                entityFetches.incrementAndGet();
            } else if ("POST".equals(exchange.getRequestMethod())) {
                calls.incrementAndGet();
            }
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        sandbox().destinations().putSubaccount(Map.of("Name", "HostileAbap", "Type", "HTTP", "ProxyType", "Internet",
                "URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/sap/bc/soap/rfc",
                "Authentication", "BasicAuthentication", "User", "RFC_USER", "Password", PASSWORD));
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        sandbox().destinations().delete("HostileAbap");
        Files.deleteIfExists(localFile);
    }

    private static final String ENVELOPE_START = "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap-env:Body><urn:RFC_PING.Response xmlns:urn=\"urn:sap-com:document:sap:rfc:functions\">";
    private static final String ENVELOPE_END = "</urn:RFC_PING.Response></soap-env:Body></soap-env:Envelope>";

    static Stream<Named<String>> hostileAnswers() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
                + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
                + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
                + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
                + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
                + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>"
                + ENVELOPE_START + "<ECHOTEXT>&lol9;</ECHOTEXT>" + ENVELOPE_END;
        return Stream.of(
                Named.of("plain text, not XML", "Service unavailable"),
                Named.of("an HTML logon page answered with 200", "<html><head><title>Logon</title></head><body><form/></body></html>"),
                Named.of("an empty body", ""),
                Named.of("XML cut inside the envelope", ENVELOPE_START + "<ECHOTEXT>cut"),
                Named.of("XXE: an external entity reading a local file", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"FILE\">]>"
                        + ENVELOPE_START + "<ECHOTEXT>&x;</ECHOTEXT>" + ENVELOPE_END),
                Named.of("XXE: an external entity fetched over HTTP", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"SINK\">]>"
                        + ENVELOPE_START + "<ECHOTEXT>&x;</ECHOTEXT>" + ENVELOPE_END),
                Named.of("XXE: an external DTD", "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"SINK\">" + ENVELOPE_START + ENVELOPE_END),
                Named.of("XXE: a parameter entity", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"SINK\"> %p;]>"
                        + ENVELOPE_START + ENVELOPE_END),
                Named.of("billion laughs (entity expansion)", laughs),
                Named.of("bytes that are not UTF-8", ENVELOPE_START + "<ECHOTEXT>\u00C0\u00AE\u00FF</ECHOTEXT>" + ENVELOPE_END + "\u00FE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileAnswers")
    void hostileSoapAnswerIsAnRfcExceptionNamingTheDestination(String body) {
        String sink = "http://127.0.0.1:" + server.getAddress().getPort() + "/entity";
        String text = body.replace("FILE", localFile.toUri().toString()).replace("SINK", sink);
        answer = text.contains("\u00FE") ? text.getBytes(StandardCharsets.ISO_8859_1) : text.getBytes(StandardCharsets.UTF_8);

        Exchange exchange = call("btp-rfc:RFC_PING?destination=HostileAbap", Map.of());

        assertThat(exchange.getException()).isInstanceOf(RfcException.class);
        RfcException e = (RfcException) exchange.getException();
        assertThat(e.destinationName()).isEqualTo("HostileAbap");
        assertThat(e.getMessage()).contains("HostileAbap");
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t).append('\n');
        }
        assertThat(chain.toString()).doesNotContain(FILE_SECRET).doesNotContain(PASSWORD).doesNotContain("lollollol");
        assertThat(entityFetches).as("external entities fetched").hasValue(0);
        assertThat(calls.get()).as("SOAP-RFC calls sent").isLessThanOrEqualTo(1);
    }
}
