package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile-input corpus (issue 11), the families btp-destination meets on an exchange or in a destination: request
 * paths (dot segments in encodings not in {@link RequestTargetSecurityTest}), CRLF and oversized values in headers and
 * destination properties, incoming credentials, LDAP filter values and mail headers. Each row: a typed error naming
 * the destination and the culprit and nothing sent, or — where the input is harmless once encoded — proof that it
 * reached the target encoded (no injected header, no wider search, no extra recipient). No secret in any message or
 * DEBUG log line.
 */
class HostileRequestCorpusTest extends BtpDestinationTestSupport {

    private static final String INJECTED = "X-Injected";
    private static final String CALLER_SECRET = "caller-credential-3c9e";

    @RegisterExtension
    final DebugLogCapture logs = new DebugLogCapture("io.github.camelbtp", "org.apache.camel");

    private void assertNoSecretInMessageOrLogs(Exchange exchange) {
        StringBuilder text = new StringBuilder(String.join("\n", logs.lines()));
        for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
            text.append('\n').append(t);
        }
        assertThat(text.toString()).doesNotContain(DemoDestinations.SALES_PASSWORD).doesNotContain(CALLER_SECRET);
    }

    private void assertNothingInjected() {
        for (RecordedRequest r : sandbox().backendRequests().all()) {
            assertThat(r.hasHeader(INJECTED)).as("header injected into " + r).isFalse();
        }
        for (RecordedRequest r : sandbox().proxyRequests().all()) {
            assertThat(r.hasHeader(INJECTED)).as("header injected into " + r).isFalse();
        }
    }

    // ---- request paths: dot segments in encodings RequestTargetSecurityTest does not list ----

    static Stream<Named<String>> disguisedPaths() {
        return Stream.of(
                Named.of("overlong UTF-8 dot %c0%ae", "%c0%ae%c0%ae/%c0%ae%c0%ae/admin"),
                Named.of("overlong UTF-8 dot %C0%AE upper case", "%C0%AE%C0%AE/admin"),
                Named.of("3-byte overlong dot %e0%80%ae", "%e0%80%ae%e0%80%ae/admin"),
                Named.of("overlong UTF-8 slash %c0%af", "..%c0%af..%c0%afadmin"),
                Named.of("encoded backslash ..%5c", "..%5c..%5cadmin"),
                Named.of("encoded dots and backslash %2e%2e%5c", "%2e%2e%5cadmin"),
                Named.of("single raw backslash ..\\", "..\\admin"),
                Named.of("half-encoded dots .%2e/", ".%2e/.%2e/.%2e/admin"),
                Named.of("encoded NUL after dots ..%00/", "..%00/admin"),
                Named.of("IIS %u002e", "%u002e%u002e/admin"),
                Named.of("upper-case encoded slash ..%2F", "..%2F..%2F..%2Fetc"),
                Named.of("raw CRLF and a header in the path", "A_SalesOrder\r\nX-Injected: 1"),
                Named.of("raw NUL in the path", "A_SalesOrder\u0000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disguisedPaths")
    void disguisedDotSegmentOrControlCharacterInThePathIsRefusedBeforeAnyRequest(String path) {
        Exchange exchange = call("btp-destination:OnPremiseERP/sap", null, Map.of(Exchange.HTTP_PATH, path));

        assertThat(exchange.getException()).isInstanceOf(BtpConnectivityException.class)
                .hasMessageContaining("OnPremiseERP").hasMessageContaining("Refused path");
        assertThat(exchange.getException().getMessage()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0000");
        assertThat(sandbox().counters().proxiedCalls()).isZero();
        assertNoSecretInMessageOrLogs(exchange);
    }

    // ---- header values and names on the exchange ----

    static Stream<Arguments> hostileHeaders() {
        return Stream.of(
                Arguments.of(Named.of("CRLF and a header in a value", "X-Custom"), "a\r\nX-Injected: 1"),
                Arguments.of(Named.of("bare LF and a header in a value", "X-Custom"), "a\nX-Injected: 1"),
                Arguments.of(Named.of("bare CR and a header in a value", "X-Custom"), "a\rX-Injected: 1"),
                Arguments.of(Named.of("CRLF in a header name", "X-Custom\r\nX-Injected"), "1"),
                Arguments.of(Named.of("a colon and CRLF in a header name", "X-Custom: a\r\nX-Injected"), "1"),
                Arguments.of(Named.of("CRLF CRLF and a smuggled request", "X-Custom"),
                        "a\r\n\r\nGET /admin HTTP/1.1\r\nX-Injected: 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileHeaders")
    void lineBreakInAnExchangeHeaderNeverSplitsTheRequest(String name, String value) {
        Exchange exchange = call("btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1",
                null, Map.of(name, value));

        // either refused naming the header, or sent with the line break neutralised: never a second header or request
        if (exchange.getException() != null) {
            assertThat(exchange.getException()).isInstanceOf(BtpConnectivityException.class)
                    .hasMessageContaining("OnPremiseERP");
            assertThat(sandbox().counters().proxiedCalls()).isZero();
        }
        assertNothingInjected();
        assertThat(sandbox().backendRequests().matching(r -> r.path().equals("/admin"))).isEmpty();
        assertNoSecretInMessageOrLogs(exchange);
    }

    // ---- destination properties a destination administrator sets ----

    static Stream<Arguments> hostileDestinationProperties() {
        return Stream.of(
                Arguments.of(Named.of("URL.headers value with CRLF", "URL.headers.X-Admin"), "v\r\nX-Injected: 1"),
                Arguments.of(Named.of("URL.headers name with CRLF", "URL.headers.X-Admin\r\nX-Injected"), "1"),
                Arguments.of(Named.of("URL.headers name with a colon and CRLF", "URL.headers.X-Admin: v\r\nX-Injected"), "1"),
                Arguments.of(Named.of("CloudConnectorLocationId with CRLF", "CloudConnectorLocationId"), "loc\r\nX-Injected: 1"),
                Arguments.of(Named.of("URL.queries value with CRLF", "URL.queries.sap-client"), "100\r\nX-Injected: 1"),
                Arguments.of(Named.of("sap-client with CRLF", "sap-client"), "100\r\nX-Injected: 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDestinationProperties")
    void lineBreakInADestinationPropertyNeverSplitsTheRequest(String property, String value) {
        Map<String, String> destination = OnPremiseHttpTest.erp("HostileAdmin", Map.of(property, value));
        sandbox().destinations().putSubaccount(destination);
        try {
            Exchange exchange = get("btp-destination:HostileAdmin/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1");

            if (exchange.getException() != null) {
                assertThat(exchange.getException()).isInstanceOf(BtpConnectivityException.class)
                        .hasMessageContaining("HostileAdmin");
                assertThat(sandbox().counters().proxiedCalls()).isZero();
            }
            assertNothingInjected();
            assertNoSecretInMessageOrLogs(exchange);
        } finally {
            sandbox().destinations().delete("HostileAdmin");
        }
    }

    // ---- incoming credentials: never forwarded unless the endpoint asks ----

    static Stream<Arguments> incomingCredentials() {
        return Stream.of(
                Arguments.of(Named.of("Authorization Basic", "Authorization"), "Basic " + CALLER_SECRET),
                Arguments.of(Named.of("Authorization Bearer", "Authorization"), "Bearer " + CALLER_SECRET),
                Arguments.of(Named.of("Authorization Negotiate", "Authorization"), "Negotiate " + CALLER_SECRET),
                Arguments.of(Named.of("lower-case authorization", "authorization"), "Basic " + CALLER_SECRET),
                Arguments.of(Named.of("Cookie MYSAPSSO2", "Cookie"), "MYSAPSSO2=" + CALLER_SECRET),
                Arguments.of(Named.of("Proxy-Authorization", "Proxy-Authorization"), "Bearer " + CALLER_SECRET),
                Arguments.of(Named.of("SAP-Connectivity-Authentication", "SAP-Connectivity-Authentication"),
                        "Bearer " + CALLER_SECRET),
                Arguments.of(Named.of("SAP-Connectivity-Technical-Authentication", "SAP-Connectivity-Technical-Authentication"),
                        "Bearer " + CALLER_SECRET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incomingCredentials")
    void incomingCredentialIsNeverForwardedUnlessAsked(String header, String value) {
        Exchange exchange = call("btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1",
                null, Map.of(header, value));

        assertThat(exchange.getException()).isNull();
        List<RecordedRequest> sent = new java.util.ArrayList<>(sandbox().backendRequests().all());
        sent.addAll(sandbox().proxyRequests().all());
        assertThat(sent).isNotEmpty().allSatisfy(r -> assertThat(r.toString() + r.headers()).doesNotContain(CALLER_SECRET));
        assertNoSecretInMessageOrLogs(exchange);
    }

    // ---- LDAP filter values ----

    static Stream<Named<String>> ldapInjections() {
        return Stream.of(
                Named.of("a lone wildcard", "*"),
                Named.of("closing the filter and OR-ing everything", "emp001)(|(uid=*"),
                Named.of("a complete filter as the value", "(objectClass=*)"),
                Named.of("a NUL to cut the filter", "emp001\u0000)(uid=*"),
                Named.of("an escaped wildcard written by the caller", "\\2a"),
                Named.of("a backslash-escaped paren", "emp001\\29(uid=*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ldapInjections")
    void ldapFilterValueCannotWidenTheSearch(String value) {
        Exchange exchange = call("btp-destination:" + DemoDestinations.CORPORATE_LDAP + "?ldapBaseDn=ou=people," + DemoDestinations.LDAP_BASE_DN
                + "&ldapFilter=(uid={uid})", null, Map.of(BtpDestinationConstants.LDAP_FILTER_VALUES, Map.of("uid", value)));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).as("entries found for " + value).isEmpty();
        assertNoSecretInMessageOrLogs(exchange);
    }

    // ---- mail headers ----

    static Stream<Arguments> mailInjections() {
        return Stream.of(
                Arguments.of(Named.of("CRLF and Bcc in Subject", "Subject"), "Hello\r\nBcc: intruder@evil.example"),
                Arguments.of(Named.of("bare LF and Bcc in Subject", "Subject"), "Hello\nBcc: intruder@evil.example"),
                Arguments.of(Named.of("CRLF and Bcc in To", "To"), DemoDestinations.INBOX_USER + "\r\nBcc: intruder@evil.example"),
                Arguments.of(Named.of("CRLF and Bcc in Cc", "Cc"), "controlling@corp.example\r\nBcc: intruder@evil.example"),
                Arguments.of(Named.of("CRLF and Bcc in From", "From"), DemoDestinations.MAIL_USER + "\r\nBcc: intruder@evil.example"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mailInjections")
    void lineBreakInAMailHeaderAddsNoRecipientOrHeader(String header, String value) throws Exception {
        sandbox().mailServer().purge();
        Map<String, Object> headers = new LinkedHashMap<>(Map.of("To", DemoDestinations.INBOX_USER, "Subject", "Corpus"));
        headers.put(header, value);
        Exchange exchange = call("btp-destination:" + DemoDestinations.CORPORATE_MAIL, "body", headers);

        if (exchange.getException() == null) {
            assertThat(sandbox().mailServer().waitForMessages(1, 5_000)).isTrue();
        }
        for (MimeMessage m : sandbox().mailServer().receivedMessages()) {
            assertThat(m.getHeader("Bcc")).isNull();
            assertThat(addresses(m.getAllRecipients())).noneMatch(a -> a.contains("evil.example"));
        }
        assertThat(sandbox().mailServer().greenMail().getReceivedMessagesForDomain("evil.example")).as("delivered to the intruder")
                .isEmpty();
        assertNoSecretInMessageOrLogs(exchange);
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }
}
