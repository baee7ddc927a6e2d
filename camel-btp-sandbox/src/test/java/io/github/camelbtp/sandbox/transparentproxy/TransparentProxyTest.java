package io.github.camelbtp.sandbox.transparentproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sandbox's Transparent Proxy destination gateway, spoken to directly [destination-gateway-dynamic-lookup-of-destinations-6836e00]. */
@ExtendWith(SandboxExtension.class)
class TransparentProxyTest {

    private static HttpResponse<String> get(Sandbox sandbox, String path, String... headers) {
        return SandboxClient.get(URI.create(sandbox.transparentProxy().uri() + path), headers);
    }

    private static void assertProxyError(HttpResponse<String> answer, int status, String origin) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("x-proxy-server")).hasValue("Transparent Proxy");
        assertThat(answer.headers().firstValue("x-error-origin")).hasValue(origin);
        assertThat(answer.headers().firstValue("x-internal-error-code")).isPresent();
        assertThat(answer.headers().firstValue("x-request-id")).isPresent();
        assertThat(answer.headers().firstValue("x-error-message")).isPresent();
    }

    @Test
    void onPremiseDestinationIsServedThroughTheConnectivityProxyWithoutAnApplicationLookup(Sandbox sandbox) {
        long proxied = sandbox.counters().proxiedCalls();

        HttpResponse<String> answer = get(sandbox, DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1",
                "X-Destination-Name", DemoDestinations.ON_PREMISE_ERP);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(sandbox.counters().proxiedCalls()).isGreaterThan(proxied);
        assertThat(sandbox.counters().destinationLookups()).isZero();
    }

    @Test
    void missingDestinationNameIsTheProxys400(Sandbox sandbox) {
        assertProxyError(get(sandbox, "/ping"), 400, "Transparent Proxy");
    }

    @Test
    void bothTenantHeadersAreTheProxys400(Sandbox sandbox) {
        assertProxyError(get(sandbox, "/ping", "X-Destination-Name", DemoDestinations.PUBLIC_CATALOG,
                "X-Tenant-Subdomain", "acme", "X-Tenant-Id", "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"), 400, "Transparent Proxy");
    }

    @Test
    void unknownDestinationIsTheDestinationServices502NamingTheTenant(Sandbox sandbox) {
        HttpResponse<String> answer = get(sandbox, "/x", "X-Destination-Name", "NoSuchOne");

        assertProxyError(answer, 502, "Destination Service");
        assertThat(answer.headers().firstValue("x-error-message").orElseThrow()).contains("'NoSuchOne'", "tenant 'sandbox'");
    }

    @Test
    void unknownTenantIs500(Sandbox sandbox) {
        assertProxyError(get(sandbox, "/ping", "X-Destination-Name", DemoDestinations.PUBLIC_CATALOG,
                "X-Tenant-Subdomain", "nobody"), 500, "XSUAA");
    }

    @Test
    void backendsOwnErrorCarriesNoProxyHeaders(Sandbox sandbox) {
        HttpResponse<String> answer = get(sandbox, "/nothing-here", "X-Destination-Name", DemoDestinations.PUBLIC_CATALOG);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("x-proxy-server")).isEmpty();
        assertThat(answer.headers().firstValue("x-error-origin")).isEmpty();
    }
}
