package io.github.camelbtp.connectivity.http;

import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * A call of the engine's {@link ServiceClient} did not finish — connect, request, whole answer — within its total
 * deadline (a server trickling bytes defeats per-read timeouts). Callers turn it into the typed error of their hop.
 */
public final class DeadlineExceededException extends InterruptedIOException {

    private final transient Duration deadline;

    public DeadlineExceededException(Duration deadline) {
        super("the call did not finish within its total deadline of " + deadline.toMillis() + " ms");
        this.deadline = deadline;
    }

    public Duration deadline() {
        return deadline;
    }
}
