package io.github.camelbtp.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.support.TestPki;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.wire.HttpsBackend;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret hygiene at DEBUG (issue 11): every authentication flow the sandbox offers runs through btp-destination with
 * camel-btp's, Camel's and Apache HttpClient's loggers at DEBUG — except HttpClient's wire and header loggers and the
 * two that print the request line as sent, which show raw traffic by design (docs/security.md) — and no password, client secret, token, key store password,
 * {@code URL.queries} value or Basic credential appears in any line or exception message.
 */
class SecretHygieneAtDebugTest extends BtpDestinationTestSupport {

    private static final String CLIENT = "sb-hygiene!t9";
    private static final String CLIENT_SECRET = "hygiene-client-secret-4e2b";
    private static final String SAML_CLIENT = "hygiene-saml-client";
    private static final String SAML_SECRET = "hygiene-saml-secret-77c1";
    private static final String USER_PASSWORD = "hygiene-user-password-1f0a";
    private static final String QUERY_KEY = "hygiene-api-key-6d93";
    private static final String STORE_PASSWORD = "hygiene-store-password-c2e8";
    private static final String WRONG_PASSWORD = "hygiene-wrong-password-0b5d";

    @RegisterExtension
    final DebugLogCapture logs = new DebugLogCapture("io.github.camelbtp", "org.apache.camel", "org.apache.hc")
            .off("org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers",
                    // these two print the request line as sent ("ex-… executing GET /path?apikey=…"): a URL.queries
                    // value travels in it, so they are as raw as the wire loggers (docs/security.md)
                    "org.apache.hc.client5.http.impl.classic.MainClientExec",
                    "org.apache.hc.client5.http.impl.classic.HttpRequestRetryExec");

    private final Set<String> secrets = new LinkedHashSet<>();
    private final List<Exchange> exchanges = new ArrayList<>();

    private Map<String, String> oauth(String name, String authentication) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "HTTP");
        d.put("URL", sandbox().cloudApiUri().toString());
        d.put("ProxyType", "Internet");
        d.put("Authentication", authentication);
        d.put("tokenServiceURL", sandbox().tokenServiceUri() + "/oauth/token");
        d.put("clientId", CLIENT);
        d.put("clientSecret", CLIENT_SECRET);
        return d;
    }

    private Exchange run(String uri, Map<String, Object> headers, Object body) {
        Exchange exchange = call(uri, body, headers);
        exchanges.add(exchange);
        collectSecretsSeenOnTheWire();
        return exchange;
    }

    /** The credentials the servers received (tokens issued during the run included): the scheme's value after it. */
    private void collectSecretsSeenOnTheWire() {
        List<RecordedRequest> seen = new ArrayList<>(sandbox().backendRequests().all());
        seen.addAll(sandbox().proxyRequests().all());
        seen.addAll(sandbox().serviceRequests().all());
        for (RecordedRequest r : seen) {
            for (String header : List.of("Authorization", "Proxy-Authorization", "SAP-Connectivity-Authentication",
                    "SAP-Connectivity-Technical-Authentication", "x-user-token")) {
                for (String value : r.headers(header)) {
                    secrets.add(value.contains(" ") ? value.substring(value.indexOf(' ') + 1) : value);
                }
            }
        }
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyAuthenticationFlowLogsNoSecretAtDebug() throws Exception {
        sandbox().oauthClients().register(CLIENT, CLIENT_SECRET);
        sandbox().oauthClients().register(SAML_CLIENT, SAML_SECRET);
        sandbox().users().register("hygiene-user", USER_PASSWORD);
        String userToken = sandbox().userToken("hygiene-alice");
        String refreshToken = sandbox().refreshToken("hygiene-bob", CLIENT);
        secrets.addAll(List.of(CLIENT_SECRET, SAML_SECRET, USER_PASSWORD, QUERY_KEY, STORE_PASSWORD, WRONG_PASSWORD,
                userToken, refreshToken, DemoDestinations.SALES_PASSWORD, DemoDestinations.MAIL_PASSWORD,
                DemoDestinations.LDAP_PASSWORD, basic(DemoDestinations.SALES_USER, DemoDestinations.SALES_PASSWORD),
                basic(DemoDestinations.SALES_USER, WRONG_PASSWORD), basic(CLIENT, CLIENT_SECRET),
                basic(SAML_CLIENT, SAML_SECRET)));
        JsonNode vcap = new ObjectMapper().readTree(sandbox().vcapServices());
        vcap.forEach(service -> secrets.add(service.get(0).path("credentials").path("clientsecret").asText()));

        Map<String, String> password = oauth("HygienePassword", "OAuth2Password");
        password.put("User", "hygiene-user");
        password.put("Password", USER_PASSWORD);
        Map<String, String> saml = oauth("HygieneSamlBearer", "OAuth2SAMLBearerAssertion");
        saml.remove("clientSecret");
        saml.put("audience", "https://gateway.example/sap/bc/sec/oauth2/token");
        saml.put("clientKey", SAML_CLIENT);
        saml.put("authnContextClassRef", "urn:oasis:names:tc:SAML:2.0:ac:classes:PreviousSession");
        saml.put("tokenServiceUser", SAML_CLIENT);
        saml.put("tokenServicePassword", SAML_SECRET);
        Map<String, String> withQueryKey = oauth("HygieneQueryKey", "NoAuthentication");
        withQueryKey.put("URL.queries.apikey", QUERY_KEY);
        List<Map<String, String>> destinations = List.of(password, saml, withQueryKey,
                oauth("HygieneClientCredentials", "OAuth2ClientCredentials"), oauth("HygieneJwtBearer", "OAuth2JWTBearer"),
                oauth("HygieneUserTokenExchange", "OAuth2UserTokenExchange"), oauth("HygieneRefresh", "OAuth2RefreshToken"),
                OnPremiseHttpTest.erp("HygienePrincipal", Map.of("Authentication", "PrincipalPropagation")),
                OnPremiseHttpTest.erp("HygieneWrongPassword", Map.of("Password", WRONG_PASSWORD)));
        destinations.forEach(sandbox().destinations()::putSubaccount);

        TestPki ca = new TestPki("hygiene CA");
        TestPki.Issued client = ca.client("hygiene-route");
        HttpsBackend mtls = sandbox().httpsBackend(ca.server("localhost").serverContext(ca), true);
        sandbox().certificates().put("hygiene-client.p12", client.p12(STORE_PASSWORD)).put("hygiene-ca.crt", ca.crt());
        sandbox().destinations().putSubaccount(Map.of("Name", "HygieneCertificate", "Type", "HTTP", "ProxyType", "Internet",
                "URL", mtls.uri("localhost").toString(), "TrustStoreLocation", "hygiene-ca.crt",
                "Authentication", "ClientCertificateAuthentication", "KeyStoreLocation", "hygiene-client.p12",
                "KeyStorePassword", STORE_PASSWORD));
        try {
            Map<String, Object> user = Map.of("Authorization", "Bearer " + userToken);
            String orders = DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1";
            // BasicAuthentication + connectivity token through the Connectivity proxy
            assertThat(run("btp-destination:OnPremiseERP" + orders, Map.of(), null).getException()).isNull();
            // server-side client credentials (the Destination Service fetched the token)
            assertThat(run("btp-destination:CloudSalesAPI/api/v1/products", Map.of(), null).getException()).isNull();
            // client-side OAuth flows
            assertThat(run("btp-destination:HygieneClientCredentials/api/v1/products", Map.of(), null).getException()).isNull();
            assertThat(run("btp-destination:HygienePassword/api/v1/me", Map.of(), null).getException()).isNull();
            // user flows
            assertThat(run("btp-destination:HygieneJwtBearer/api/v1/me", user, null).getException()).isNull();
            assertThat(run("btp-destination:HygieneUserTokenExchange/api/v1/me", user, null).getException()).isNull();
            assertThat(run("btp-destination:HygieneRefresh/api/v1/me", Map.of(BtpDestinationConstants.REFRESH_TOKEN,
                    refreshToken), null).getException()).isNull();
            assertThat(run("btp-destination:HygieneSamlBearer/api/v1/me", user, null).getException()).isNull();
            run("btp-destination:HygienePrincipal" + orders, user, null);
            // certificates: a key store with its password from the Destination Service
            assertThat(run("btp-destination:HygieneCertificate/whoami", Map.of(), null).getException()).isNull();
            // an API key in URL.queries
            assertThat(run("btp-destination:HygieneQueryKey/public/ping", Map.of(), null).getException()).isNull();
            // SOCKS5 authentication with the connectivity token: LDAP bind and SMTP login through the Cloud Connector
            assertThat(run("btp-destination:" + DemoDestinations.CORPORATE_LDAP + "?ldapBaseDn=ou=people,"
                    + DemoDestinations.LDAP_BASE_DN + "&ldapFilter=(uid={uid})", Map.of(BtpDestinationConstants.LDAP_FILTER_VALUES,
                    Map.of("uid", "emp001")), null).getException()).isNull();
            assertThat(run("btp-destination:" + DemoDestinations.CORPORATE_MAIL, Map.of("To", DemoDestinations.INBOX_USER,
                    "Subject", "hygiene"), "body").getException()).isNull();
            // a failure: a wrong password is rejected and logged by Camel's error handler
            assertThat(run("btp-destination:HygieneWrongPassword" + orders, Map.of(), null).getException()).isNotNull();
        } finally {
            destinations.forEach(d -> sandbox().destinations().delete(d.get("Name")));
            sandbox().destinations().delete("HygieneCertificate");
        }

        List<String> texts = new ArrayList<>(logs.lines());
        for (Exchange exchange : exchanges) {
            for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
                texts.add(String.valueOf(t));
            }
        }
        assertThat(logs.lines()).as("HttpClient logged at DEBUG").anyMatch(line -> line.contains("ex-"));
        secrets.removeIf(s -> s == null || s.length() < 8);
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).as("a DEBUG line or message").doesNotContain(secret);
            }
        }
    }
}
