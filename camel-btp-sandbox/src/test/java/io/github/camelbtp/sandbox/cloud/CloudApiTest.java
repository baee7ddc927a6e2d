package io.github.camelbtp.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudApiTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    @Test
    void productsNeedABearerTokenOfTheTokenService() {
        Sandbox sandbox = SANDBOX.sandbox();
        HttpResponse<String> response = SandboxClient.get(URI.create(sandbox.cloudApiUri() + "/api/v1/products"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void productsAnswerWithAnyRegisteredClientsToken() {
        Sandbox sandbox = SANDBOX.sandbox();
        String token = SandboxClient.connectivityToken(sandbox);

        HttpResponse<String> response = SandboxClient.get(URI.create(sandbox.cloudApiUri() + "/api/v1/products"),
                "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SandboxClient.json(response.body()).isArray()).isTrue();
        assertThat(sandbox.backendRequests().last().orElseThrow().server()).isEqualTo("cloud-api");
    }

    @Test
    void pingNeedsNoAuthentication() {
        HttpResponse<String> response = SandboxClient.get(URI.create(SANDBOX.sandbox().cloudApiUri() + "/public/ping"));

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
