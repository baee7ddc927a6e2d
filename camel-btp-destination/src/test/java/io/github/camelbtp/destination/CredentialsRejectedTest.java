package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 401 of the target makes the next exchange use fresh credentials: the password of a destination is corrected in the
 * Destination Service while the wrong one is cached, and the route recovers at the next exchange, not after the cache's
 * 5 minutes.
 */
class CredentialsRejectedTest extends BtpDestinationTestSupport {

    private static final String NAME = "ErpPasswordCorrected";
    private static final String URI = "btp-destination:" + NAME + DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1";

    @AfterEach
    void removeDestination() {
        sandbox().destinations().delete(NAME);
    }

    private void define(String password) {
        sandbox().destinations().putSubaccount(Map.of("Name", NAME, "Type", "HTTP", "ProxyType", "Internet",
                "URL", sandbox().salesBackendUri().toString(), "Authentication", "BasicAuthentication",
                "User", DemoDestinations.SALES_USER, "Password", password));
    }

    @Test
    void theExchangeAfterA401UsesTheCorrectedDestination() {
        define("wrong-password");
        Exception rejected = get(URI).getException();
        assertThat(rejected).isInstanceOf(HttpOperationFailedException.class);
        assertThat(((HttpOperationFailedException) rejected).getStatusCode()).isEqualTo(401);

        define(DemoDestinations.SALES_PASSWORD);
        Exchange next = get(URI);

        assertThat(next.getException()).isNull();
        assertThat(next.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(200);
        assertThat(sandbox().counters().destinationLookups()).isEqualTo(2);
    }

    @Test
    void a401NamesTheDestinationItsAuthenticationTypeAndTheFix() {
        define("wrong-password");

        Exception rejected = get(URI).getException();

        assertThat(rejected).isInstanceOf(TargetRejectedCredentialsException.class)
                .isInstanceOf(HttpOperationFailedException.class)
                .hasMessageContaining("'" + NAME + "'").hasMessageContaining("BasicAuthentication")
                .hasMessageContaining("User and Password").hasMessageContaining("401")
                .hasMessageNotContaining("wrong-password").hasMessageNotContaining("$top");
        TargetRejectedCredentialsException e = (TargetRejectedCredentialsException) rejected;
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.getDestinationName()).isEqualTo(NAME);
        assertThat(e.getAuthentication()).isEqualTo(io.github.camelbtp.connectivity.destination.AuthenticationType.BasicAuthentication);
        assertThat(e.getResponseBody()).isEqualTo("Logon failed");
    }

    @Test
    void a401OfATargetThatWantsCredentialsTheDestinationDoesNotSendSaysHowToAddThem() {
        sandbox().destinations().putSubaccount(Map.of("Name", NAME, "Type", "HTTP", "ProxyType", "Internet",
                "URL", sandbox().cloudApiUri().toString(), "Authentication", "NoAuthentication"));

        Exception rejected = get("btp-destination:" + NAME + "/api/v1/products").getException();

        assertThat(rejected).isInstanceOf(TargetRejectedCredentialsException.class)
                .hasMessageContaining("'" + NAME + "'").hasMessageContaining("NoAuthentication")
                .hasMessageContaining("forwardAuthToken").hasMessageContaining("forwardCallerCredentials");
    }

    @Test
    void alsoWhenFailuresAreReturnedAsMessages() {
        define("wrong-password");
        Exchange rejected = get(URI + "&throwExceptionOnFailure=false");
        assertThat(rejected.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(401);

        define(DemoDestinations.SALES_PASSWORD);

        assertThat(get(URI + "&throwExceptionOnFailure=false").getMessage()
                .getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(200);
    }
}
