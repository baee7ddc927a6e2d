package io.github.camelbtp.benchmarks;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.demo.DemoDestinations;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The destinations every benchmark of this module calls, added to a started {@link Sandbox}: the two targets
 * (issue 12), an Internet destination with Basic authentication ({@value #INTERNET_BASIC}) and an OnPremise one with
 * OAuth2ClientCredentials ({@value #ON_PREMISE_OAUTH}: the sandbox's cloud API published through the Cloud Connector as
 * {@value #API_VIRTUAL_HOST}, so its bearer tokens are checked by a real backend).
 */
final class BenchLandscape {

    static final String INTERNET_BASIC = "ErpDirect";
    static final String ON_PREMISE_OAUTH = "ApiOnPremiseOAuth";
    static final String API_VIRTUAL_HOST = "api.internal";
    static final int API_VIRTUAL_PORT = 8080;
    static final String API_CLIENT_ID = "sb-bench-onpremise-api!t9";
    /** One GET of one sales order (~1 KB JSON). */
    static final String ORDER_PATH = DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1";
    /** The cloud API's product list (~0.5 KB JSON), which wants a bearer token. */
    static final String PRODUCTS_PATH = "/api/v1/products";

    private BenchLandscape() {
    }

    /** Adds both destinations to the sandbox; returns the OAuth client's secret. */
    static String addTo(Sandbox sandbox) {
        sandbox.destinations().putSubaccount(Map.of("Name", INTERNET_BASIC, "Type", "HTTP", "ProxyType", "Internet",
                "URL", sandbox.salesBackendUri().toString(), "Authentication", "BasicAuthentication",
                "User", DemoDestinations.SALES_USER, "Password", DemoDestinations.SALES_PASSWORD));
        String secret = sandbox.xsuaa().newClient(API_CLIENT_ID, List.of("uaa.resource", "products.read"));
        URI api = sandbox.cloudApiUri();
        sandbox.cloudConnector().connector("")
                .map(API_VIRTUAL_HOST, API_VIRTUAL_PORT, api.getHost(), api.getPort())
                .allowPath(API_VIRTUAL_HOST, API_VIRTUAL_PORT, "/api", true);
        sandbox.destinations().putSubaccount(Map.of("Name", ON_PREMISE_OAUTH, "Type", "HTTP", "ProxyType", "OnPremise",
                "URL", "http://" + API_VIRTUAL_HOST + ":" + API_VIRTUAL_PORT, "Authentication", "OAuth2ClientCredentials",
                "tokenServiceURL", sandbox.tokenServiceUri() + "/oauth/token", "clientId", API_CLIENT_ID,
                "clientSecret", secret));
        return secret;
    }

    static String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (DemoDestinations.SALES_USER + ":" + DemoDestinations.SALES_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
