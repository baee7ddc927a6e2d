package io.github.camelbtp.sandbox.destination;

import static io.github.camelbtp.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SandboxExtension.class)
class DestinationServiceAdminTest {

    private static String token;

    @BeforeAll
    static void destinationServiceToken(Sandbox sandbox) {
        token = SandboxClient.destinationToken(sandbox);
    }

    private static HttpResponse<String> call(Sandbox sandbox, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.destinationServiceUri()
                        + "/destination-configuration/v1/" + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return SandboxClient.send(request.build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"subaccountDestinations", "instanceDestinations"})
    void createReadUpdateDeleteAnswerWithTheDocumentedStatusCodes(String level, Sandbox sandbox) {
        String name = "Crud-" + level;
        String created = "{\"Name\":\"" + name + "\",\"Type\":\"HTTP\",\"URL\":\"http://one\",\"Timeout\":5}";
        String updated = "{\"Name\":\"" + name + "\",\"Type\":\"HTTP\",\"URL\":\"http://two\"}";

        assertThat(call(sandbox, "POST", level, created).statusCode()).isEqualTo(201);
        assertThat(call(sandbox, "POST", level, created).statusCode()).isEqualTo(409);
        HttpResponse<String> read = call(sandbox, "GET", level + "/" + name, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read.body()).get("URL").asText()).isEqualTo("http://one");
        assertThat(json(read.body()).get("Timeout").asText()).isEqualTo("5");
        assertThat(call(sandbox, "PUT", level, updated).statusCode()).isEqualTo(200);
        assertThat(json(call(sandbox, "GET", level + "/" + name, null).body()).get("URL").asText()).isEqualTo("http://two");
        assertThat(json(call(sandbox, "GET", level, null).body()).findValuesAsText("Name")).contains(name);
        assertThat(call(sandbox, "DELETE", level + "/" + name, null).statusCode()).isEqualTo(200);
        assertThat(call(sandbox, "DELETE", level + "/" + name, null).statusCode()).isEqualTo(404);
        assertThat(call(sandbox, "GET", level + "/" + name, null).statusCode()).isEqualTo(404);
    }

    @Test
    void updateOfUnknownDestinationIs404(Sandbox sandbox) {
        HttpResponse<String> response = call(sandbox, "PUT", "subaccountDestinations", "{\"Name\":\"Ghost\",\"URL\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).has("ErrorMessage")).isTrue();
    }

    @Test
    void createWithoutNameIs400(Sandbox sandbox) {
        assertThat(call(sandbox, "POST", "subaccountDestinations", "{\"URL\":\"http://x\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void destinationCreatedOverRestIsFoundByFindAndVisibleInJavaApi(Sandbox sandbox) {
        call(sandbox, "POST", "instanceDestinations", "{\"Name\":\"ViaRest\",\"Type\":\"HTTP\",\"URL\":\"http://rest\"}");

        HttpResponse<String> found = call(sandbox, "GET", "destinations/ViaRest", null);

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(sandbox.destinations().getInstance("ViaRest")).isPresent();
        assertThat(sandbox.destinations().delete("ViaRest")).isTrue();
        assertThat(call(sandbox, "GET", "destinations/ViaRest", null).statusCode()).isEqualTo(404);
    }

    @Test
    void adminCallWithoutTokenIs401(Sandbox sandbox) {
        HttpResponse<String> response = SandboxClient.get(URI.create(sandbox.destinationServiceUri()
                + "/destination-configuration/v1/subaccountDestinations"));

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
