package io.github.camelbtp.connectivity.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Expires the deadlines of the exchanges in flight ({@link DestinationHttpClient#withinDeadline}): one daemon thread,
 * started by the first deadline watched, looks at them every {@link #TICK} and sleeps while there are none. Watching
 * and unwatching an exchange is adding to and removing from a concurrent set. A {@code ScheduledThreadPoolExecutor} alarm per exchange, which this replaces,
 * put every exchange through one queue under one lock twice (schedule, cancel) — for alarms that almost never ring
 * (issue 12). A deadline rings at most one tick late; deadlines are seconds long.
 */
final class DeadlineWatch implements AutoCloseable {

    /** How often the deadlines in flight are looked at. */
    static final Duration TICK = Duration.ofMillis(50);

    /** What is watched: due at a {@link System#nanoTime()} instant, expired once then. */
    interface Watched {
        long dueNanos();

        void expire();
    }

    private final Set<Watched> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    /** Whether the thread was started: a client that never sends under a deadline (a diagnosis) never starts it. */
    private final AtomicBoolean started = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closed;

    DeadlineWatch(String threadName) {
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    void watch(Watched watched) {
        inFlight.add(watched);
        if (!started.get() && started.compareAndSet(false, true)) {
            thread.start();
        } else if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            LockSupport.unpark(thread);
        }
    }

    void unwatch(Watched watched) {
        inFlight.remove(watched);
    }

    private void run() {
        while (!closed) {
            if (inFlight.isEmpty()) {
                // nothing in flight: sleep until watch() wakes the thread (it checks the flag after adding, this
                // thread checks the set after raising it, so one of the two sees the other)
                sleeping.set(true);
                if (inFlight.isEmpty()) {
                    LockSupport.park(this);
                }
                sleeping.set(false);
                continue;
            }
            LockSupport.parkNanos(this, TICK.toNanos());
            long now = System.nanoTime();
            for (Watched watched : inFlight) {
                if (now - watched.dueNanos() >= 0 && inFlight.remove(watched)) {
                    try {
                        watched.expire();
                    } catch (RuntimeException e) {
                        // aborting one request must not stop the watch of the others
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (!started.get()) {
            return;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(TICK.toMillis() * 20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
