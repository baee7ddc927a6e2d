package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.Cause;
import io.github.camelbtp.connectivity.DiagnosisReport;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.github.camelbtp.sandbox.demo.DemoDestinations.ON_PREMISE_ERP;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_SERVICE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code operation=diagnose}: for each fault of the sandbox the exchange names the failed hop, the body carries SAP's
 * cause and the fix, nothing is thrown and no secret is shown.
 */
class DiagnoseOperationTest extends BtpDestinationTestSupport {

    private Exchange diagnose(String nameAndPath) {
        return get("btp-destination:" + nameAndPath + "?operation=diagnose");
    }

    /** The failed hop in the header, the cause and fix in the body's table, no exception, no secret. */
    private void assertFailedAt(Exchange exchange, String hop, Cause cause, String... secrets) {
        assertThat(exchange.getException()).isNull();
        String table = exchange.getMessage().getBody(String.class);
        assertThat(exchange.getMessage().getHeader(BtpDestinationConstants.DIAGNOSIS_FAILED_HOP)).as(table).isEqualTo(hop);
        assertThat(table).contains("cause: " + cause.cause()).contains("fix:   " + cause.fix());
        assertThat(exchange.getMessage().getBody(DiagnosisReport.class).toMap()).containsEntry("failedHop", hop);
        for (String secret : Engines.bindingSecrets(sandbox())) {
            assertThat(table).doesNotContain(secret);
        }
        for (String secret : secrets) {
            assertThat(table).doesNotContain(secret);
        }
    }

    private void variant(String name, Map<String, String> changes) {
        Map<String, String> properties = new HashMap<>(sandbox().destinations().get(ON_PREMISE_ERP).orElseThrow());
        properties.put("Name", name);
        properties.putAll(changes);
        sandbox().destinations().putSubaccount(properties);
    }

    @Test
    void passingDestinationHasNoFailedHopHeaderAndATableBody() {
        Exchange exchange = diagnose(ON_PREMISE_ERP + SALES_SERVICE_PATH);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(BtpDestinationConstants.DIAGNOSIS_FAILED_HOP);
        assertThat(exchange.getMessage().getBody(String.class)).contains("every hop passed").contains("backend")
                .contains("HTTP 200").doesNotContain(DemoDestinations.SALES_PASSWORD);
        assertThat(sandbox().salesOrders()).isNotNull();
    }

    @Test
    void destinationServiceDownFailsTheDestinationHop() {
        sandbox().faults().destinationServiceDown(true);

        assertFailedAt(diagnose(ON_PREMISE_ERP), "destination", Cause.DESTINATION_SERVICE_UNAVAILABLE);
    }

    @Test
    void badClientSecretFailsTheServiceTokenHop() throws Exception {
        String secret = Engines.credential(sandbox(), "destination", "clientsecret");
        try (CamelContext other = new DefaultCamelContext()) {
            BtpDestinationComponent component = new BtpDestinationComponent();
            component.getEngineOptions().setVcapServices(sandbox().vcapServices().replace(secret, "bad-secret-0815"));
            other.addComponent("btp-destination", component);
            other.start();
            Exchange exchange = other.createProducerTemplate().request("btp-destination:" + ON_PREMISE_ERP
                    + "?operation=diagnose", e -> { });

            assertFailedAt(exchange, "service-token", Cause.SERVICE_TOKEN_REJECTED, "bad-secret-0815");
        }
    }

    @Test
    void wrongLocationIdFailsTheCloudConnectorHop() {
        variant("WrongLocation", Map.of("CloudConnectorLocationId", "NoSuchPlant"));

        assertFailedAt(diagnose("WrongLocation" + SALES_SERVICE_PATH), "cloud-connector", Cause.PROXY_503);
    }

    @Test
    void pathNotAllowedFailsTheCloudConnectorHop() {
        assertFailedAt(diagnose(ON_PREMISE_ERP + "/sap/bc/not-allowed"), "cloud-connector", Cause.ACCESS_DENIED);
    }

    @Test
    void pathFromTheCamelHttpPathHeaderIsDiagnosed() {
        Exchange exchange = call("btp-destination:" + ON_PREMISE_ERP + "?operation=diagnose", null,
                Map.of(BtpDestinationConstants.HTTP_PATH, SALES_SERVICE_PATH));

        assertThat(exchange.getMessage().getHeaders()).as(exchange.getMessage().getBody(String.class))
                .doesNotContainKey(BtpDestinationConstants.DIAGNOSIS_FAILED_HOP);
    }

    @Test
    void httpsOnPremiseFailsTheProxyHop() {
        String url = sandbox().destinations().get(ON_PREMISE_ERP).orElseThrow().get("URL").replace("http:", "https:");
        variant("HttpsOnPremise", Map.of("URL", url));

        assertFailedAt(diagnose("HttpsOnPremise"), "proxy", Cause.PROXY_405_HTTPS);
    }

    @Test
    void cloudConnectorDisconnectedFailsTheCloudConnectorHop() {
        sandbox().cloudConnector().connector("").setConnected(false);
        try {

            assertFailedAt(diagnose(ON_PREMISE_ERP + SALES_SERVICE_PATH), "cloud-connector", Cause.PROXY_503);
        } finally {
            // the sandbox outlives the test: connect the Cloud Connector again
            sandbox().cloudConnector().connector("").setConnected(true);
        }
    }

    @Test
    void socks5MappingMissingFailsTheCloudConnectorHop() {
        sandbox().cloudConnector().connector("").unmap(DemoDestinations.LEGACY_TCP_VIRTUAL_HOST,
                DemoDestinations.LEGACY_TCP_VIRTUAL_PORT);
        try {

            Exchange exchange = diagnose(DemoDestinations.LEGACY_TCP);

            assertFailedAt(exchange, "cloud-connector", Cause.SOCKS5_NO_MAPPING);
            assertThat(exchange.getMessage().getBody(String.class)).contains("SOCKS5 reply code 02");
        } finally {
            // the sandbox outlives the test: map the echo service again
            sandbox().cloudConnector().connector("").map(DemoDestinations.LEGACY_TCP_VIRTUAL_HOST,
                    DemoDestinations.LEGACY_TCP_VIRTUAL_PORT, "127.0.0.1", sandbox().echoService().port());
        }
    }

    @Test
    void backend401FailsTheAuthenticationHop() {
        variant("WrongPassword", Map.of("Password", "not-the-password-42"));

        assertFailedAt(diagnose("WrongPassword" + SALES_SERVICE_PATH), "authentication", Cause.BACKEND_REJECTED_CREDENTIALS,
                "not-the-password-42");
    }

    @Test
    void mailDestinationPassesWithGreetingAndLogin() {
        Exchange exchange = diagnose(DemoDestinations.CORPORATE_MAIL);

        String table = exchange.getMessage().getBody(String.class);
        assertThat(exchange.getMessage().getHeaders()).as(table).doesNotContainKey(BtpDestinationConstants.DIAGNOSIS_FAILED_HOP);
        assertThat(table).contains("SMTP greeting").contains("login as " + DemoDestinations.MAIL_USER)
                .doesNotContain(DemoDestinations.MAIL_PASSWORD);
    }

    @Test
    void mailDestinationWithWrongPasswordFailsTheBackendHopWithoutShowingIt() {
        Map<String, String> mail = new HashMap<>(sandbox().destinations().get(DemoDestinations.CORPORATE_MAIL).orElseThrow());
        mail.put("Name", "WrongMail");
        mail.put("mail.password", "wrong-mail-password-7");
        sandbox().destinations().putSubaccount(mail);

        Exchange exchange = diagnose("WrongMail");

        assertThat(exchange.getMessage().getHeader(BtpDestinationConstants.DIAGNOSIS_FAILED_HOP))
                .as(exchange.getMessage().getBody(String.class)).isEqualTo("backend");
        assertThat(exchange.getMessage().getBody(String.class)).doesNotContain("wrong-mail-password-7");
    }

    @Test
    void ldapDestinationPassesWithABind() {
        Exchange exchange = diagnose(DemoDestinations.CORPORATE_LDAP);

        String table = exchange.getMessage().getBody(String.class);
        assertThat(exchange.getMessage().getHeaders()).as(table).doesNotContainKey(BtpDestinationConstants.DIAGNOSIS_FAILED_HOP);
        assertThat(table).contains("LDAP bind as").doesNotContain(DemoDestinations.LDAP_PASSWORD);
    }

    @Test
    void tcpDestinationPassesWithAConnection() {
        Exchange exchange = diagnose(DemoDestinations.LEGACY_TCP);

        assertThat(exchange.getMessage().getHeaders()).as(exchange.getMessage().getBody(String.class))
                .doesNotContainKey(BtpDestinationConstants.DIAGNOSIS_FAILED_HOP);
        assertThat(exchange.getMessage().getBody(String.class)).contains("TCP connection to legacy.internal:9000 opened");
    }
}
