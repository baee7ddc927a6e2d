package io.github.camelbtp.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine with SAP's Transparent Proxy [destination-gateway-dynamic-lookup-of-destinations-6836e00]: turned on by
 * the builder option or by the environment variable {@value BtpConnectivity#TRANSPARENT_PROXY_VARIABLE}, a destination
 * name resolves to the gateway with {@code X-Destination-Name}, and nothing is asked of the Destination Service.
 */
@ExtendWith(SandboxExtension.class)
class TransparentProxySandboxTest {

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    private static Map<String, String> headers(ResolvedDestination resolved) {
        return resolved.headers().stream().collect(java.util.stream.Collectors.toMap(HttpHeader::name, HttpHeader::value));
    }

    @Test
    void environmentVariableTurnsTheGatewayOnAndARequestReachesTheDestination(Sandbox sandbox) throws Exception {
        String gateway = sandbox.transparentProxy().uri().toString();
        BtpConnectivity engine = engines.bound(sandbox, b -> b.environment(
                name -> name.equals("CAMEL_BTP_TRANSPARENTPROXY") ? gateway : null));

        ResolvedDestination resolved = engine.resolve(DemoDestinations.PUBLIC_CATALOG, DestinationOptions.NONE);

        assertThat(resolved.url().toString()).isEqualTo(gateway);
        assertThat(resolved.proxy()).isNull();
        assertThat(headers(resolved)).containsEntry("X-Destination-Name", DemoDestinations.PUBLIC_CATALOG)
                .doesNotContainKeys("Authorization", "Proxy-Authorization");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/ping"));
        resolved.headers().forEach(h -> request.header(h.name(), h.value()));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("UP");
        assertThat(sandbox.counters().destinationLookups()).isZero();
        assertThat(sandbox.counters().tokenGrants(DemoDestinations.DESTINATION_CLIENT_ID)).isZero();
    }

    @Test
    void builderOptionWinsOverTheEnvironmentVariable(Sandbox sandbox) {
        String gateway = sandbox.transparentProxy().uri().toString();
        BtpConnectivity engine = engines.bound(sandbox, b -> b.transparentProxy(gateway)
                .environment(name -> "http://elsewhere.invalid:1"));

        assertThat(engine.resolve("AnyName", DestinationOptions.NONE).url().toString()).isEqualTo(gateway);
    }

    @Test
    void withoutOptionOrVariableTheDestinationServiceIsUsed(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.environment(name -> null));

        ResolvedDestination resolved = engine.resolve(DemoDestinations.PUBLIC_CATALOG, DestinationOptions.NONE);

        assertThat(resolved.destination().viaTransparentProxy()).isFalse();
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);
    }

    @Test
    void tenantIdAndSubdomainAreToldApart(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.transparentProxy(sandbox.transparentProxy().uri().toString()));
        String tenantId = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

        assertThat(headers(engine.resolve("Orders", DestinationOptions.forTenant(tenantId))))
                .containsEntry("X-Tenant-Id", tenantId).doesNotContainKey("X-Tenant-Subdomain");
        assertThat(headers(engine.resolve("Orders", DestinationOptions.forTenant("acme"))))
                .containsEntry("X-Tenant-Subdomain", "acme").doesNotContainKey("X-Tenant-Id");
    }

    @Test
    void tokenExchangeSendsTheSubjectTokenAndItsType(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.transparentProxy(sandbox.transparentProxy().uri().toString()));

        Map<String, String> sent = headers(engine.resolve("Orders", DestinationOptions.builder()
                .subjectToken("subject-jwt", "urn:ietf:params:oauth:token-type:jwt").build()));

        assertThat(sent).containsEntry("Authorization", "Bearer subject-jwt")
                .containsEntry("x-subject-token-type", "urn:ietf:params:oauth:token-type:jwt");
    }

    @Test
    void nameAgainstSapsRulesIsRefusedBeforeAnythingIsSent(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.transparentProxy(sandbox.transparentProxy().uri().toString()));

        assertThatThrownBy(() -> engine.resolve("x".repeat(201), DestinationOptions.NONE))
                .isInstanceOfSatisfying(DestinationConfigurationException.class,
                        e -> assertThat(e.getMessage()).contains("200 characters"));
        assertThatThrownBy(() -> engine.resolve("Orders@subaccount", DestinationOptions.NONE))
                .isInstanceOf(DestinationConfigurationException.class).hasMessageContaining("X-Destination-Name")
                .hasMessageContaining("no level");
    }

    @Test
    void findApiInputsTheGatewayDoesNotTakeAreRefusedNotIgnored(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.transparentProxy(sandbox.transparentProxy().uri().toString()));

        assertThatThrownBy(() -> engine.resolve("Orders", DestinationOptions.builder().chain("my-chain", Map.of()).build()))
                .isInstanceOf(DestinationConfigurationException.class).hasMessageContaining("destination chain");
    }

    @Test
    void socketDestinationByNameIsRefusedWithTheKubernetesServiceAdvice(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.transparentProxy(sandbox.transparentProxy().uri().toString()));

        assertThatThrownBy(() -> engine.resolveSocket(DemoDestinations.CORPORATE_MAIL, DestinationOptions.NONE))
                .isInstanceOfSatisfying(DestinationConfigurationException.class, e -> assertThat(e.getMessage())
                        .contains(DemoDestinations.CORPORATE_MAIL, "HTTP only", "Destination custom resource"));
    }

    @Test
    void staticDestinationsStillWinOverTheGateway(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.transparentProxy(sandbox.transparentProxy().uri().toString())
                .staticDestinations(java.util.List.of(Destination.of("Local", Map.of("Type", "HTTP", "URL",
                        "http://127.0.0.1:9", "Authentication", "NoAuthentication"), "static"))));

        assertThat(engine.resolve("Local", DestinationOptions.NONE).destination().viaTransparentProxy()).isFalse();
    }

    @Test
    void gatewayAddressWithAPathIsAConfigurationError(Sandbox sandbox) {
        assertThatThrownBy(() -> engines.bound(sandbox, b -> b.transparentProxy("http://tp.default.svc/some/path")))
                .isInstanceOfSatisfying(DestinationConfigurationException.class,
                        e -> assertThat(e.getMessage()).contains("transparentProxy", "svc.cluster.local"));
    }
}
