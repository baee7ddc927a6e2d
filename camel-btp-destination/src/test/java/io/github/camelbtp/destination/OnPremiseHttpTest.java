package io.github.camelbtp.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationNotFoundException;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OnPremiseERP demo destination through the Connectivity proxy and the Cloud Connector. */
class OnPremiseHttpTest extends BtpDestinationTestSupport {

    private static final String SALES = "sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onPremiseReadGoesThroughTheConnectivityProxyToTheBackend() throws Exception {
        Exchange exchange = get("btp-destination:OnPremiseERP/" + SALES + "?$top=3&$format=json");

        assertThat(exchange.getException()).isNull();
        JsonNode results = JSON.readTree(exchange.getMessage().getBody(String.class)).path("d").path("results");
        assertThat(results).hasSize(3);
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(200);
        assertThat(sandbox().counters().proxiedCalls()).isEqualTo(1);
        RecordedRequest atBackend = sandbox().backendRequests().last().orElseThrow();
        assertThat(atBackend.path()).isEqualTo("/" + SALES);
        assertThat(atBackend.header("Authorization")).startsWith("Basic ");
        assertThat(atBackend.hasHeader("Proxy-Authorization")).isFalse();
    }

    @Test
    void endpointQueryParametersPassThroughToTheTarget() throws Exception {
        Exchange exchange = get("btp-destination:OnPremiseERP/" + SALES
                + "?$filter=SalesOrderType%20eq%20'OR'&$top=2&sap-client=100");

        assertThat(exchange.getException()).isNull();
        String rawQuery = sandbox().backendRequests().last().orElseThrow().rawQuery();
        assertThat(rawQuery).contains("$top=2").contains("sap-client=100").contains("$filter=");
        JsonNode results = JSON.readTree(exchange.getMessage().getBody(String.class)).path("d").path("results");
        assertThat(results).hasSize(2);
        results.forEach(order -> assertThat(order.path("SalesOrderType").asText()).isEqualTo("OR"));
    }

    @Test
    void onPremiseRequestCarriesLocationIdHeader() {
        // Plant01's connector is down: only a request that names Plant01 can fail with 503 for that location
        sandbox().cloudConnector().connector("Plant01").setConnected(false);
        try {
            Exchange viaPlant = get("btp-destination:OnPremiseERPPlant01/" + SALES + "?$top=1");
            assertThat(sandbox().proxyRequests().last().orElseThrow().header("SAP-Connectivity-SCC-Location_ID"))
                    .isEqualTo("Plant01");
            Exchange viaDefault = get("btp-destination:OnPremiseERP/" + SALES + "?$top=1");
            assertThat(sandbox().proxyRequests().last().orElseThrow().hasHeader("SAP-Connectivity-SCC-Location_ID"))
                    .isFalse();

            assertThat(viaPlant.getException()).isInstanceOf(CloudConnectorException.class);
            assertThat(((CloudConnectorException) viaPlant.getException()).locationId()).isEqualTo("Plant01");
            assertThat(viaDefault.getException()).isNull();
        } finally {
            sandbox().cloudConnector().connector("Plant01").setConnected(true);
        }
        sandbox().proxyRequests().clear();
        assertThat(get("btp-destination:OnPremiseERPPlant01/" + SALES + "?$top=1").getException()).isNull();
        // what the Connectivity proxy received, not what the client meant to send [using-the-connectivity-proxy-f3c1ef4]
        assertThat(sandbox().proxyRequests().all()).singleElement()
                .satisfies(atProxy -> assertThat(atProxy.header("SAP-Connectivity-SCC-Location_ID")).isEqualTo("Plant01"));
    }

    @Test
    void unknownLocationIdBecomesCloudConnectorExceptionWith503() {
        sandbox().destinations().putSubaccount(erp("ERPNowhere", Map.of("CloudConnectorLocationId", "Nowhere")));

        Exception e = get("btp-destination:ERPNowhere/" + SALES).getException();

        assertThat(e).isInstanceOf(CloudConnectorException.class);
        CloudConnectorException cce = (CloudConnectorException) e;
        assertThat(cce.status()).isEqualTo(503);
        assertThat(cce.locationId()).isEqualTo("Nowhere");
        assertThat(cce.getMessage()).contains("ERPNowhere").contains("Nowhere").contains("CloudConnectorLocationId");
    }

    @Test
    void pathNotAllowedInCloudConnectorBecomesCloudConnectorExceptionWith403() {
        Exception e = get("btp-destination:OnPremiseERP/sap/bc/adt/discovery").getException();

        assertThat(e).isInstanceOf(CloudConnectorException.class);
        assertThat(((CloudConnectorException) e).status()).isEqualTo(403);
        assertThat(e.getMessage()).contains("OnPremiseERP").contains("Access denied to system erp.internal:44300")
                .contains("access control");
        assertThat(sandbox().cloudConnector().auditLog()).isNotEmpty();
    }

    @Test
    void unmappedVirtualHostBecomesCloudConnectorExceptionWith403() {
        sandbox().destinations().putSubaccount(erp("ERPUnmapped", Map.of("URL", "http://unknown.internal:8000")));

        Exception e = get("btp-destination:ERPUnmapped/" + SALES).getException();

        assertThat(e).isInstanceOf(CloudConnectorException.class);
        assertThat(e.getMessage()).contains("unknown.internal:8000");
    }

    @Test
    void backendErrorsStayHttpOperationFailedExceptions() {
        Exception e = get("btp-destination:OnPremiseERP/" + SALES + "('does-not-exist')").getException();

        assertThat(e).isInstanceOf(HttpOperationFailedException.class);
        assertThat(((HttpOperationFailedException) e).getStatusCode()).isEqualTo(404);
    }

    @Test
    void httpsUrlOnOnPremiseDestinationFailsFastWithoutCallingTheProxy() {
        sandbox().destinations().putSubaccount(erp("ERPHttps", Map.of("URL", "https://erp.internal:44300")));

        Exception e = get("btp-destination:ERPHttps/" + SALES).getException();

        assertThat(e).isInstanceOf(DestinationConfigurationException.class);
        assertThat(((DestinationConfigurationException) e).property()).isEqualTo("URL");
        assertThat(e.getMessage()).contains("ERPHttps").contains("http://").contains("405");
        assertThat(sandbox().counters().proxiedCalls()).isZero();
    }

    @Test
    void proxyTokenNotIssuedToTheConnectivityClientBecomesCloudConnectorExceptionWith407() throws Exception {
        // a well-formed binding whose connectivity client is the destination client: the proxy must refuse its token
        JsonNode vcap = JSON.readTree(sandbox().vcapServices());
        var connectivity = (com.fasterxml.jackson.databind.node.ObjectNode) vcap.path("connectivity").get(0).path("credentials");
        JsonNode destination = vcap.path("destination").get(0).path("credentials");
        connectivity.put("clientid", destination.path("clientid").asText());
        connectivity.put("clientsecret", destination.path("clientsecret").asText());
        BtpDestinationComponent other = new BtpDestinationComponent();
        other.getEngineOptions().setVcapServices(JSON.writeValueAsString(vcap));
        // bound differently from the context's btp-destination: an engine of its own, not the shared one
        other.getEngineOptions().setSharedEngine(false);
        context.addComponent("btp-wrong-proxy-client", other);

        Exception e = get("btp-wrong-proxy-client:OnPremiseERP/" + SALES).getException();

        assertThat(e).isInstanceOf(CloudConnectorException.class);
        assertThat(((CloudConnectorException) e).status()).isEqualTo(407);
        assertThat(e.getMessage()).contains("OnPremiseERP").contains("connectivity");
    }

    @Test
    void onPremiseDestinationWithoutConnectivityBindingNamesTheMissingBinding() throws Exception {
        JsonNode vcap = JSON.readTree(sandbox().vcapServices());
        ((com.fasterxml.jackson.databind.node.ObjectNode) vcap).remove("connectivity");
        BtpDestinationComponent other = new BtpDestinationComponent();
        other.getEngineOptions().setVcapServices(JSON.writeValueAsString(vcap));
        // bound differently from the context's btp-destination: an engine of its own, not the shared one
        other.getEngineOptions().setSharedEngine(false);
        context.addComponent("btp-no-connectivity", other);

        Exception e = get("btp-no-connectivity:OnPremiseERP/" + SALES).getException();

        assertThat(e).isInstanceOf(DestinationConfigurationException.class);
        assertThat(e.getMessage()).contains("OnPremiseERP").contains("connectivity").contains("ProxyType");
    }

    @Test
    void missingDestinationIsTypedErrorNamingTheSources() {
        Exception e = get("btp-destination:NoSuchDestination/x").getException();

        assertThat(e).isInstanceOf(DestinationNotFoundException.class);
        assertThat(e.getMessage()).contains("NoSuchDestination").contains("Destination Service");
    }

    @Test
    void urlHeadersAndQueriesOfTheDestinationAreAppliedToEveryRequest() {
        Map<String, String> extra = new HashMap<>();
        extra.put("URL.headers.X-Tenant-Hint", "acme");
        extra.put("URL.queries.sap-client", "100");
        extra.put("URL.queries.sap-language", "EN");
        sandbox().destinations().putSubaccount(erp("ERPWithExtras", extra));

        for (int i = 0; i < 2; i++) {
            assertThat(get("btp-destination:ERPWithExtras/" + SALES + "?$top=1").getException()).isNull();
            RecordedRequest atBackend = sandbox().backendRequests().last().orElseThrow();
            assertThat(atBackend.header("X-Tenant-Hint")).isEqualTo("acme");
            assertThat(atBackend.rawQuery()).contains("sap-client=100").contains("sap-language=EN").contains("$top=1");
        }
    }

    static Map<String, String> erp(String name, Map<String, String> overrides) {
        Map<String, String> d = new HashMap<>();
        d.put("Name", name);
        d.put("Type", "HTTP");
        d.put("URL", "http://erp.internal:44300");
        d.put("ProxyType", "OnPremise");
        d.put("Authentication", "BasicAuthentication");
        d.put("User", io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_USER);
        d.put("Password", io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_PASSWORD);
        d.putAll(overrides);
        return d;
    }
}
