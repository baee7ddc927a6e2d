package io.github.camelbtp.connectivity.cache;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.MutableClock;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm cache while the Destination Service is slow (answers after its 6 s timeout): the expired entry is served
 * after at most the refresh wait, and refreshed in the background, instead of every lookup waiting for the timeout.
 */
@ExtendWith(SandboxExtension.class)
class SlowDestinationServiceSandboxTest {

    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(6);

    private final Engines engines = new Engines();
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void close() {
        engines.close();
    }

    @Test
    void warmEntryIsServedAtOnceWhileTheServiceIsSlow(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.clock(clock).serviceTimeout(SERVICE_TIMEOUT));
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        clock.advance(CachePolicy.DEFAULT.ttl());
        sandbox.faults().destinationServiceLatency(Duration.ofSeconds(20));

        long start = System.nanoTime();
        // two lookups, as an exchange through btp-destination makes
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("the refresh wait (1 s), not the service timeout (6 s)").isLessThan(SERVICE_TIMEOUT.dividedBy(2));
        assertThat(sandbox.counters().destinationLookups()).as("one background refresh, not one per lookup").isEqualTo(2);
    }
}
