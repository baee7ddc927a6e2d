package io.github.camelbtp.connectivity.destination;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's memo per destination object: found for that object only — an equal destination (a refresh that changed
 * nothing, another tenant's copy) is another object with its own entry — and found however many destinations share
 * the table of those read last, which keeps only one per slot.
 */
class PerDestinationTest {

    private static Destination destination(String name) {
        return Destination.of(name, Map.of("URL", "http://erp.internal:8000", "Type", "HTTP"), "test");
    }

    @Test
    void aValueBelongsToTheDestinationObjectNotToAnEqualOne() {
        PerDestination<String> memo = new PerDestination<>();
        Destination first = destination("Same");
        Destination equal = destination("Same");
        assertThat(equal).isEqualTo(first);

        memo.put(first, "first");

        assertThat(memo.get(first)).isEqualTo("first");
        assertThat(memo.get(equal)).isNull();
    }

    @Test
    void manyMoreDestinationsThanSlotsAreEachFoundWithTheirOwnValue() {
        PerDestination<String> memo = new PerDestination<>();
        List<Destination> destinations = new ArrayList<>();
        for (int i = 0; i < PerDestination.RECENT * 8; i++) {
            Destination d = destination("D" + i);
            destinations.add(d);
            memo.put(d, "value-" + i);
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < destinations.size(); i++) {
                assertThat(memo.get(destinations.get(i))).as("destination %d, round %d", i, round).isEqualTo("value-" + i);
            }
        }
    }

    @Test
    void rememberingADestinationKeepsItFromNobodyElsesGarbageCollection() throws InterruptedException {
        PerDestination<String> memo = new PerDestination<>();
        WeakReference<Destination> gone = rememberOnly(memo);
        for (int i = 0; i < 50 && gone.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        // a cached destination with its tokens must go when the destination cache drops it, not stay in a memo
        assertThat(gone.get()).isNull();
    }

    private static WeakReference<Destination> rememberOnly(PerDestination<String> memo) {
        Destination d = destination("Dropped");
        memo.put(d, "value");
        assertThat(memo.get(d)).isEqualTo("value");
        return new WeakReference<>(d);
    }

    @Test
    void computedOncePerDestinationObject() {
        PerDestination<String> memo = new PerDestination<>();
        AtomicInteger computed = new AtomicInteger();
        Destination one = destination("One");
        Destination other = destination("Other");
        for (int i = 0; i < 5; i++) {
            assertThat(memo.get(one, d -> d.name() + computed.incrementAndGet())).isEqualTo("One1");
        }
        assertThat(memo.get(other, d -> d.name() + computed.incrementAndGet())).isEqualTo("Other2");
        assertThat(computed).hasValue(2);
    }
}
