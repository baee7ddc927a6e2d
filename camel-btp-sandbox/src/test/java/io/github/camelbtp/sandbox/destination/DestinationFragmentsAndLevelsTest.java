package io.github.camelbtp.sandbox.destination;

import static io.github.camelbtp.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxClient;
import io.github.camelbtp.sandbox.SandboxExtension;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fragments [extending-destinations-with-fragments-f56600a] and the v2 consume API with explicit levels
 * [referring-resources-using-the-consume-rest-api-78ba73a], over real sockets.
 */
@ExtendWith(SandboxExtension.class)
class DestinationFragmentsAndLevelsTest {

    private static String token;

    @BeforeAll
    static void destinationServiceToken(Sandbox sandbox) {
        token = SandboxClient.destinationToken(sandbox);
        sandbox.destinations()
                .putSubaccount(Map.of("Name", "Frag", "Type", "HTTP", "URL", "http://base.example", "ProxyType", "Internet",
                        "Authentication", "NoAuthentication", "own", "destination"))
                .putFragment(Map.of("FragmentName", "one", "first", "1", "conflicting", "from-one", "own", "one"))
                .putFragment(Map.of("FragmentName", "two", "second", "2", "conflicting", "from-two"))
                .putSubaccount(Map.of("Name", "Leveled", "Type", "HTTP", "URL", "http://subaccount.example",
                        "ProxyType", "Internet", "Authentication", "NoAuthentication"))
                .putInstance(Map.of("Name", "Leveled", "Type", "HTTP", "URL", "http://instance.example",
                        "ProxyType", "Internet", "Authentication", "NoAuthentication"))
                .putInstanceFragment(Map.of("FragmentName", "atInstance", "URL", "http://fragment-instance.example"));
    }

    private static HttpResponse<String> get(Sandbox sandbox, String api, String nameAndQuery, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return SandboxClient.get(URI.create(sandbox.destinationServiceUri() + "/destination-configuration/" + api
                + "/destinations/" + nameAndQuery), all);
    }

    @Test
    void severalFragmentsAreMergedInOrderLaterWinning(Sandbox sandbox) {
        HttpResponse<String> response = get(sandbox, "v1", "Frag", "X-Fragment-Name", "one,two");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode configuration = json(response.body()).get("destinationConfiguration");
        assertThat(configuration.get("first").asText()).isEqualTo("1");
        assertThat(configuration.get("second").asText()).isEqualTo("2");
        assertThat(configuration.get("conflicting").asText()).isEqualTo("from-two");
        assertThat(configuration.get("own").asText()).isEqualTo("one");
        assertThat(configuration.get("URL").asText()).isEqualTo("http://base.example");
    }

    @Test
    void answerNamesTheAppliedFragmentsInFragmentName(Sandbox sandbox) {
        JsonNode configuration = json(get(sandbox, "v1", "Frag", "X-Fragment-Name", "two, one").body())
                .get("destinationConfiguration");

        assertThat(configuration.get("FragmentName").asText()).isEqualTo("two,one");
        assertThat(configuration.get("conflicting").asText()).isEqualTo("from-one");
    }

    @Test
    void unknownFragmentIsAnErrorNamingIt(Sandbox sandbox) {
        HttpResponse<String> response = get(sandbox, "v1", "Frag", "X-Fragment-Name", "one,missing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).get("ErrorMessage").asText()).contains("'missing'");
    }

    @Test
    void optionalSingleMissingFragmentReturnsTheDestinationUnchanged(Sandbox sandbox) {
        HttpResponse<String> response = get(sandbox, "v1", "Frag", "X-Fragment-Name", "missing",
                "X-Fragment-Optional", "true");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode configuration = json(response.body()).get("destinationConfiguration");
        assertThat(configuration.has("FragmentName")).isFalse();
        assertThat(configuration.get("own").asText()).isEqualTo("destination");
    }

    @Test
    void optionalWithTwoFragmentsIsRefused(Sandbox sandbox) {
        HttpResponse<String> response = get(sandbox, "v1", "Frag", "X-Fragment-Name", "one,two",
                "X-Fragment-Optional", "true");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("ErrorMessage").asText()).contains("single fragment");
    }

    @Test
    void findTakesFragmentsFromTheDestinationsLevel(Sandbox sandbox) {
        // v1: Leveled is found at instance level, so only instance-level fragments apply
        assertThat(json(get(sandbox, "v1", "Leveled", "X-Fragment-Name", "atInstance").body())
                .get("destinationConfiguration").get("URL").asText()).isEqualTo("http://fragment-instance.example");
        assertThat(get(sandbox, "v1", "Frag", "X-Fragment-Name", "atInstance").statusCode()).isEqualTo(404);
    }

    @Test
    void consumeAtInstanceAndAtSubaccountPickTheLevel(Sandbox sandbox) {
        JsonNode atInstance = json(get(sandbox, "v2", "Leveled@instance").body());
        JsonNode atSubaccount = json(get(sandbox, "v2", "Leveled@subaccount").body());

        assertThat(atInstance.get("destinationConfiguration").get("URL").asText()).isEqualTo("http://instance.example");
        assertThat(atSubaccount.get("destinationConfiguration").get("URL").asText()).isEqualTo("http://subaccount.example");
        assertThat(atSubaccount.has("owner")).isFalse();
    }

    @Test
    void consumeDoesNotFallBackBetweenLevels(Sandbox sandbox) {
        assertThat(get(sandbox, "v2", "Frag@instance").statusCode()).isEqualTo(404);
        assertThat(get(sandbox, "v2", "Frag@provider_subaccount").statusCode()).isEqualTo(200);
    }

    @Test
    void consumeWithoutLevelOrWithUnknownLevelIsRefused(Sandbox sandbox) {
        assertThat(get(sandbox, "v2", "Frag").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = get(sandbox, "v2", "Frag@tenant");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown.body()).get("ErrorMessage").asText()).contains("'tenant'");
    }

    @Test
    void consumeTakesEachFragmentFromTheLevelItNames(Sandbox sandbox) {
        JsonNode configuration = json(get(sandbox, "v2", "Frag@subaccount", "X-fragment-name",
                "one,atInstance@instance").body()).get("destinationConfiguration");

        assertThat(configuration.get("URL").asText()).isEqualTo("http://fragment-instance.example");
        assertThat(configuration.get("first").asText()).isEqualTo("1");
        assertThat(get(sandbox, "v2", "Frag@subaccount", "X-fragment-name", "atInstance").statusCode()).isEqualTo(404);
    }

    @Test
    void consumeWithIncludeMetadataOwnerPutsTheOwnerUnderMetadata(Sandbox sandbox) {
        JsonNode configuration = json(get(sandbox, "v2", "Leveled@instance?includeMetadata=owner").body())
                .get("destinationConfiguration");

        JsonNode owner = configuration.get("$metadata").get("owner").get("destinations").get(0);
        assertThat(owner.get("Name").asText()).isEqualTo("Leveled");
        assertThat(owner.get("InstanceId").isNull()).isFalse();
    }

    @Test
    void skipTokenRetrievalReturnsNoAuthTokensOnV1AndV2(Sandbox sandbox) {
        String name = DemoDestinations.CLOUD_SALES_API;
        assertThat(json(get(sandbox, "v2", name + "@subaccount").body()).has("authTokens")).isTrue();

        assertThat(json(get(sandbox, "v1", name + "?$skipTokenRetrieval=true").body()).has("authTokens")).isFalse();
        JsonNode v2 = json(get(sandbox, "v2", name + "@subaccount?$skipTokenRetrieval=true").body());
        assertThat(v2.get("destinationConfiguration").get("Name").asText()).isEqualTo(name);
        assertThat(v2.has("authTokens")).isFalse();
    }
}
