package io.github.camelbtp.connectivity.dispatch;

import io.github.camelbtp.connectivity.http.ProxyAnswers;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.socks.SapSocks5SocketFactory;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Connectivity proxy in trusted mode (Kyma): no {@code Proxy-Authorization}, the location ID and propagation headers
 * as usual [consuming-the-connectivity-service-313b215]. Configured explicitly
 * ({@code BtpConnectivity.Builder.connectivityProxy}) or by a connectivity binding that has the proxy's address and
 * no client, as Kyma's {@code connectivity-proxy-info} ConfigMap mounted as a binding.
 */
@ExtendWith(SandboxExtension.class)
class TrustedModeProxySandboxTest {

    private static final String ORDERS = DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1";

    private final Engines engines = new Engines();
    private Sandbox sandbox;

    @BeforeEach
    void setUp(Sandbox sandbox) {
        this.sandbox = sandbox;
        sandbox.connectivityTrustedMode(true);
    }

    @AfterEach
    void tearDown() {
        sandbox.connectivityTrustedMode(false);
        engines.close();
    }

    /** The destination binding only; the proxy given explicitly in trusted mode. */
    private BtpConnectivity explicitProxy(Destination... extra) {
        String destinationOnly = "{\"destination\":" + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                readTree(sandbox.vcapServices()).path("destination")) + "}";
        return engines.add(BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(destinationOnly))
                .environmentDestinations(null).staticDestinations(List.of(extra))
                .connectivityProxy(sandbox.proxyHost(), sandbox.proxyHttpPort(), 0).build());
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void requestsCarryNoProxyAuthorizationAndReachTheBackend() {
        ResolvedDestination erp = explicitProxy().resolve(DemoDestinations.ON_PREMISE_ERP, DestinationOptions.NONE);

        assertThat(erp.headers()).noneMatch(h -> h.name().equalsIgnoreCase("Proxy-Authorization"));
        assertThat(Http.send(erp, "GET", ORDERS).status()).isEqualTo(200);
        assertThat(sandbox.proxyRequests().last().orElseThrow().hasHeader("Proxy-Authorization")).isFalse();
    }

    @Test
    void bindingWithTheProxysAddressAndNoClientIsTrustedMode() {
        String configMapOnly = "{\"connectivity\":[{\"label\":\"connectivity\",\"name\":\"connectivity-proxy-info\","
                + "\"credentials\":{\"onpremise_proxy_host\":\"" + sandbox.proxyHost() + "\",\"onpremise_proxy_http_port\":\""
                + sandbox.proxyHttpPort() + "\",\"onpremise_socks5_proxy_port\":\"20004\"}}]}";
        ServiceBindings bindings = ServiceBindings.fromVcapServices(configMapOnly);
        BtpConnectivity engine = engines.add(BtpConnectivity.builder().serviceBindings(bindings).environmentDestinations(null)
                .staticDestinations(List.of(Destination.of("Erp", Map.of("URL", "http://erp.internal:44300", "ProxyType",
                        "OnPremise", "Authentication", "BasicAuthentication", "User", DemoDestinations.SALES_USER,
                        "Password", DemoDestinations.SALES_PASSWORD), StaticDestinationLoader.SOURCE))).build());

        assertThat(bindings.connectivity().orElseThrow().trusted()).isTrue();
        assertThat(Http.send(engine.resolve("Erp", DestinationOptions.NONE), "GET", ORDERS).status()).isEqualTo(200);
    }

    @Test
    void principalPropagationCarriesTheUserWithoutAConnectivityToken() {
        BtpConnectivity engine = explicitProxy(Destination.of("ErpAsUser", Map.of("URL", "http://erp.internal:44300",
                "ProxyType", "OnPremise", "Authentication", "PrincipalPropagation"), StaticDestinationLoader.SOURCE));

        ResolvedDestination r = engine.resolve("ErpAsUser",
                DestinationOptions.builder().userToken(sandbox.userToken("trusted-tia")).build());
        Http.Answer answer = Http.send(r, "GET", ORDERS);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Sandbox-Logon-User")).isEqualTo("TRUSTED-TIA");
    }

    @Test
    void aProxyThatIsNotInTrustedModeAnswers407AsACloudConnectorException() {
        sandbox.connectivityTrustedMode(false);
        ResolvedDestination erp = explicitProxy().resolve(DemoDestinations.ON_PREMISE_ERP, DestinationOptions.NONE);

        Http.Answer answer = Http.send(erp, "GET", ORDERS);
        CloudConnectorException e = ProxyAnswers.explain(erp, answer.status(), answer.header("Allow"), answer.body())
                .orElseThrow();

        assertThat(e.status()).isEqualTo(407);
        assertThat(e.getMessage()).contains(DemoDestinations.ON_PREMISE_ERP);
    }

    @Test
    void socks5DestinationsUseTheTrustedProxyWithoutAClient() {
        // trusted mode disables proxy authorization on SOCKS5 too [configuration-guide-eaa8204]
        BtpConnectivity engine = engines.add(BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(
                        "{\"destination\":" + readTree(sandbox.vcapServices()).path("destination") + "}"))
                .environmentDestinations(null)
                .connectivityProxy(sandbox.proxyHost(), sandbox.proxyHttpPort(), 20004).build());

        SocketDestination tcp = engine.resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE);

        assertThat(tcp.onPremise()).isTrue();
        assertThat(tcp.socketFactory()).isInstanceOf(SapSocks5SocketFactory.class);
        assertThat(tcp.socketFactory().toString()).contains(":20004 (trusted mode)").contains(DemoDestinations.LEGACY_TCP);
    }
}
