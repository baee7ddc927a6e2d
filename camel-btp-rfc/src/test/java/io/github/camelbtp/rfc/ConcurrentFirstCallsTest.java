package io.github.camelbtp.rfc;

import io.github.camelbtp.component.ConcurrentRequests;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
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
 * The first calls of a freshly started context arrive together: Camel then resolves (and starts) the component and
 * creates endpoints and producers from several threads at once.
 */
class ConcurrentFirstCallsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private static final int THREADS = 16;

    @Test
    void sixteenConcurrentFirstCallsOfAFreshContextAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 4; round++) {
                assertThat(firstCalls(pool, round)).as("round %d", round).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Exception> firstCalls(ExecutorService pool, int round) throws Exception {
        // the component is a bean, as the Spring Boot starter makes it: Camel resolves (and starts) it when the first
        // exchange names it, not when the context starts
        DefaultCamelContext context = new DefaultCamelContext();
        BtpRfcComponent component = new BtpRfcComponent();
        component.getEngineOptions().setVcapServices(SANDBOX.sandbox().vcapServices());
        context.getRegistry().bind("btp-rfc", component);
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            // one URI for all threads in odd rounds, a URI per thread in even rounds
            List<Exception> failures = ConcurrentRequests.sendTogether(pool, template, THREADS,
                    i -> "btp-rfc:RFC_PING?destination=" + DemoDestinations.ERP_RFC
                            + (round % 2 == 0 ? "&booleanFields=F" + i : ""));
            return failures;
        } finally {
            context.stop();
        }
    }
}
