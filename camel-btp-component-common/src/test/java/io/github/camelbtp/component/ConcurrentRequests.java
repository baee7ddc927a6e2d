package io.github.camelbtp.component;

import org.apache.camel.ProducerTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Requests released at the same instant from several threads, as the first exchanges of a freshly started context
 * arrive: Camel then resolves (and starts) the component and creates endpoints and producers from several threads at
 * once. Both components' ConcurrentFirstCallsTest use it (from this module's test-jar).
 */
public final class ConcurrentRequests {

    private ConcurrentRequests() {
    }

    /**
     * Sends request {@code i} to {@code uri.apply(i)} for each of {@code count} threads of {@code pool}, all released
     * together, and waits for them.
     *
     * @return the failures: exceptions set on an exchange or thrown (Camel throws FailedToCreateProducerException
     *         instead of setting it)
     */
    public static List<Exception> sendTogether(ExecutorService pool, ProducerTemplate template, int count,
            IntFunction<String> uri) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Exception>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String target = uri.apply(i);
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return template.request(target, exchange -> { }).getException();
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Exception> failures = new ArrayList<>();
        for (Future<Exception> result : results) {
            if (result.get() != null) {
                failures.add(result.get());
            }
        }
        return failures;
    }
}
