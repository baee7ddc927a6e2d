package io.github.camelbtp.sandbox.onpremise.abap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo ABAP system speaks SAP's SOAP-RFC and WSDL formats behind the Cloud Connector's RFC allow-list. */
@ExtendWith(SandboxExtension.class)
class AbapSystemTest {

    private static final String RFC = "http://erp.internal:8000/sap/bc/soap/rfc?sap-client=100";

    private static String token;
    private static HttpClient viaProxy;

    @BeforeAll
    static void connectivityToken(Sandbox sandbox) {
        token = SandboxClient.connectivityToken(sandbox);
        viaProxy = SandboxClient.viaProxy(sandbox);
    }

    private static String envelope(String function, String parameters) {
        return "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap-env:Body>"
                + "<urn:" + function + " xmlns:urn=\"urn:sap-com:document:sap:rfc:functions\">" + parameters + "</urn:"
                + function + "></soap-env:Body></soap-env:Envelope>";
    }

    private static HttpResponse<String> post(String url, String body, String user, String password) {
        return SandboxClient.send(viaProxy, HttpRequest.newBuilder(URI.create(url))
                .header("Proxy-Authorization", "Bearer " + token)
                .header("Authorization", SandboxClient.basic(user, password))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> post(String body) {
        return post(RFC, body, DemoDestinations.RFC_USER, DemoDestinations.RFC_PASSWORD);
    }

    @Test
    void answerIsTheFunctionsResponseElementInSapsNamespace() {
        HttpResponse<String> response = post(envelope("STFC_CONNECTION", "<REQUTEXT>hi</REQUTEXT>"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(response.body()).contains("<urn:STFC_CONNECTION.Response xmlns:urn=\"urn:sap-com:document:sap:rfc:functions\">")
                .contains("<ECHOTEXT>hi</ECHOTEXT>");
    }

    @Test
    void tablesComeBackOnlyWhenTheRequestCarriesThem() {
        String without = post(envelope("BAPI_SALESORDER_GETLIST", "<CUSTOMER_NUMBER>1000</CUSTOMER_NUMBER>")).body();
        String with = post(envelope("BAPI_SALESORDER_GETLIST", "<CUSTOMER_NUMBER>1000</CUSTOMER_NUMBER><SALES_ORDERS/>")).body();

        assertThat(without).doesNotContain("<SALES_ORDERS>");
        assertThat(with).contains("<SALES_ORDERS><item><SD_DOC>").contains("<NET_VALUE>2450.00</NET_VALUE>")
                .contains("<DOC_DATE>2024-01-15</DOC_DATE>");
    }

    @Test
    void abapExceptionIsASoapFaultNamingIt() {
        HttpResponse<String> response = post(envelope("Z_CBTP_RAISE", "<IV_EXCEPTION>NOT_FOUND</IV_EXCEPTION>"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<soap-env:Fault>").contains("<faultstring xml:lang=\"en\">NOT_FOUND</faultstring>")
                .contains("Z_CBTP_RAISE.Exception").contains("<Name>NOT_FOUND</Name>")
                .contains("<Text>The requested object does not exist</Text>");
    }

    @Test
    void namesWithSlashAreWrittenWithUnderscoreDash() {
        String body = post(envelope("_-CBTP_-ECHO", "<_-CBTP_-TEXT>x</_-CBTP_-TEXT>")).body();

        assertThat(body).contains("<urn:_-CBTP_-ECHO.Response").contains("<_-CBTP_-RESULT>x</_-CBTP_-RESULT>");
    }

    @Test
    void wsdlDescribesParametersWithSapsSimpleTypes() {
        HttpResponse<String> response = SandboxClient.send(viaProxy, HttpRequest.newBuilder(URI.create(
                "http://erp.internal:8000/sap/bc/soap/wsdl11?services=BAPI_SALESORDER_GETLIST&sap-client=100"))
                .header("Proxy-Authorization", "Bearer " + token)
                .header("Authorization", SandboxClient.basic(DemoDestinations.RFC_USER, DemoDestinations.RFC_PASSWORD))
                .GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<xsd:element name=\"BAPI_SALESORDER_GETLIST.Response\">")
                .contains("name=\"CUSTOMER_NUMBER\" type=\"s0:char10\"")
                .contains("<xsd:complexType name=\"TABLE_OF_BAPIORDERS\">")
                .contains("<xsd:simpleType name=\"decimal15.2\">").contains("<xsd:simpleType name=\"date\">");
    }

    @Test
    void cloudConnectorChecksOnlyThePathAndTheAbapSystemRefusesAFunctionWithoutS_Rfc(Sandbox sandbox) {
        sandbox.cloudConnector().clearAuditLog();

        HttpResponse<String> response = post(envelope("RFC_SYSTEM_INFO", ""));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<faultstring xml:lang=\"en\">RFC_NO_AUTHORITY</faultstring>")
                .contains("no RFC authorization for function module RFC_SYSTEM_INFO");
        assertThat(sandbox.cloudConnector().auditLog()).isEmpty();
    }

    @Test
    void genericS_RfcValueAuthorizesEveryFunctionStartingWithIt() {
        assertThat(post(envelope("Z_CBTP_TYPES", "")).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsALogonFailure() {
        HttpResponse<String> response = post(RFC, envelope("RFC_PING", ""), DemoDestinations.RFC_USER, "wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).contains("[ERP/100]");
    }

    @Test
    void aliasUserLogsOnAsItsUser() {
        String body = post(RFC, envelope("STFC_CONNECTION", ""), DemoDestinations.RFC_ALIAS_USER,
                DemoDestinations.RFC_PASSWORD).body();

        assertThat(body).contains("Logon_Data: 100/RFC_USER/EN");
    }

    @Test
    void uncommittedOrderOfAStatelessCallIsDiscarded(Sandbox sandbox) {
        int before = sandbox.abapSystem().salesOrders().committed().size();
        String order = "<ORDER_HEADER_IN><DOC_TYPE>TA</DOC_TYPE></ORDER_HEADER_IN><ORDER_PARTNERS><item><PARTN_ROLE>AG"
                + "</PARTN_ROLE><PARTN_NUMB>1000</PARTN_NUMB></item></ORDER_PARTNERS><ORDER_ITEMS_IN><item><MATERIAL>M-01"
                + "</MATERIAL></item></ORDER_ITEMS_IN><RETURN/>";

        assertThat(post(envelope("BAPI_SALESORDER_CREATEFROMDAT2", order)).body()).contains("has been saved");
        post(envelope("BAPI_TRANSACTION_COMMIT", "<WAIT>X</WAIT>"));

        assertThat(sandbox.abapSystem().salesOrders().committed()).hasSize(before);
        assertThat(sandbox.abapSystem().openSessions()).isZero();
    }

    @Test
    void inputThatDoesNotMatchItsTypeIsRejected() {
        HttpResponse<String> response = post(envelope("Z_CBTP_TYPES", "<IV_DATE>31.12.2024</IV_DATE>"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<Name>CX_SY_CONVERSION_ERROR</Name>").contains("IV_DATE");
    }
}
