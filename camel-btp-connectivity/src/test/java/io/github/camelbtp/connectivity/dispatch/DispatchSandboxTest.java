package io.github.camelbtp.connectivity.dispatch;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

import io.github.camelbtp.connectivity.http.ProxyAddress;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Step 4 against the sandbox: which proxy and proxy headers each destination gets, proven by real requests. */
@ExtendWith(SandboxExtension.class)
class DispatchSandboxTest {

    private static final String ORDERS = "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    private static String header(ResolvedDestination r, String name) {
        return r.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HttpHeader::value).findFirst().orElse(null);
    }

    /**
     * IAS user tokens work only as SAP-Connectivity-Authentication [using-the-connectivity-proxy-f3c1ef4]: the
     * token-exchange mode refuses them before anything is sent; XSUAA's tokens ({@code ext_attr.enhancer: XSUAA}, SAP's
     * SDKs' rule) are still exchanged.
     */
    @Test
    void iasUserTokenIsRefusedByTheTokenExchangeModeBeforeAnythingIsSent(Sandbox sandbox) {
        Destination propagating = Destination.of("PropagatingErp", Map.of("URL", "http://erp.internal:44300",
                "ProxyType", "OnPremise", "Authentication", "PrincipalPropagation"), StaticDestinationLoader.SOURCE);
        BtpConnectivity engine = engines.bound(sandbox, b -> b.staticDestinations(List.of(propagating))
                .principalPropagationMode(PrincipalPropagationMode.PROXY_AUTHORIZATION_TOKEN_EXCHANGE));
        String iasToken = new PlainJWT(new JWTClaimsSet.Builder().issuer("https://acme.accounts.ondemand.com")
                .subject("alice").claim("app_tid", "9c6a1b2d").build()).serialize();
        long tokenRequests = sandbox.serviceRequests().all().stream().filter(r -> r.server().equals("token")).count();

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("PropagatingErp", DestinationOptions.builder().userToken(iasToken).build()));

        assertThat(e.getMessage()).contains("PropagatingErp").contains("not issued by XSUAA")
                .contains("SAP-Connectivity-Authentication").doesNotContain(iasToken);
        assertThat(sandbox.serviceRequests().all().stream().filter(r -> r.server().equals("token")).count())
                .isEqualTo(tokenRequests);
        ResolvedDestination xsuaaUser = engine.resolve("PropagatingErp",
                DestinationOptions.builder().userToken(sandbox.userToken("alice")).build());
        assertThat(header(xsuaaUser, "Proxy-Authorization")).startsWith("Bearer ");
        assertThat(header(xsuaaUser, "SAP-Connectivity-Authentication")).isNull();
    }

    @Test
    void internetDestinationHasNoProxyAndNoProxyHeaders(Sandbox sandbox) {
        ResolvedDestination catalog = engines.bound(sandbox).resolve("PublicCatalog", DestinationOptions.NONE);

        assertThat(catalog.proxy()).isNull();
        assertThat(catalog.headers()).isEmpty();
        assertThat(Http.send(catalog, "GET", "/ping").status()).isEqualTo(200);
        assertThat(sandbox.counters().proxiedCalls()).isZero();
    }

    @Test
    void onPremiseDestinationUsesTheConnectivityBindingsProxy(Sandbox sandbox) {
        ResolvedDestination erp = engines.bound(sandbox).resolve("OnPremiseERP", DestinationOptions.NONE);

        assertThat(erp.proxy()).isEqualTo(new ProxyAddress(sandbox.proxyHost(), sandbox.proxyHttpPort()));
        assertThat(header(erp, "Proxy-Authorization")).startsWith("Bearer ");
    }

    @Test
    void onPremiseRequestReachesTheBackendThroughTheProxy(Sandbox sandbox) {
        ResolvedDestination erp = engines.bound(sandbox).resolve("OnPremiseERP", DestinationOptions.NONE);

        Http.Answer answer = Http.send(erp, "GET", ORDERS + "?$top=2");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(sandbox.counters().proxiedCalls()).isEqualTo(1);
        RecordedRequest atBackend = sandbox.backendRequests().last().orElseThrow();
        assertThat(atBackend.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (DemoDestinations.SALES_USER + ":" + DemoDestinations.SALES_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(atBackend.hasHeader("Proxy-Authorization")).isFalse();
    }

    @Test
    void onPremiseRequestCarriesProxyAuthorizationBearerOfTheConnectivityBinding(Sandbox sandbox) {
        ResolvedDestination erp = engines.bound(sandbox).resolve("OnPremiseERP", DestinationOptions.NONE);

        Http.send(erp, "GET", ORDERS);

        RecordedRequest atProxy = sandbox.proxyRequests().last().orElseThrow();
        assertThat(atProxy.header("Proxy-Authorization")).isEqualTo(header(erp, "Proxy-Authorization")).startsWith("Bearer ");
    }

    @Test
    void onPremiseRequestCarriesLocationIdHeader(Sandbox sandbox) {
        ResolvedDestination plant = engines.bound(sandbox).resolve("OnPremiseERPPlant01", DestinationOptions.NONE);

        assertThat(header(plant, OnPremiseHttpDispatch.LOCATION_ID_HEADER)).isEqualTo("Plant01");
        assertThat(Http.send(plant, "GET", ORDERS).status()).isEqualTo(200);
        assertThat(sandbox.proxyRequests().last().orElseThrow().header("SAP-Connectivity-SCC-Location_ID")).isEqualTo("Plant01");
    }

    @Test
    void onPremiseRequestWithoutLocationIdSendsNoLocationHeader(Sandbox sandbox) {
        ResolvedDestination erp = engines.bound(sandbox).resolve("OnPremiseERP", DestinationOptions.NONE);

        assertThat(header(erp, OnPremiseHttpDispatch.LOCATION_ID_HEADER)).isNull();
        Http.send(erp, "GET", ORDERS);
        assertThat(sandbox.proxyRequests().last().orElseThrow().hasHeader("SAP-Connectivity-SCC-Location_ID")).isFalse();
    }

    @Test
    void httpsUrlOnAnOnPremiseDestinationFailsFastNamingPropertyUrl(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.staticDestinations(List.of(Destination.of("SecureErp",
                Map.of("URL", "https://erp.internal:44300", "ProxyType", "OnPremise"), StaticDestinationLoader.SOURCE))));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("SecureErp", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("URL");
        assertThat(e.getMessage()).contains("'SecureErp'").contains("http://").contains("405");
        assertThat(sandbox.counters().tokenGrants()).isZero();
        assertThat(sandbox.counters().proxiedCalls()).isZero();
    }

    @Test
    void httpsUrlOnAnOnPremiseOAuthDestinationFailsBeforeAnyTokenIsRequested(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.staticDestinations(List.of(Destination.of("SecureErp",
                Map.of("URL", "https://erp.internal:44300", "ProxyType", "OnPremise", "Authentication", "OAuth2ClientCredentials",
                        "tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token", "clientId", DemoDestinations.CLOUD_API_CLIENT_ID,
                        "clientSecret", "irrelevant-secret"), StaticDestinationLoader.SOURCE))));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("SecureErp", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("URL");
        assertThat(sandbox.counters().tokenGrants()).isZero();
    }

    @Test
    void onPremiseDestinationWithoutConnectivityBindingIsAClearError(Sandbox sandbox) throws Exception {
        ObjectNode vcap = (ObjectNode) new ObjectMapper().readTree(sandbox.vcapServices());
        vcap.remove("connectivity");
        BtpConnectivity engine = engines.add(BtpConnectivity.builder().environmentDestinations(null)
                .serviceBindings(ServiceBindings.fromVcapServices(vcap.toString())).build());

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("OnPremiseERP", DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("ProxyType");
        assertThat(e.getMessage()).contains("'OnPremiseERP'").contains("connectivity");
        assertThat(engine.resolve("PublicCatalog", DestinationOptions.NONE).proxy()).isNull();
    }

    @Test
    void urlHeadersAndQueriesOfAServiceDestinationArePartOfTheResolvedDestination(Sandbox sandbox) {
        sandbox.destinations().putSubaccount(Map.of("Name", "CatalogWithExtras", "Type", "HTTP",
                "URL", sandbox.cloudApiUri() + "/public", "ProxyType", "Internet", "Authentication", "NoAuthentication",
                "URL.headers.x-tenant-hint", "emea", "URL.queries.sap-language", "EN"));
        try {
            ResolvedDestination r = engines.bound(sandbox).resolve("CatalogWithExtras", DestinationOptions.NONE);

            assertThat(r.headers()).containsExactly(new HttpHeader("x-tenant-hint", "emea"));
            assertThat(r.queryParameters()).containsExactlyEntriesOf(Map.of("sap-language", "EN"));
            assertThat(Http.send(r, "GET", "/ping").status()).isEqualTo(200);
            RecordedRequest atBackend = sandbox.backendRequests().last().orElseThrow();
            assertThat(atBackend.header("x-tenant-hint")).isEqualTo("emea");
            assertThat(atBackend.rawQuery()).isEqualTo("sap-language=EN");
        } finally {
            sandbox.destinations().delete("CatalogWithExtras");
        }
    }

    @Test
    void timeoutPropertiesOfAServiceDestinationAreParsed(Sandbox sandbox) {
        sandbox.destinations().putSubaccount(Map.of("Name", "SlowCatalog", "Type", "HTTP", "URL", sandbox.cloudApiUri() + "/public",
                "URL.connectionTimeoutInSeconds", "3", "URL.socketReadTimeoutInSeconds", "90"));
        try {
            ResolvedDestination r = engines.bound(sandbox).resolve("SlowCatalog", DestinationOptions.NONE);

            assertThat(r.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(r.readTimeout()).isEqualTo(Duration.ofSeconds(90));
        } finally {
            sandbox.destinations().delete("SlowCatalog");
        }
    }

    @Test
    void badTimeoutOfAServiceDestinationIsAnErrorNamingTheProperty(Sandbox sandbox) {
        sandbox.destinations().putSubaccount(Map.of("Name", "BadTimeout", "Type", "HTTP", "URL", sandbox.cloudApiUri() + "/public",
                "URL.socketReadTimeoutInSeconds", "30s"));
        try {
            BtpConnectivity engine = engines.bound(sandbox);

            DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                    () -> engine.resolve("BadTimeout", DestinationOptions.NONE));

            assertThat(e.property()).isEqualTo("URL.socketReadTimeoutInSeconds");
            assertThat(e.getMessage()).contains("'BadTimeout'").contains("'30s'");
        } finally {
            sandbox.destinations().delete("BadTimeout");
        }
    }
}
