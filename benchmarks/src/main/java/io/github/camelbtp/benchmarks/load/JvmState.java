package io.github.camelbtp.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The JVM's live threads and the heap in use after full collections: what must come back to where it was after a
 * load run ("flat"). Taking it runs {@link System#gc()} three times, so it pauses the JVM briefly.
 *
 * @param threads     live threads (daemon and not)
 * @param heapAfterGc heap bytes in use right after the collections
 * @param threadKinds live threads by name with the digits removed ({@code sandbox-proxy-#}), to tell which grew
 */
public record JvmState(int threads, long heapAfterGc, Map<String, Long> threadKinds) {

    public static JvmState capture() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Map<String, Long> kinds = Thread.getAllStackTraces().keySet().stream().collect(Collectors.groupingBy(
                thread -> thread.getName().replaceAll("\\d+", "#"), TreeMap::new, Collectors.counting()));
        return new JvmState(ManagementFactory.getThreadMXBean().getThreadCount(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), kinds);
    }

    /**
     * How many threads the kinds that grew since {@code before} added, summed over those kinds only: pools that shed
     * threads meanwhile (those of a warm-up) cannot hide a kind that grew.
     */
    public long threadsGrownSince(JvmState before) {
        return threadsChangedSince(before).values().stream().filter(change -> change > 0).mapToLong(Long::longValue).sum();
    }

    /** The kinds of threads whose count changed since {@code before}, with the change ({@code sandbox-proxy-#=+3}). */
    public Map<String, Long> threadsChangedSince(JvmState before) {
        Map<String, Long> changed = new TreeMap<>();
        threadKinds.forEach((kind, count) -> changed.put(kind, count - before.threadKinds.getOrDefault(kind, 0L)));
        before.threadKinds.forEach((kind, count) -> changed.putIfAbsent(kind, -count));
        changed.values().removeIf(change -> change == 0);
        return changed;
    }

    public long heapMb() {
        return heapAfterGc / (1024 * 1024);
    }

    @Override
    public String toString() {
        return "threads=" + threads + " heapAfterGc=" + String.format("%.1f MB", heapAfterGc / (1024.0 * 1024));
    }
}
