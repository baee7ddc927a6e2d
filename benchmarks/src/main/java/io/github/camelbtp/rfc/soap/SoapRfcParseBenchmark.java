package io.github.camelbtp.rfc.soap;

import io.github.camelbtp.rfc.FunctionInterface;
import io.github.camelbtp.rfc.spi.RfcCall;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Issue 12, target 7: btp-rfc's SOAP-RFC answer parser against a bare StAX pass over the same bytes, for the sandbox
 * ABAP system's {@code Z_GET_SALES_DATA} answer of {@code rows} rows (default 200,000: 9 fields a row, ~42 MB). The
 * answer and the function's interface (its WSDL, read by btp-rfc's {@code WsdlInterfaceReader}) are fetched once at
 * set-up, the request written by btp-rfc's own {@code SoapRfcRequestWriter}; then each operation parses the bytes in
 * memory, no network:
 * <ul>
 * <li>{@code btpRfcTyped}: {@code SoapRfcResponseReader.read} with the interface, as btp-rfc reads an answer with
 * metadata on (the default): typed rows ({@code LocalDate}, {@code LocalTime}, {@code BigDecimal}, …);</li>
 * <li>{@code btpRfcStrings}: the same reader without the interface (metadata off: values stay strings);</li>
 * <li>{@code bareStax}: a bare pass with the same factory settings, counting start elements — the floor;</li>
 * <li>{@code bareStaxWithText}: the bare pass also reading each field's text into a {@code String} — what any
 * reader that hands values to a caller must at least do.</li>
 * </ul>
 * Target: {@code btpRfcTyped} within 2× {@code bareStax} (docs/performance.md, target 7). In this package because the
 * reader is btp-rfc's internal type; the benchmark is not shipped.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SoapRfcParseBenchmark {

    private static final String FUNCTION = "Z_GET_SALES_DATA";

    @Param("200000")
    public int rows;

    private byte[] answer;
    private FunctionInterface salesData;
    private XMLInputFactory bare;

    @Setup(Level.Trial)
    public void fetchAnswer() throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            HttpClient client = HttpClient.newHttpClient();
            String basic = "Basic " + Base64.getEncoder().encodeToString((DemoDestinations.RFC_USER + ":"
                    + DemoDestinations.RFC_PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<InputStream> wsdl = client.send(HttpRequest.newBuilder(URI.create(sandbox.abapSystemUri()
                            + SoapRfcAddress.WSDL_SERVICE + "?services=" + FUNCTION + "&sap-client=100"))
                    .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = wsdl.body()) {
                salesData = WsdlInterfaceReader.read(FUNCTION, in);
            }
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            SoapRfcRequestWriter.write(request, new RfcCall(FUNCTION, Map.of("IV_ROWS", rows,
                    "IV_INCLUDE_CANCELLED", true), salesData, Set.of(), Set.of()));
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(sandbox.abapSystemUri()
                            + SoapRfcAddress.RFC_SERVICE + "?sap-client=100"))
                    .header("Authorization", basic).header("Content-Type", "text/xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(FUNCTION + " answered " + response.statusCode());
            }
            answer = response.body();
        }
        bare = XMLInputFactory.newFactory();
        bare.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        bare.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        bare.setProperty(XMLInputFactory.IS_COALESCING, true);
        // the answer must be what the target names, or the figures compare nothing
        int parsed = ((List<?>) ((SoapRfcResponseReader.Result) btpRfcTyped()).parameters().get("ET_SALES")).size();
        if (parsed != rows) {
            throw new IllegalStateException("expected " + rows + " rows, the reader returned " + parsed);
        }
        System.out.println("answer: " + answer.length + " bytes, " + bareStax() + " elements");
    }

    @Benchmark
    public Object btpRfcTyped() throws XMLStreamException {
        return SoapRfcResponseReader.read(new ByteArrayInputStream(answer), salesData, Set.of());
    }

    @Benchmark
    public Object btpRfcStrings() throws XMLStreamException {
        return SoapRfcResponseReader.read(new ByteArrayInputStream(answer), null, Set.of());
    }

    @Benchmark
    public long bareStax() throws XMLStreamException {
        XMLStreamReader xml = bare.createXMLStreamReader(new ByteArrayInputStream(answer));
        long elements = 0;
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                elements++;
            }
        }
        xml.close();
        return elements;
    }

    @Benchmark
    public long bareStaxWithText() throws XMLStreamException {
        XMLStreamReader xml = bare.createXMLStreamReader(new ByteArrayInputStream(answer));
        long chars = 0;
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.CHARACTERS) {
                chars += xml.getText().length();
            }
        }
        xml.close();
        return chars;
    }
}
