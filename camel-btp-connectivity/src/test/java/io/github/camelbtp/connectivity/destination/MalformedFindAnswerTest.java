package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.DestinationServiceException;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.support.FakeDestinationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Find answers the sandbox never gives, from a hostile Destination Service on a loopback port (issue 8, item 11): they
 * become typed errors naming the destination, never a JDK exception or a request sent without authentication.
 */
class MalformedFindAnswerTest {

    private static final String CONFIGURATION = "\"destinationConfiguration\":{\"Name\":\"Hostile\",\"Type\":\"HTTP\","
            + "\"URL\":\"https://api.example.com\",\"Authentication\":\"OAuth2ClientCredentials\",\"clientId\":\"c\","
            + "\"tokenServiceURL\":\"https://idp.example.com/oauth/token\"}";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private BtpConnectivity engineAnswering(String findAnswer) {
        FakeDestinationService service = new FakeDestinationService(findAnswer);
        open.add(service);
        BtpConnectivity engine = BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices(service.vcapServices()))
                .environmentDestinations(null).build();
        open.add(engine);
        return engine;
    }

    @Test
    void hugeExpiresInMeansCachedByTtlNotAnOverflow() {
        BtpConnectivity engine = engineAnswering("{" + CONFIGURATION + ",\"authTokens\":[{\"type\":\"bearer\","
                + "\"value\":\"tok\",\"expires_in\":\"9223372036854775807\"}]}");

        ResolvedDestination resolved = engine.resolve("Hostile", DestinationOptions.NONE);
        ResolvedDestination again = engine.resolve("Hostile", DestinationOptions.NONE);

        assertThat(resolved.destination().authTokens()).singleElement()
                .satisfies(t -> assertThat(t.expiresAt()).isNull());
        assertThat(resolved.destination().earliestTokenExpiry()).isEmpty();
        assertThat(again.headers()).anySatisfy(h -> assertThat(h.value()).isEqualTo("bearer tok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"bearer\",\"value\":\"tok\"}",
            "[1,\"x\"]",
            "[{\"type\":\"bearer\"}]",
            "\"tok\"" })
    void malformedAuthTokensAreAnErrorNotAnUnauthenticatedRequest(String authTokens) {
        BtpConnectivity engine = engineAnswering("{" + CONFIGURATION + ",\"authTokens\":" + authTokens + "}");

        DestinationServiceException e = catchThrowableOfType(DestinationServiceException.class,
                () -> engine.resolve("Hostile", DestinationOptions.NONE));

        assertThat(e).as(authTokens).isNotNull();
        assertThat(e.destinationName()).isEqualTo("Hostile");
        assertThat(e.getMessage()).contains("'Hostile'").contains("authTokens").contains("malformed tokens");
    }
}
