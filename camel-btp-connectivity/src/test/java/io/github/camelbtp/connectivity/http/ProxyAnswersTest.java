package io.github.camelbtp.connectivity.http;

import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.destination.Destination;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link ProxyAnswers} on hand-made answers; {@link ProxyAnswersSandboxTest} feeds it the answers the
 * sandbox proxy really gives.
 */
class ProxyAnswersTest {

    private static ResolvedDestination resolved(String proxyType, String locationId) {
        Map<String, String> p = new java.util.HashMap<>(Map.of("URL", "http://erp.internal:44300", "ProxyType", proxyType));
        if (locationId != null) {
            p.put("CloudConnectorLocationId", locationId);
        }
        Destination d = Destination.of("OnPremiseERP", p, "static configuration");
        return new ResolvedDestination(d, URI.create("http://erp.internal:44300"), List.of(), Map.of(),
                new ProxyAddress("127.0.0.1", 20003), Duration.ofSeconds(5), Duration.ofSeconds(30), null, null);
    }

    @Test
    void proxy407IsACloudConnectorExceptionNamingDestination() {
        CloudConnectorException e = ProxyAnswers.explain(resolved("OnPremise", null), 407, null, "").orElseThrow();

        assertThat(e.status()).isEqualTo(407);
        assertThat(e.destinationName()).isEqualTo("OnPremiseERP");
        assertThat(e.getMessage()).contains("'OnPremiseERP'").contains("407");
    }

    @Test
    void proxy503NamesTheLocationId() {
        CloudConnectorException e = ProxyAnswers.explain(resolved("OnPremise", "Plant01"), 503, null, "").orElseThrow();

        assertThat(e.locationId()).isEqualTo("Plant01");
        assertThat(e.getMessage()).contains("'OnPremiseERP'").contains("'Plant01'");
    }

    @Test
    void proxy503WithoutLocationIdSaysSo() {
        CloudConnectorException e = ProxyAnswers.explain(resolved("OnPremise", null), 503, null, "").orElseThrow();

        assertThat(e.locationId()).isEmpty();
        assertThat(e.getMessage()).contains("without location ID");
    }

    @Test
    void status405WithoutAllowIsTheProxysRefusal() {
        assertThat(ProxyAnswers.explain(resolved("OnPremise", null), 405, null, "")).isPresent();
    }

    @Test
    void status405WithAllowIsTheBackendsAnswer() {
        assertThat(ProxyAnswers.explain(resolved("OnPremise", null), 405, "GET, HEAD", "")).isEmpty();
    }

    @Test
    void accessDenied403IsTheCloudConnectorsDenial() {
        CloudConnectorException e = ProxyAnswers.explain(resolved("OnPremise", "Plant01"), 403, null,
                "Access denied to system erp.internal:44300\nmore").orElseThrow();

        assertThat(e.getMessage()).contains("Access denied to system erp.internal:44300").contains("'Plant01'")
                .doesNotContain("more");
    }

    @Test
    void backend403IsLeftAlone() {
        assertThat(ProxyAnswers.explain(resolved("OnPremise", null), 403, null, "{\"error\":\"forbidden\"}")).isEmpty();
        assertThat(ProxyAnswers.explain(resolved("OnPremise", null), 403, null, null)).isEmpty();
    }

    @Test
    void internetDestinationAnswersAreNeverExplainedAsProxyAnswers() {
        assertThat(ProxyAnswers.explain(resolved("Internet", null), 407, null, "")).isEmpty();
        assertThat(ProxyAnswers.explain(resolved("Internet", null), 503, null, "")).isEmpty();
    }

    @Test
    void ordinaryStatusesAreLeftAlone() {
        assertThat(ProxyAnswers.explain(resolved("OnPremise", null), 200, null, "")).isEmpty();
        assertThat(ProxyAnswers.explain(resolved("OnPremise", null), 404, null, "")).isEmpty();
        assertThat(ProxyAnswers.explain(resolved("OnPremise", null), 500, null, "")).isEmpty();
    }
}
