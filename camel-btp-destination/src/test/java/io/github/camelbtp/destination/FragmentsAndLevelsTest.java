package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fragmentName option as a comma list [extending-destinations-with-fragments-f56600a] and NAME@level in the
 * endpoint URI [referring-resources-using-the-consume-rest-api-78ba73a], through the sandbox.
 */
class FragmentsAndLevelsTest extends BtpDestinationTestSupport {

    @BeforeEach
    void destinations() {
        sandbox().destinations()
                .putSubaccount(open("FragLevel", "subaccount"))
                .putInstance(open("FragLevel", "instance"))
                .putFragment(Map.of("FragmentName", "first", "URL.headers.X-First", "1", "URL.headers.X-Winner", "first"))
                .putFragment(Map.of("FragmentName", "second", "URL.headers.X-Winner", "second"))
                .putInstanceFragment(Map.of("FragmentName", "first", "URL.headers.X-First", "instance"));
    }

    @AfterEach
    void cleanUp() {
        sandbox().destinations().delete("FragLevel");
        sandbox().destinations().deleteFragment("first");
        sandbox().destinations().deleteFragment("second");
        sandbox().destinations().deleteInstanceFragment("first");
    }

    private Map<String, String> open(String name, String level) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "HTTP");
        d.put("URL", sandbox().cloudApiUri().toString());
        d.put("ProxyType", "Internet");
        d.put("Authentication", "NoAuthentication");
        d.put("URL.headers.X-Level", level);
        return d;
    }

    private String backendHeader(String name) {
        return sandbox().backendRequests().last().orElseThrow().header(name);
    }

    @Test
    void fragmentListIsMergedInOrderLaterWinning() {
        Exchange exchange = get("btp-destination:FragLevel@subaccount/public/ping?fragmentName=first,second");

        assertThat(exchange.getException()).isNull();
        assertThat(backendHeader("X-First")).isEqualTo("1");
        assertThat(backendHeader("X-Winner")).isEqualTo("second");
    }

    @Test
    void nameAtLevelInTheUriPicksThatLevel() {
        assertThat(get("btp-destination:FragLevel@subaccount/public/ping").getException()).isNull();
        assertThat(backendHeader("X-Level")).isEqualTo("subaccount");

        assertThat(get("btp-destination:FragLevel@instance/public/ping").getException()).isNull();
        assertThat(backendHeader("X-Level")).isEqualTo("instance");
    }

    @Test
    void fragmentLevelInTheOptionPicksTheFragmentsLevel() {
        assertThat(get("btp-destination:FragLevel@subaccount/public/ping?fragmentName=first@instance").getException())
                .isNull();
        assertThat(backendHeader("X-Level")).isEqualTo("subaccount");
        assertThat(backendHeader("X-First")).isEqualTo("instance");
    }

    @Test
    void fragmentOptionalWithAListFailsWhenTheRouteIsBuilt() {
        assertThatThrownBy(() -> context.getEndpoint(
                "btp-destination:FragLevel/public/ping?fragmentName=first,second&fragmentOptional=true"))
                .isInstanceOf(ResolveEndpointFailedException.class).rootCause()
                .isInstanceOf(DestinationConfigurationException.class)
                .hasMessageContaining("'FragLevel'").hasMessageContaining("fragmentOptional")
                .hasMessageContaining("single fragment");
    }

    @Test
    void invalidNameInTheFragmentListFailsWhenTheRouteIsBuilt() {
        assertThatThrownBy(() -> context.getEndpoint("btp-destination:FragLevel/public/ping?fragmentName=first,a b"))
                .isInstanceOf(ResolveEndpointFailedException.class).rootCause()
                .isInstanceOf(DestinationConfigurationException.class)
                .hasMessageContaining("'a b'").hasMessageContaining("fragmentName");
    }
}
