package io.github.camelbtp.connectivity.cache;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationNotFoundException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.DestinationServiceException;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.MutableClock;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The destination cache against the sandbox's Destination Service, counted with its lookup counter. */
@ExtendWith(SandboxExtension.class)
class DestinationCacheSandboxTest {

    private final Engines engines = new Engines();
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void close() {
        engines.close();
    }

    private BtpConnectivity engine(Sandbox sandbox, CachePolicy policy) {
        return engines.bound(sandbox, b -> b.clock(clock).cachePolicy(policy));
    }

    @Test
    void secondResolveWithinTtlMakesNoLookup(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox, CachePolicy.DEFAULT);

        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        clock.advance(Duration.ofMinutes(4));
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);
    }

    @Test
    void resolveAfterTtlMakesOneLookup(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox, CachePolicy.DEFAULT);

        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        clock.advance(Duration.ofMinutes(5));
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(2);
    }

    @Test
    void perDestinationTtlOverridesTheDefaultForThatDestinationOnly(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox, CachePolicy.DEFAULT.withTtlFor("PublicCatalog", Duration.ofSeconds(10)));

        engine.resolve("PublicCatalog", DestinationOptions.NONE);
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        clock.advance(Duration.ofSeconds(10));
        engine.resolve("PublicCatalog", DestinationOptions.NONE);
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(3);
    }

    @Test
    void invalidateForcesTheNextLookup(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox, CachePolicy.DEFAULT);

        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        engine.invalidate("OnPremiseERP");
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(2);
    }

    @Test
    void thirtyTwoConcurrentColdResolvesOfOneNameMakeExactlyOneLookup(Sandbox sandbox) throws Exception {
        BtpConnectivity engine = engine(sandbox, CachePolicy.DEFAULT);
        sandbox.faults().destinationServiceLatency(Duration.ofMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResolvedDestination>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return engine.resolve("OnPremiseERP", DestinationOptions.NONE);
                }));
            }
            start.countDown();
            for (Future<ResolvedDestination> result : results) {
                assertThat(result.get(20, TimeUnit.SECONDS).url()).hasToString("http://erp.internal:44300");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);
    }

    @Test
    void staleEntryIsServedWhileTheServiceIsDown(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox, CachePolicy.DEFAULT);
        ResolvedDestination warm = engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        clock.advance(Duration.ofMinutes(6));
        sandbox.faults().destinationServiceDown(true);
        ResolvedDestination stale = engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        assertThat(stale.destination()).isEqualTo(warm.destination());
        assertThat(sandbox.counters().destinationLookups()).as("the refresh was tried").isEqualTo(2);
    }

    @Test
    void refreshedEntryIsServedStaleForMaxStalePastItsOwnTtl(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox, CachePolicy.DEFAULT.withMaxStale(Duration.ofMinutes(15)));
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        clock.advance(Duration.ofMinutes(6));
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        clock.advance(Duration.ofMinutes(15));
        sandbox.faults().destinationServiceDown(true);

        assertThat(engine.resolve("OnPremiseERP", DestinationOptions.NONE).url()).hasToString("http://erp.internal:44300");
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(3);
    }

    @Test
    void staleEntryIsNotServedPastMaxStale(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox, CachePolicy.DEFAULT.withMaxStale(Duration.ofMinutes(15)));
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        clock.advance(Duration.ofMinutes(5 + 15));
        sandbox.faults().destinationServiceDown(true);

        assertThatThrownBy(() -> engine.resolve("OnPremiseERP", DestinationOptions.NONE))
                .isInstanceOf(DestinationServiceException.class)
                .satisfies(e -> assertThat(((DestinationServiceException) e).status()).isEqualTo(503));
    }

    @Test
    void serviceRecoveringAfterStaleServingGivesAFreshEntry(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox, CachePolicy.DEFAULT);
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        clock.advance(Duration.ofMinutes(6));
        sandbox.faults().destinationServiceDown(true);
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        sandbox.faults().destinationServiceDown(false);
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        assertThat(sandbox.counters().destinationLookups()).as("stale entry served without a call").isEqualTo(2);
        clock.advance(CachingDestinationLoader.STALE_RETRY_INTERVAL);
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(3);
    }

    @Test
    void notFoundIsCachedForNotFoundTtl(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox, CachePolicy.DEFAULT.withNotFoundTtl(Duration.ofSeconds(10)));

        assertThatThrownBy(() -> engine.resolve("NoSuchDestination", DestinationOptions.NONE)).isInstanceOf(DestinationNotFoundException.class);
        assertThatThrownBy(() -> engine.resolve("NoSuchDestination", DestinationOptions.NONE)).isInstanceOf(DestinationNotFoundException.class);
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> engine.resolve("NoSuchDestination", DestinationOptions.NONE)).isInstanceOf(DestinationNotFoundException.class);
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(2);
    }

    @Test
    void destinationCreatedAfterANotFoundIsFoundOnceNotFoundTtlPassed(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox, CachePolicy.DEFAULT.withNotFoundTtl(Duration.ofSeconds(10)));
        assertThatThrownBy(() -> engine.resolve("LateDestination", DestinationOptions.NONE)).isInstanceOf(DestinationNotFoundException.class);

        sandbox.destinations().putSubaccount(java.util.Map.of("Name", "LateDestination", "Type", "HTTP", "URL", "http://late.example"));
        try {
            clock.advance(Duration.ofSeconds(10));
            assertThat(engine.resolve("LateDestination", DestinationOptions.NONE).url()).hasToString("http://late.example");
        } finally {
            sandbox.destinations().delete("LateDestination");
        }
    }

    @Test
    void notFoundNameNeverPreventsAnotherNameFromResolving(Sandbox sandbox) {
        BtpConnectivity engine = engine(sandbox, CachePolicy.DEFAULT);
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(11));
            assertThatThrownBy(() -> engine.resolve("NoSuchDestination", DestinationOptions.NONE))
                    .isInstanceOf(DestinationNotFoundException.class);
        }

        assertThat(engine.resolve("PublicCatalog", DestinationOptions.NONE).url()).isEqualTo(sandbox.cloudApiUri().resolve("/public"));
        assertThat(engine.resolve("OnPremiseERP", DestinationOptions.NONE).proxy()).isNotNull();
    }
}
