package io.github.camelbtp.rfc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

/** RFC destinations ({@code jco.*}) and HTTP destinations as the way to the system; all traffic through the engine. */
class DestinationsTest extends BtpRfcTestSupport {

    private RecordedRequest lastProxyRequest() {
        return sandbox().proxyRequests().last().orElseThrow();
    }

    @Test
    void onPremiseCallTravelsThroughTheConnectivityProxyToTheDerivedIcmAddress() {
        sandbox().reset();
        rfc("btp-rfc:RFC_PING?destination=" + ERP_RFC, null);

        RecordedRequest proxied = lastProxyRequest();
        assertThat(proxied.hasHeader("Proxy-Authorization")).isTrue();
        assertThat(proxied.hasHeader("SAP-Connectivity-SCC-Location_ID")).isFalse();
        assertThat(proxied.path()).isEqualTo("/sap/bc/soap/rfc");
        RecordedRequest arrived = sandbox().backendRequests().last().orElseThrow();
        assertThat(arrived.rawQuery()).contains("sap-client=100").contains("sap-language=EN");
        assertThat(arrived.header("Authorization")).startsWith("Basic ");
        assertThat(sandbox().counters().proxiedCalls()).isEqualTo(2); // WSDL + call
    }

    @Test
    void locationIdOfTheRfcDestinationReachesTheProxy() {
        String name = rfcDestination("ERP_RFC_PLANT01",
                Map.of("jco.client.cloud_connector_location_id", DemoDestinations.PLANT01_LOCATION_ID));

        rfc("btp-rfc:RFC_PING?destination=" + name, null);

        assertThat(lastProxyRequest().header("SAP-Connectivity-SCC-Location_ID")).isEqualTo(DemoDestinations.PLANT01_LOCATION_ID);
    }

    @Test
    void soapRfcCallAnswered503ByTheConnectivityProxyIsSentOnce() {
        // a SOAP-RFC call is a POST, and a BAPI must never run twice: HttpClient's default re-sent it after a 503
        String name = rfcDestination("ERP_RFC_NOWHERE_ONCE", Map.of("jco.client.cloud_connector_location_id", "Nowhere"));

        // without metadata: the call itself is the first request (not a GET of the function's interface)
        assertThat(call("btp-rfc:RFC_PING?metadata=false&destination=" + name, null).getException())
                .isInstanceOf(CloudConnectorException.class);
        assertThat(sandbox().proxyRequests().matching(r -> r.method().equals("POST"))).as("POSTs at the proxy").hasSize(1);
    }

    @Test
    void unknownLocationIdIsTheCloudConnectorsAnswer() {
        String name = rfcDestination("ERP_RFC_NOWHERE", Map.of("jco.client.cloud_connector_location_id", "Nowhere"));

        assertThat(call("btp-rfc:RFC_PING?destination=" + name, null).getException())
                .isInstanceOfSatisfying(CloudConnectorException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void loadBalancedDestinationUsesTheMessageServerAndAliasUser() {
        Map<String, Object> out = rfc("btp-rfc:STFC_CONNECTION?destination=" + DemoDestinations.ERP_RFC_LOAD_BALANCED,
                map("REQUTEXT", "lb"));

        assertThat((String) out.get("RESPTEXT")).contains("Logon_Data: 100/RFC_USER/DE");
        assertThat(sandbox().proxyRequests().last().orElseThrow().header("Host")).startsWith("erp-ms.internal:8100");
    }

    @Test
    void httpDestinationCanBeTheTransport() {
        Map<String, Object> out = rfc("btp-rfc:STFC_CONNECTION?destination=" + DemoDestinations.ERP_SOAP_HTTP,
                map("REQUTEXT", "via HTTP destination"));

        assertThat(out).containsEntry("ECHOTEXT", "via HTTP destination");
    }

    @Test
    void endpointOptionOverridesTheDerivedSoapUrl() {
        // instance 01 would be port 8001, which the Cloud Connector does not map
        String name = rfcDestination("ERP_RFC_SYSNR01", Map.of("jco.client.sysnr", "01"));
        assertThat(call("btp-rfc:RFC_PING?destination=" + name, null).getException())
                .isInstanceOf(CloudConnectorException.class).hasMessageContaining("erp.internal:8001");

        Exchange exchange = call("btp-rfc:RFC_PING?destination=" + name
                + "&soapUrl=http://erp.internal:8000/sap/bc/soap/rfc", null);

        assertThat(exchange.getException()).isNull();
    }

    @Test
    void destinationPropertyOverridesTheDerivedSoapUrl() {
        String name = rfcDestination("ERP_RFC_SOAP_URL", Map.of("jco.client.sysnr", "01",
                "SoapRfcURL", "http://erp.internal:8000"));

        assertThat(call("btp-rfc:RFC_PING?destination=" + name, null).getException()).isNull();
    }

    @Test
    void clientMustHaveThreeDigits() {
        String name = rfcDestination("ERP_RFC_BAD_CLIENT", Map.of("jco.client.client", "1"));

        assertThat(call("btp-rfc:RFC_PING?destination=" + name, null).getException())
                .isInstanceOfSatisfying(DestinationConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo("jco.client.client"));
    }

    @Test
    void userLongerThanTwelveCharactersPointsToTheAlias() {
        String name = rfcDestination("ERP_RFC_LONG_USER", Map.of("jco.client.user", "A_VERY_LONG_USER_NAME"));

        assertThat(call("btp-rfc:RFC_PING?destination=" + name, null).getException())
                .isInstanceOf(DestinationConfigurationException.class).hasMessageContaining("jco.client.alias_user");
    }

    @Test
    void destinationWithoutHostNamesWhatIsMissing() {
        Map<String, String> changes = new HashMap<>();
        changes.put("jco.client.ashost", null);
        String name = rfcDestination("ERP_RFC_NO_HOST", changes);

        assertThat(call("btp-rfc:RFC_PING?destination=" + name, null).getException())
                .isInstanceOfSatisfying(DestinationConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo("jco.client.ashost"));
    }

    @Test
    void messageServerPortCannotBeDerivedFromAServiceName() {
        Map<String, String> changes = new HashMap<>();
        changes.put("jco.client.ashost", null);
        changes.put("jco.client.mshost", "erp-ms.internal");
        changes.put("jco.client.msserv", "sapmsERP");
        String name = rfcDestination("ERP_RFC_MS_NAME", changes);

        assertThat(call("btp-rfc:RFC_PING?destination=" + name, null).getException())
                .isInstanceOf(DestinationConfigurationException.class).hasMessageContaining("SoapRfcURL");
    }

    @Test
    void principalPropagationGoesToTheEngineWhichNamesWhatItNeeds() {
        String name = rfcDestination("ERP_RFC_PP", Map.of("jco.destination.auth_type", "PrincipalPropagation"));

        assertThat(call("btp-rfc:RFC_PING?destination=" + name, null).getException())
                .isInstanceOfSatisfying(DestinationConfigurationException.class, e -> {
                    assertThat(e.property()).isEqualTo("Authentication");
                    assertThat(e.getMessage()).contains("PrincipalPropagation");
                });
    }

    @Test
    void destinationsOfOtherTypesAreRefused() {
        Map<String, String> mail = Map.of("Name", "MAIL_DEST", "Type", "MAIL", "mail.smtp.host", "smtp.internal");
        sandbox().destinations().putSubaccount(mail);

        assertThat(call("btp-rfc:RFC_PING?destination=MAIL_DEST", null).getException())
                .isInstanceOf(DestinationConfigurationException.class).hasMessageContaining("RFC destination");
    }

    @Test
    void secretsNeverAppearInEndpointsOrErrors() {
        String name = rfcDestination("ERP_RFC_SECRET", Map.of("jco.client.passwd", "Top-Secret-Pw-1"));

        Exchange exchange = call("btp-rfc:RFC_PING?destination=" + name, null);

        assertThat(exchange.getException()).isNotNull();
        assertThat(exchange.getException().toString()).doesNotContain("Top-Secret-Pw-1");
        assertThat(context.getEndpoints()).allSatisfy(e -> assertThat(e.getEndpointUri()).doesNotContain("Top-Secret"));
        assertThat(context.getComponent("btp-rfc", BtpRfcComponent.class).connectivity()
                .destination(name, io.github.camelbtp.connectivity.DestinationOptions.NONE).toString())
                .doesNotContain("Top-Secret-Pw-1");
    }
}
