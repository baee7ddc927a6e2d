package io.github.camelbtp.benchmarks;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue 12, target 1, measured the way the issue measured it: btp-destination and plain camel-http in one JVM, against
 * the same sandbox backends ({@link HttpCallBenchmark}'s set-up), in <em>interleaved rounds</em>: each round runs the
 * baseline and btp-destination back to back for the same time with the same callers (ABBA order), so load from other
 * tenants of a shared machine hits both sides of a round alike. The figure is the median of the per-round ratios,
 * with their range; p50 and p99 latencies come from every call of the measured rounds. JMH's forks run one benchmark
 * after another, minutes apart, which on a shared 2-core machine gave errors larger than the scores.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.camelbtp.benchmarks.ParityRounds --callers 1,16,64
 * </pre>
 *
 * Options: {@code --callers 1,16,64}, {@code --rounds 10}, {@code --round 4s} (each side, per round),
 * {@code --warmup 40s} (per caller count and pair, alternating), {@code --pairs internet,onpremise} (target 1; also
 * {@code sdk}: target 2, btp-destination against SAP Cloud SDK for Java per exchange; {@code sandbox}: target 8,
 * btp-destination against a bare HttpClient through the same hop, the sandbox's own capacity).
 */
public final class ParityRounds {

    /** One call of one side; returns the answer's body. */
    @FunctionalInterface
    interface Call {
        String call() throws Exception;
    }

    record Side(String name, Call call) {
    }

    /**
     * btp-destination against a baseline.
     *
     * @param target the ratio btp-destination / baseline the issue asks for; 0 when the pair only reports it
     */
    record Pair(String name, Side baseline, Side btp, double target) {
    }

    /**
     * What one side did in one leg: calls completed, how long the leg took, every call's latency (ns), and the CPU
     * time of the callers' threads (ns) — the client's own work, since a classic HttpClient sends and reads on the
     * caller's thread while the sandbox serves on threads of its own.
     */
    record Leg(long calls, long nanos, Histogram latencies, long callerCpuNanos) {
        double rate() {
            return calls * 1e9 / nanos;
        }

        double cpuMicrosPerCall() {
            return callerCpuNanos / 1000.0 / calls;
        }
    }

    private static final long MAX_LATENCY_NS = TimeUnit.MINUTES.toNanos(1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2.properties");
        }
        int[] callers = { 1, 16, 64 };
        int rounds = 10;
        Duration round = Duration.ofSeconds(4);
        Duration warmup = Duration.ofSeconds(40);
        List<String> pairs = List.of("internet", "onpremise");
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--callers" -> callers = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--round" -> round = seconds(value);
                case "--warmup" -> warmup = seconds(value);
                case "--pairs" -> pairs = List.of(value.split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PrintStream out = System.out;
        out.printf("machine: %d cores, Java %s; %d rounds of %s per side, ABBA order, warm-up %s per caller count%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), rounds, round, warmup);
        HttpCallBenchmark bench = new HttpCallBenchmark();
        bench.start();
        try {
            List<Pair> chosen = new ArrayList<>();
            Side internet = new Side("btp-destination", bench::btpDestinationInternet);
            Side onPremise = new Side("btp-destination", bench::btpDestinationOnPremiseOAuth);
            if (pairs.contains("internet")) {
                chosen.add(new Pair("Internet, Basic", new Side("camel-http direct", bench::baselineCamelHttpDirect),
                        internet, 0.95));
            }
            if (pairs.contains("onpremise")) {
                chosen.add(new Pair("OnPremise, OAuth2ClientCredentials", new Side("camel-http via proxy",
                        bench::baselineCamelHttpViaProxy), onPremise, 0.95));
            }
            // target 2: SAP Cloud SDK for Java used per exchange in a processor, the same destination and backend
            if (pairs.contains("sdk")) {
                chosen.add(new Pair("Internet, Basic", new Side("SAP Cloud SDK per exchange",
                        bench::sapCloudSdkPerExchange), internet, 2.0));
            }
            // target 8: the sandbox's own capacity through each hop, with a bare HttpClient (no Camel)
            if (pairs.contains("sandbox")) {
                chosen.add(new Pair("Internet, Basic", new Side("bare HttpClient to the backend",
                        bench::sandboxBackendBare), internet, 0));
                chosen.add(new Pair("OnPremise, OAuth2ClientCredentials", new Side("bare HttpClient through the proxy",
                        bench::sandboxProxyBare), onPremise, 0));
            }
            out.println("| target | callers | baseline | baseline calls/s (median) | btp-destination calls/s (median)"
                    + " | btp-destination / baseline: median of rounds (min–max) | rounds at the target |"
                    + " baseline p50 / p99 µs | btp-destination p50 / p99 µs | callers' CPU per call, µs: baseline /"
                    + " btp-destination (median ratio of rounds) |");
            out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (int n : callers) {
                for (Pair pair : chosen) {
                    warm(pair, n, warmup);
                }
                for (Pair pair : chosen) {
                    out.println(measure(pair, n, rounds, round));
                }
            }
        } finally {
            bench.stop();
        }
        System.exit(0);
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis((long) (Double.parseDouble(value.replaceAll("s$", "")) * 1000));
    }

    private static void warm(Pair pair, int callers, Duration warmup) throws Exception {
        long end = System.nanoTime() + warmup.toNanos();
        Duration slice = Duration.ofSeconds(2);
        while (System.nanoTime() < end) {
            leg(pair.baseline().call(), callers, slice);
            leg(pair.btp().call(), callers, slice);
        }
    }

    private static String measure(Pair pair, int callers, int rounds, Duration round) throws Exception {
        double[] ratios = new double[rounds];
        double[] baselineRates = new double[rounds];
        double[] btpRates = new double[rounds];
        double[] cpuRatios = new double[rounds];
        long baselineCpu = 0;
        long baselineCalls = 0;
        long btpCpu = 0;
        long btpCalls = 0;
        Histogram baselineLatencies = new Histogram(MAX_LATENCY_NS, 3);
        Histogram btpLatencies = new Histogram(MAX_LATENCY_NS, 3);
        for (int r = 0; r < rounds; r++) {
            Leg baseline;
            Leg btp;
            if (r % 2 == 0) {
                baseline = leg(pair.baseline().call(), callers, round);
                btp = leg(pair.btp().call(), callers, round);
            } else {
                btp = leg(pair.btp().call(), callers, round);
                baseline = leg(pair.baseline().call(), callers, round);
            }
            baselineRates[r] = baseline.rate();
            btpRates[r] = btp.rate();
            ratios[r] = btp.rate() / baseline.rate();
            cpuRatios[r] = btp.cpuMicrosPerCall() / baseline.cpuMicrosPerCall();
            baselineCpu += baseline.callerCpuNanos();
            baselineCalls += baseline.calls();
            btpCpu += btp.callerCpuNanos();
            btpCalls += btp.calls();
            baselineLatencies.add(baseline.latencies());
            btpLatencies.add(btp.latencies());
            System.err.printf(Locale.ROOT, "%s, %d callers, round %d: %s %.0f/s (%.1f µs CPU per call), %s %.0f/s"
                    + " (%.1f µs), ratio %.3f%n", pair.name(), callers, r + 1, pair.baseline().name(), baseline.rate(),
                    baseline.cpuMicrosPerCall(), pair.btp().name(), btp.rate(), btp.cpuMicrosPerCall(), ratios[r]);
        }
        String atTarget = pair.target() == 0 ? "—" : Arrays.stream(ratios).filter(ratio -> ratio >= pair.target()).count()
                + " of " + rounds + " ≥ " + pair.target();
        return String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %,.0f | **%.2f** (%.2f–%.2f) | %s | %,.0f / %,.0f | %,.0f / %,.0f"
                + " | %.1f / %.1f (%.2f×) |",
                pair.name(), callers, pair.baseline().name(), median(baselineRates), median(btpRates), median(ratios),
                Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0), atTarget,
                micros(baselineLatencies, 50), micros(baselineLatencies, 99), micros(btpLatencies, 50),
                micros(btpLatencies, 99), baselineCpu / 1000.0 / baselineCalls, btpCpu / 1000.0 / btpCalls,
                median(cpuRatios));
    }

    /** {@code callers} threads call as fast as they can for {@code duration}; a failed call ends the run. */
    static Leg leg(Call call, int callers, Duration duration) throws Exception {
        Histogram[] latencies = new Histogram[callers];
        long[] calls = new long[callers];
        long[] cpu = new long[callers];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[1];
        Thread[] threads = new Thread[callers];
        for (int t = 0; t < callers; t++) {
            int index = t;
            latencies[t] = new Histogram(MAX_LATENCY_NS, 3);
            threads[t] = new Thread(() -> {
                try {
                    go.await();
                    long end = window[0];
                    Histogram mine = latencies[index];
                    long n = 0;
                    long cpuAtStart = THREADS.getCurrentThreadCpuTime();
                    for (long start = System.nanoTime(); start < end; ) {
                        if (call.call() == null) {
                            throw new IllegalStateException("no answer");
                        }
                        long now = System.nanoTime();
                        mine.recordValue(Math.min(now - start, MAX_LATENCY_NS));
                        n++;
                        start = now;
                    }
                    calls[index] = n;
                    cpu[index] = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "parity-caller-" + t);
            threads[t].start();
        }
        long start = System.nanoTime();
        window[0] = start + duration.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long nanos = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("a call failed", failure.get());
        }
        Histogram all = new Histogram(MAX_LATENCY_NS, 3);
        for (Histogram h : latencies) {
            all.add(h);
        }
        return new Leg(Arrays.stream(calls).sum(), nanos, all, Arrays.stream(cpu).sum());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double micros(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
