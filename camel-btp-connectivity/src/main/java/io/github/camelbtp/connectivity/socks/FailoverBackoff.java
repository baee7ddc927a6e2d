package io.github.camelbtp.connectivity.socks;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The waits between the attempts that ride out a Cloud Connector failover: exponential from {@link #FIRST}, doubling
 * up to {@link #MAX}, each a random value between half and all of that ("equal jitter", so that many callers do not
 * come back in step). Shared by the HTTP client's failover retries and the SOCKS5 socket's connect attempts.
 */
public final class FailoverBackoff {

    /** The first wait. */
    public static final Duration FIRST = Duration.ofMillis(100);
    /** The longest wait. */
    public static final Duration MAX = Duration.ofSeconds(1);

    private FailoverBackoff() {
    }

    /** The wait before retry {@code n} (1, 2, …). */
    public static Duration before(int n) {
        long base = Math.min(MAX.toMillis(), FIRST.toMillis() << Math.min(Math.max(n, 1) - 1, 20));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
}
