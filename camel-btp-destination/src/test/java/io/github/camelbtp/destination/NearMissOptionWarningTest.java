package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query parameter that is not an option goes to the target (camel-http's rule), even when it is a misspelt option;
 * then one WARN, once per endpoint, names the parameter and the option it resembles. Real target parameters draw none.
 */
class NearMissOptionWarningTest extends BtpDestinationTestSupport {

    private static final String ORDERS = "btp-destination:OnPremiseERP" + DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder";

    @RegisterExtension
    final DebugLogCapture logs = new DebugLogCapture(); // the root logger only: each line once

    @Test
    void misspeltOptionStillReachesTheTargetAndIsWarnedOfOncePerEndpoint() {
        String uri = ORDERS + "?$top=1&throwExceptionOnFailur=false";

        Exchange first = get(uri);
        Exchange second = get(uri);

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        assertThat(sandbox().backendRequests().last().orElseThrow().rawQuery()).contains("throwExceptionOnFailur=false");
        List<String> warnings = nearMissWarnings();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("OnPremiseERP", "'throwExceptionOnFailur'", "'throwExceptionOnFailure'")
                .doesNotContain("=false");
    }

    @Test
    void exactTargetParametersDrawNoWarning() {
        Exchange exchange = get(ORDERS + "?$top=1&$format=json&sap-client=100&$select=SalesOrder");

        assertThat(exchange.getException()).isNull();
        assertThat(sandbox().backendRequests().last().orElseThrow().rawQuery()).contains("sap-client=100");
        assertThat(nearMissWarnings()).isEmpty();
    }

    @Test
    void optionInAnotherLetterCaseIsBoundAsTheOptionNotWarnedOf() {
        Exchange exchange = get(ORDERS + "/NoSuchOrder?ThrowExceptionOnFailure=false");

        assertThat(exchange.getException()).as("bound: a 404 answer is no exception").isNull();
        assertThat(sandbox().backendRequests().last().orElseThrow().rawQuery()).isNullOrEmpty();
        assertThat(nearMissWarnings()).isEmpty();
    }

    @Test
    void oneInsertedRemovedReplacedOrSwappedLetterIsANearMiss() {
        List<String> options = List.of("throwExceptionOnFailure", "fragmentName", "path");

        assertThat(NearMissOption.of("throwExceptionOnFailur", options)).map(NearMissOption::option).hasValue("throwExceptionOnFailure");
        assertThat(NearMissOption.of("fragmentNames", options)).map(NearMissOption::option).hasValue("fragmentName");
        assertThat(NearMissOption.of("fragmentNamo", options)).map(NearMissOption::option).hasValue("fragmentName");
        assertThat(NearMissOption.of("fragmnetName", options)).map(NearMissOption::option).hasValue("fragmentName");
        assertThat(NearMissOption.of("FRAGMENTNAMES", options)).map(NearMissOption::option).hasValue("fragmentName");
        assertThat(NearMissOption.of("fragmentName", options)).as("exact: an option, not a near miss").isEmpty();
        assertThat(NearMissOption.of("fragName", options)).as("four edits").isEmpty();
        assertThat(NearMissOption.of("paths", options)).as("short options are left out").isEmpty();
    }

    private List<String> nearMissWarnings() {
        return logs.warnings().stream().filter(line -> line.contains("is no btp-destination option")).toList();
    }
}
