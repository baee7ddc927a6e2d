package io.github.camelbtp.sandbox;

import static io.github.camelbtp.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a client does with nothing but the binding: the flows the quickstart runs. */
@ExtendWith(SandboxExtension.class)
class EndToEndTest {

    private static JsonNode find(Sandbox sandbox, String name) {
        return json(SandboxClient.get(URI.create(sandbox.destinationServiceUri()
                + "/destination-configuration/v1/destinations/" + name), "Authorization",
                "Bearer " + SandboxClient.destinationToken(sandbox)).body());
    }

    @Test
    void onPremiseDestinationReachesSalesOrdersThroughProxyWithLocationId(Sandbox sandbox) {
        JsonNode destination = find(sandbox, DemoDestinations.ON_PREMISE_ERP_PLANT01);
        JsonNode configuration = destination.get("destinationConfiguration");
        JsonNode header = destination.get("authTokens").get(0).get("http_header");

        HttpResponse<String> response = SandboxClient.send(SandboxClient.viaProxy(sandbox), HttpRequest.newBuilder(
                        URI.create(configuration.get("URL").asText() + DemoDestinations.SALES_SERVICE_PATH
                                + "/A_SalesOrder?$top=5"))
                .header("Proxy-Authorization", "Bearer " + SandboxClient.connectivityToken(sandbox))
                .header("SAP-Connectivity-SCC-Location_ID", configuration.get("CloudConnectorLocationId").asText())
                .header(header.get("key").asText(), header.get("value").asText())
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("d").get("results")).hasSize(5);
        assertThat(sandbox.counters().proxiedCalls()).isEqualTo(1);
        assertThat(sandbox.counters().backendCalls()).isEqualTo(1);
    }

    @Test
    void oauthDestinationTokenOpensTheCloudApi(Sandbox sandbox) {
        JsonNode destination = find(sandbox, DemoDestinations.CLOUD_SALES_API);
        JsonNode header = destination.get("authTokens").get(0).get("http_header");

        HttpResponse<String> response = SandboxClient.get(URI.create(
                destination.get("destinationConfiguration").get("URL").asText() + "/api/v1/products"),
                header.get("key").asText(), header.get("value").asText());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void publicCatalogNeedsNoCredentials(Sandbox sandbox) {
        JsonNode configuration = find(sandbox, DemoDestinations.PUBLIC_CATALOG).get("destinationConfiguration");

        HttpResponse<String> response = SandboxClient.get(URI.create(configuration.get("URL").asText() + "/ping"));

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
