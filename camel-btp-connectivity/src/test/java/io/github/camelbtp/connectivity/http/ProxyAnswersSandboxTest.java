package io.github.camelbtp.connectivity.http;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ProxyAnswers} fed with the answers the sandbox's Connectivity proxy and backends really give to requests sent
 * through it: the proxy's refusals become {@link CloudConnectorException}s, the backend's own answers are left alone.
 */
@ExtendWith(SandboxExtension.class)
class ProxyAnswersSandboxTest {

    private static final String ORDERS = "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    private static Optional<CloudConnectorException> explain(ResolvedDestination r, Http.Answer answer) {
        String body = answer.body() == null ? null : answer.body().substring(0, Math.min(300, answer.body().length()));
        return ProxyAnswers.explain(r, answer.status(), answer.header("Allow"), body);
    }

    /** The same destination with its headers replaced (to send what a broken client would). */
    private static ResolvedDestination withHeaders(ResolvedDestination r, List<HttpHeader> headers) {
        return new ResolvedDestination(r.destination(), r.url(), headers, r.queryParameters(), r.proxy(), r.connectTimeout(),
                r.readTimeout(), r.challengeCredentials(), r.tls());
    }

    @Test
    void proxy407BecomesCloudConnectorExceptionNamingTheDestination(Sandbox sandbox) {
        ResolvedDestination erp = engines.bound(sandbox).resolve("OnPremiseERP", DestinationOptions.NONE);
        List<HttpHeader> withoutProxyToken = erp.headers().stream().filter(h -> !h.name().equals("Proxy-Authorization")).toList();

        Http.Answer answer = Http.send(withHeaders(erp, withoutProxyToken), "GET", ORDERS);

        assertThat(answer.status()).isEqualTo(407);
        CloudConnectorException e = explain(erp, answer).orElseThrow();
        assertThat(e.status()).isEqualTo(407);
        assertThat(e.destinationName()).isEqualTo("OnPremiseERP");
        assertThat(e.getMessage()).contains("'OnPremiseERP'").contains("connectivity");
    }

    @Test
    void proxy503ForAnUnknownLocationIdBecomesCloudConnectorExceptionNamingIt(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.staticDestinations(List.of(Destination.of("ErpNowhere",
                Map.of("URL", "http://erp.internal:44300", "ProxyType", "OnPremise", "CloudConnectorLocationId", "Nowhere"),
                StaticDestinationLoader.SOURCE))));
        ResolvedDestination r = engine.resolve("ErpNowhere", DestinationOptions.NONE);

        Http.Answer answer = Http.send(r, "GET", ORDERS);

        assertThat(answer.status()).isEqualTo(503);
        CloudConnectorException e = explain(r, answer).orElseThrow();
        assertThat(e.locationId()).isEqualTo("Nowhere");
        assertThat(e.getMessage()).contains("'ErpNowhere'").contains("'Nowhere'");
    }

    @Test
    void proxy503ForADisconnectedConnectorBecomesCloudConnectorException(Sandbox sandbox) {
        ResolvedDestination plant = engines.bound(sandbox).resolve("OnPremiseERPPlant01", DestinationOptions.NONE);
        sandbox.cloudConnector().connector("Plant01").setConnected(false);
        try {
            Http.Answer answer = Http.send(plant, "GET", ORDERS);

            assertThat(answer.status()).isEqualTo(503);
            CloudConnectorException e = explain(plant, answer).orElseThrow();
            assertThat(e.locationId()).isEqualTo("Plant01");
            assertThat(e.getMessage()).contains("'OnPremiseERPPlant01'").contains("'Plant01'");
        } finally {
            sandbox.cloudConnector().connector("Plant01").setConnected(true);
        }
    }

    @Test
    void proxy405ForAnHttpsTargetBecomesCloudConnectorException(Sandbox sandbox) {
        ResolvedDestination erp = engines.bound(sandbox).resolve("OnPremiseERP", DestinationOptions.NONE);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "erp.internal:44300");
        erp.headers().forEach(h -> headers.put(h.name(), h.value()));

        // what a client would send if it ignored the engine's URL check: an https target in absolute form
        Http.Answer answer = Http.raw(sandbox.proxyHost(), sandbox.proxyHttpPort(),
                "GET https://erp.internal:44300" + ORDERS + " HTTP/1.1", headers);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).isNull();
        CloudConnectorException e = explain(erp, answer).orElseThrow();
        assertThat(e.getMessage()).contains("'OnPremiseERP'").contains("http://");
    }

    @Test
    void cloudConnectorAccessDenialBecomesCloudConnectorException(Sandbox sandbox) {
        ResolvedDestination plant = engines.bound(sandbox).resolve("OnPremiseERPPlant01", DestinationOptions.NONE);

        Http.Answer answer = Http.send(plant, "GET", "/sap/bc/adt/discovery");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).startsWith("Access denied to system erp.internal:44300");
        CloudConnectorException e = explain(plant, answer).orElseThrow();
        assertThat(e.locationId()).isEqualTo("Plant01");
        assertThat(e.getMessage()).contains("'OnPremiseERPPlant01'").contains("Access denied to system erp.internal:44300")
                .contains("'Plant01'");
        assertThat(sandbox.cloudConnector().auditLog()).isNotEmpty();
    }

    @Test
    void backend403IsLeftAlone(Sandbox sandbox) {
        ResolvedDestination erp = engines.bound(sandbox).resolve("OnPremiseERP", DestinationOptions.NONE);

        // a modifying request without CSRF token: the backend itself refuses it
        Http.Answer answer = Http.send(erp, "POST", ORDERS);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("CSRF");
        assertThat(explain(erp, answer)).isEmpty();
    }

    @Test
    void backend405WithAllowIsLeftAlone(Sandbox sandbox) {
        // the cloud API, exposed as an on-premise system by the Cloud Connector, answers 405 with Allow to a POST
        int apiPort = sandbox.cloudApiUri().getPort();
        sandbox.cloudConnector().connector("").map("api.internal", 8080, "127.0.0.1", apiPort)
                .allowPath("api.internal", 8080, "/public", true);
        try {
            BtpConnectivity engine = engines.bound(sandbox, b -> b.staticDestinations(List.of(Destination.of("OnPremiseApi",
                    Map.of("URL", "http://api.internal:8080", "ProxyType", "OnPremise"), StaticDestinationLoader.SOURCE))));
            ResolvedDestination r = engine.resolve("OnPremiseApi", DestinationOptions.NONE);

            Http.Answer answer = Http.send(r, "POST", "/public/ping");

            assertThat(answer.status()).isEqualTo(405);
            assertThat(answer.header("Allow")).isNotBlank();
            assertThat(explain(r, answer)).isEmpty();
        } finally {
            sandbox.cloudConnector().connector("").unmap("api.internal", 8080);
        }
    }

    @Test
    void successfulAnswerIsLeftAlone(Sandbox sandbox) {
        ResolvedDestination erp = engines.bound(sandbox).resolve("OnPremiseERP", DestinationOptions.NONE);

        Http.Answer answer = Http.send(erp, "GET", ORDERS);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(explain(erp, answer)).isEmpty();
    }
}
