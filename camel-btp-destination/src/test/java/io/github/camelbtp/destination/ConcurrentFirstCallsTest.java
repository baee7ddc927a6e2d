package io.github.camelbtp.destination;

import io.github.camelbtp.component.ConcurrentRequests;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first exchanges of a freshly started context arrive together: Camel then creates (and starts) the component, the
 * endpoint and its producer from several threads at once.
 */
class ConcurrentFirstCallsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private static final int THREADS = 16;

    @Test
    void sixteenConcurrentFirstExchangesOfAFreshContextAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 5; round++) {
                List<Exception> failures = firstExchanges(pool, round);
                assertThat(failures).as("round %d", round).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Exception> firstExchanges(ExecutorService pool, int round) throws Exception {
        // the component is a bean, as the Spring Boot starter makes it: Camel resolves (and starts) it when the first
        // exchange names it, not when the context starts
        DefaultCamelContext context = new DefaultCamelContext();
        BtpDestinationComponent component = new BtpDestinationComponent();
        component.getEngineOptions().setVcapServices(SANDBOX.sandbox().vcapServices());
        context.getRegistry().bind("btp-destination", component);
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            // one URI for all threads in odd rounds (one endpoint, created once), a URI per thread in even rounds
            List<Exception> failures = ConcurrentRequests.sendTogether(pool, template, THREADS,
                    i -> "btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top="
                            + (round % 2 == 0 ? i + 1 : 1));
            // a second exchange on the same URIs works too: nothing stays broken
            assertThat(template.request("btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1",
                    exchange -> { }).getException()).isNull();
            return failures;
        } finally {
            context.stop();
        }
    }
}
