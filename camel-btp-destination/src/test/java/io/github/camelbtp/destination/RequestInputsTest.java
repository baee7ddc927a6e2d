package io.github.camelbtp.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a request's user token, refresh token, subject token and fragment come from: exchange headers named by the
 * endpoint's options (the user JWT from the incoming Authorization header by default), and endpoint options.
 */
class RequestInputsTest extends BtpDestinationTestSupport {

    private static final String CLIENT = "sb-request-inputs!t6";
    private static final String SECRET = "request-inputs-secret-0f4d";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void destinations() {
        sandbox().oauthClients().register(CLIENT, SECRET);
        for (String type : new String[] {"OAuth2JWTBearer", "OAuth2RefreshToken", "OAuth2TokenExchange"}) {
            Map<String, String> d = api("Inputs" + type, type);
            d.put("tokenServiceURL", sandbox().tokenServiceUri() + "/oauth/token");
            d.put("clientId", CLIENT);
            d.put("clientSecret", SECRET);
            sandbox().destinations().putSubaccount(d);
        }
        sandbox().destinations().putSubaccount(api("InputsOpen", "NoAuthentication"));
        sandbox().destinations().putFragment(Map.of("FragmentName", "tagged", "URL.headers.X-Fragment", "applied"));
    }

    @AfterEach
    void cleanUp() {
        for (String name : new String[] {"InputsOAuth2JWTBearer", "InputsOAuth2RefreshToken", "InputsOAuth2TokenExchange", "InputsOpen"}) {
            sandbox().destinations().delete(name);
        }
        sandbox().destinations().deleteFragment("tagged");
    }

    private Map<String, String> api(String name, String authentication) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "HTTP");
        d.put("URL", sandbox().cloudApiUri().toString());
        d.put("ProxyType", "Internet");
        d.put("Authentication", authentication);
        return d;
    }

    private JsonNode me(Exchange exchange) throws Exception {
        assertThat(exchange.getException()).isNull();
        return JSON.readTree(exchange.getMessage().getBody(String.class));
    }

    @Test
    void userJwtComesFromTheIncomingAuthorizationHeader() throws Exception {
        Exchange exchange = call("btp-destination:InputsOAuth2JWTBearer/api/v1/me", null,
                Map.of("Authorization", "Bearer " + sandbox().userToken("ina")));

        assertThat(me(exchange).path("user").asText()).isEqualTo("ina");
    }

    @Test
    void incomingUserJwtIsNotForwardedToTheTargetButStaysOnTheMessage() {
        String token = sandbox().userToken("jon");

        Exchange exchange = call("btp-destination:InputsOpen/public/ping", null, Map.of("Authorization", "Bearer " + token));

        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().backendRequests().last().orElseThrow().hasHeader("Authorization")).isFalse();
        assertThat(exchange.getIn().getHeader("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void forwardAuthTokenDestinationSendsTheUsersJwtOn() {
        Map<String, String> forwarding = api("InputsForwarding", "NoAuthentication");
        forwarding.put("forwardAuthToken", "true");
        sandbox().destinations().putSubaccount(forwarding);
        String token = sandbox().userToken("fay");
        try {
            Exchange exchange = call("btp-destination:InputsForwarding/public/ping", null, Map.of("Authorization", "Bearer " + token));

            assertThat(exchange.getException()).isNull();
            assertThat(sandbox().backendRequests().last().orElseThrow().header("Authorization")).isEqualTo("Bearer " + token);
        } finally {
            sandbox().destinations().delete("InputsForwarding");
        }
    }

    /** A Basic Authorization reaches the target only when the endpoint forwards caller credentials (CallerCredentialsTest). */
    @Test
    void routesOwnBasicAuthorizationIsNotMistakenForAUserToken() {
        Exchange exchange = call("btp-destination:InputsOpen/public/ping?forwardCallerCredentials=true", null,
                Map.of("Authorization", "Basic dTpw"));

        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().backendRequests().last().orElseThrow().header("Authorization")).isEqualTo("Basic dTpw");
    }

    @Test
    void refreshTokenComesFromItsHeader() throws Exception {
        Exchange exchange = call("btp-destination:InputsOAuth2RefreshToken/api/v1/me", null,
                Map.of(BtpDestinationConstants.REFRESH_TOKEN, sandbox().refreshToken("kai", CLIENT)));

        assertThat(me(exchange).path("user").asText()).isEqualTo("kai");
        assertThat(sandbox().backendRequests().last().orElseThrow().hasHeader(BtpDestinationConstants.REFRESH_TOKEN)).isFalse();
    }

    @Test
    void subjectTokenComesFromAConfiguredHeader() throws Exception {
        Exchange exchange = call("btp-destination:InputsOAuth2TokenExchange/api/v1/me?subjectTokenHeader=X-Subject", null,
                Map.of("X-Subject", sandbox().userToken("lou")));

        assertThat(me(exchange).path("user").asText()).isEqualTo("lou");
    }

    @Test
    void fragmentOptionMergesTheFragmentIntoTheDestination() {
        Exchange exchange = get("btp-destination:InputsOpen/public/ping?fragmentName=tagged");

        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().backendRequests().last().orElseThrow().header("X-Fragment")).isEqualTo("applied");
    }

    @Test
    void unknownFragmentIsAConfigurationErrorNamingIt() {
        Exchange exchange = get("btp-destination:InputsOpen/public/ping?fragmentName=missing");

        assertThat(exchange.getException()).isInstanceOf(DestinationConfigurationException.class)
                .hasMessageContaining("'missing'").hasMessageContaining("fragmentOptional");
    }

    @Test
    void unknownOptionalFragmentIsIgnored() {
        Exchange exchange = get("btp-destination:InputsOpen/public/ping?fragmentName=missing&fragmentOptional=true");

        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().backendRequests().last().orElseThrow().hasHeader("X-Fragment")).isFalse();
    }
}
