package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Tokens the Destination Service obtained for a destination ({@code authTokens}), used as given. */
@ExtendWith(SandboxExtension.class)
class ServiceAuthTokensSandboxTest {

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    private static String authorization(ResolvedDestination r) {
        return r.headers().stream().filter(h -> h.name().equals("Authorization")).map(HttpHeader::value).findFirst().orElse(null);
    }

    @Test
    void basicAuthenticationComesFromTheServicesAuthTokens(Sandbox sandbox) {
        ResolvedDestination erp = engines.bound(sandbox).resolve("OnPremiseERP", DestinationOptions.NONE);

        assertThat(authorization(erp)).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (DemoDestinations.SALES_USER + ":" + DemoDestinations.SALES_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(erp.challengeCredentials()).isNull();
    }

    @Test
    void oauthTokenOfTheServiceIsABearerTheCloudApiAccepts(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);

        ResolvedDestination api = engine.resolve("CloudSalesAPI", DestinationOptions.NONE);

        assertThat(authorization(api)).startsWith("Bearer ");
        assertThat(api.proxy()).isNull();
        assertThat(Http.send(api, "GET", "/api/v1/products").status()).isEqualTo(200);
        // destination + the service's own grant for CloudSalesAPI: the engine ran no OAuth flow of its own
        assertThat(sandbox.counters().tokenGrants()).isEqualTo(2);
    }

    @Test
    void failedServiceTokenIsATokenExceptionWithTheServicesText(Sandbox sandbox) {
        String wrong = "wrong-cloud-secret-2e7b";
        Map<String, String> broken = new LinkedHashMap<>(sandbox.destinations().get("CloudSalesAPI").orElseThrow());
        broken.put("Name", "BrokenCloudAPI");
        broken.put("clientSecret", wrong);
        sandbox.destinations().putSubaccount(broken);
        try {
            BtpConnectivity engine = engines.bound(sandbox);

            TokenException e = catchThrowableOfType(TokenException.class, () -> engine.resolve("BrokenCloudAPI", DestinationOptions.NONE));

            assertThat(e.destinationName()).isEqualTo("BrokenCloudAPI");
            assertThat(e.getMessage()).contains("Retrieval of OAuth token failed").contains("invalid_client").contains("'BrokenCloudAPI'");
            Secrets.assertFreeOf(Secrets.describe(e), wrong);
            Secrets.assertFreeOf(Secrets.describe(e), Engines.bindingSecrets(sandbox));
        } finally {
            sandbox.destinations().delete("BrokenCloudAPI");
        }
    }

    @Test
    void unknownAuthenticationValueFromTheServiceIsAConfigurationErrorListingTheValues(Sandbox sandbox) {
        sandbox.destinations().putSubaccount(Map.of("Name", "OddAuth", "Type", "HTTP", "URL", "http://odd.example",
                "Authentication", "OAuth2Magic"));
        try {
            BtpConnectivity engine = engines.bound(sandbox);

            var e = catchThrowableOfType(io.github.camelbtp.connectivity.DestinationConfigurationException.class,
                    () -> engine.resolve("OddAuth", DestinationOptions.NONE));

            assertThat(e.property()).isEqualTo("Authentication");
            assertThat(e.getMessage()).contains("'OAuth2Magic'").contains("BasicAuthentication").contains("OAuth2ClientCredentials");
        } finally {
            sandbox.destinations().delete("OddAuth");
        }
    }
}
