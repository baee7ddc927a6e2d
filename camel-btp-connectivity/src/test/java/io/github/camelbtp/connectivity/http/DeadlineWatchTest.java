package io.github.camelbtp.connectivity.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The thread that ends exchanges past their deadline (HttpDeadlineTest and HopFaultsTest show it end to end). */
class DeadlineWatchTest {

    /** A watched deadline that counts its expiries and can be awaited. */
    private static final class Alarm implements DeadlineWatch.Watched {
        final long due;
        final AtomicInteger expiries = new AtomicInteger();
        final CountDownLatch expired = new CountDownLatch(1);

        Alarm(Duration fromNow) {
            due = System.nanoTime() + fromNow.toNanos();
        }

        @Override
        public long dueNanos() {
            return due;
        }

        @Override
        public void expire() {
            expiries.incrementAndGet();
            expired.countDown();
        }
    }

    @Test
    void expiresWhatIsDueOnceAndOnlyWhatIsStillWatched() throws InterruptedException {
        try (DeadlineWatch watch = new DeadlineWatch("test-deadlines")) {
            Alarm done = new Alarm(Duration.ofMillis(100));
            Alarm due = new Alarm(Duration.ofMillis(300));
            watch.watch(done);
            watch.unwatch(done); // the exchange ended in time
            watch.watch(due);

            assertThat(due.expired.await(10, TimeUnit.SECONDS)).isTrue();
            // due after 'done' was: a sweep that expired 'due' would have expired 'done' had it still been watched
            assertThat(done.expiries).hasValue(0);
            assertThat(due.expiries).hasValue(1);
        }
    }

    @Test
    void wakesWhenSomethingIsWatchedAfterIdling() throws InterruptedException {
        try (DeadlineWatch watch = new DeadlineWatch("test-deadlines")) {
            for (int i = 0; i < 3; i++) {
                // each alarm is watched while nothing else is: the thread went to sleep after the previous one
                Alarm alarm = new Alarm(Duration.ZERO);
                watch.watch(alarm);
                assertThat(alarm.expired.await(10, TimeUnit.SECONDS)).as("alarm %d", i).isTrue();
            }
        }
    }

    @Test
    void closeEndsItsThread() throws InterruptedException {
        DeadlineWatch watch = new DeadlineWatch("test-deadlines-closed");
        Alarm alarm = new Alarm(Duration.ZERO);
        watch.watch(alarm);
        assertThat(alarm.expired.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(threadNamed("test-deadlines-closed")).isTrue();

        watch.close();

        assertThat(threadNamed("test-deadlines-closed")).isFalse();
    }

    @Test
    void startsNoThreadUntilSomethingIsWatched() {
        // a client that never sends under a deadline (the diagnosis's) costs no thread
        try (DeadlineWatch watch = new DeadlineWatch("test-deadlines-unused")) {
            assertThat(threadNamed("test-deadlines-unused")).isFalse();
        }
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
