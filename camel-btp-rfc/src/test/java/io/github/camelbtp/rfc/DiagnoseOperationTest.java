package io.github.camelbtp.rfc;

import io.github.camelbtp.connectivity.Cause;
import io.github.camelbtp.connectivity.DiagnosisReport;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code btp-rfc:...?operation=diagnose}: the engine's hops with RFC_PING over SOAP-RFC as the backend hop; for each
 * fault of the sandbox the failed hop in the header, SAP's cause and fix in the body, nothing thrown, no secret shown.
 */
class DiagnoseOperationTest extends BtpRfcTestSupport {

    private Exchange diagnose(String destination) {
        return call("btp-rfc:RFC_PING?destination=" + destination + "&operation=diagnose", null);
    }

    /** The binding's client secrets and the RFC user's password: none may appear in a report. */
    private List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        Matcher m = Pattern.compile("\"clientsecret\"\\s*:\\s*\"([^\"]+)\"").matcher(sandbox().vcapServices());
        while (m.find()) {
            secrets.add(m.group(1));
        }
        secrets.add(DemoDestinations.RFC_PASSWORD);
        return secrets;
    }

    private void assertFailedAt(Exchange exchange, String hop, Cause cause, String... more) {
        assertThat(exchange.getException()).isNull();
        String table = exchange.getMessage().getBody(String.class);
        assertThat(exchange.getMessage().getHeader(BtpRfcConstants.DIAGNOSIS_FAILED_HOP)).as(table).isEqualTo(hop);
        assertThat(table).contains("cause: " + cause.cause()).contains("fix:   " + cause.fix());
        assertThat(exchange.getMessage().getBody(DiagnosisReport.class).toMap()).containsEntry("failedHop", hop);
        assertThat(secrets()).isNotEmpty().allSatisfy(secret -> assertThat(table).doesNotContain(secret));
        for (String secret : more) {
            assertThat(table).doesNotContain(secret);
        }
    }

    @Test
    void passingRfcDestinationPingsTheSystemAndHasNoFailedHop() {
        Exchange exchange = diagnose(ERP_RFC);

        assertThat(exchange.getException()).isNull();
        String table = exchange.getMessage().getBody(String.class);
        assertThat(exchange.getMessage().getHeaders()).as(table).doesNotContainKey(BtpRfcConstants.DIAGNOSIS_FAILED_HOP);
        assertThat(table).contains("every hop passed").contains("RFC_PING answered over SOAP-RFC")
                .contains("user " + DemoDestinations.RFC_USER + ", client 100").contains("connectivity token obtained")
                .contains("let the request through").contains("Type RFC, sent over HTTP: ProxyType OnPremise")
                .contains("URL http://erp.internal:8000");
        assertThat(secrets()).allSatisfy(secret -> assertThat(table).doesNotContain(secret));
        assertThat(exchange.getMessage().getBody(DiagnosisReport.class).passed()).isTrue();
    }

    @Test
    void cloudConnectorDisconnectedFailsTheCloudConnectorHop() {
        sandbox().cloudConnector().connector("").setConnected(false);
        try {

            assertFailedAt(diagnose(ERP_RFC), "cloud-connector", Cause.PROXY_503);
        } finally {
            // the sandbox outlives the test: connect the Cloud Connector again
            sandbox().cloudConnector().connector("").setConnected(true);
        }
    }

    @Test
    void soapRfcPathNotAllowedInTheCloudConnectorFailsTheCloudConnectorHop() {
        // the ICM is mapped, but only /sap/bc/soap/… is an allowed resource: another service prefix is denied
        String name = rfcDestination("ERP_RFC_NOT_ALLOWED", Map.of("SoapRfcURL",
                "http://erp.internal:8000/not-allowed" + "/sap/bc/soap/rfc"));

        Exchange exchange = diagnose(name);

        assertFailedAt(exchange, "cloud-connector", Cause.ACCESS_DENIED);
        assertThat(exchange.getMessage().getBody(String.class)).contains("status 403").contains("Access denied to system");
    }

    @Test
    void wrongPasswordFailsTheAuthenticationHopWithoutShowingIt() {
        String name = rfcDestination("ERP_RFC_DIAGNOSE_WRONG_PASSWORD", Map.of("jco.client.passwd", "Not-The-Password-77"));

        Exchange exchange = diagnose(name);

        assertFailedAt(exchange, "authentication", Cause.BACKEND_REJECTED_CREDENTIALS, "Not-The-Password-77");
        assertThat(exchange.getMessage().getBody(String.class)).contains("answered 401")
                .contains(DemoDestinations.RFC_USER).contains("client 100");
    }

    @Test
    void rfcDestinationWithoutApplicationServerFailsTheDestinationHop() {
        Map<String, String> changes = new java.util.HashMap<>();
        changes.put("jco.client.ashost", null);
        String name = rfcDestination("ERP_RFC_NO_HOST", changes);

        assertFailedAt(diagnose(name), "destination", Cause.DESTINATION_INVALID);
    }

    @Test
    void unknownOperationIsRefusedWhenTheRouteIsBuilt() {
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.getEndpoint("btp-rfc:RFC_PING?destination=" + ERP_RFC + "&operation=ping")))
                .hasStackTraceContaining("operation must be call or diagnose");
    }
}
