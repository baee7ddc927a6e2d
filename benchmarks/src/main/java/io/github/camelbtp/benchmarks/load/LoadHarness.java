package io.github.camelbtp.benchmarks.load;

import io.github.camelbtp.destination.BtpDestinationComponent;
import io.github.camelbtp.rfc.BtpRfcComponent;
import io.github.camelbtp.sandbox.Sandbox;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Load through the whole stack in one JVM: callers → btp-destination or btp-rfc → the sandbox's Connectivity proxy
 * (HTTP) or SOCKS5 proxy → the Cloud Connector rules → an on-premise backend, with tokens that live a few seconds, so
 * the engine renews the connectivity and destination tokens and looks the destination up again many times during
 * the run. Prints the figures and checks the invariants; the exit code is 0 when all hold, 1 when one fails, 2 for
 * bad options. Not run by the build (docs/reliability.md, "Load" and "Soak"):
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.camelbtp.benchmarks.load.LoadHarness --type http --requests 100000 --callers 64
 * java -cp benchmarks/target/benchmarks.jar io.github.camelbtp.benchmarks.load.LoadHarness --type mail
 * java -cp benchmarks/target/benchmarks.jar io.github.camelbtp.benchmarks.load.LoadHarness --type rfc
 * java -cp benchmarks/target/benchmarks.jar io.github.camelbtp.benchmarks.load.LoadHarness --duration 10m
 * </pre>
 *
 * Invariants: no failed request (and every answer is the answer to its own request); for MAIL, as many mails
 * received as sent; at least {@code --min-rotations} token grants during the run; never more connections open at
 * the Connectivity proxy than the component's pool allows; threads and heap (after full GC) back where they were
 * before the run once the JVM idled {@code --settle}: the kinds of threads (names without digits) that grew add at
 * most {@code --thread-slack} threads, the heap at most {@code --heap-slack-mb}.
 */
public final class LoadHarness {

    /** Kept error messages: enough to see what failed, bounded so a failing soak does not fill the heap. */
    private static final int KEPT_ERRORS = 10;
    private static final long MAIL_ARRIVAL_MS = 60_000;

    private final LoadOptions options;
    private final PrintStream out;

    LoadHarness(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        // the shaded jar also holds a test-jar's log4j2-test.properties (DEBUG), which log4j2 would prefer
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2.properties");
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        List<String> failed = new LoadHarness(options, System.out).run();
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    /** Runs the load and returns the invariants that failed (empty when all held). */
    List<String> run() throws Exception {
        out.println("load " + options);
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        try (Sandbox sandbox = Sandbox.builder().tokenLifetime(options.tokenLifetime()).build();
                CamelContext camel = camel(sandbox)) {
            ProducerTemplate template = camel.createProducerTemplate();
            Workload workload = Workload.of(options, template);

            Phase warmup = new Phase(workload, options.callers(), options.warmup(), null, null);
            warmup.run();
            out.println("warm-up: " + warmup.done.sum() + " ok, " + warmup.errors.sum() + " errors");
            sandbox.mailServer().purge();

            ConcurrentHistogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
            JvmState before = JvmState.capture();
            SandboxFigures sandboxBefore = SandboxFigures.capture(sandbox);
            out.println("before: " + before);

            Phase load = new Phase(workload, options.callers(), options.soak() ? Long.MAX_VALUE : options.requests(),
                    options.duration(), latencies);
            Thread reporter = reporter(load, sandbox, sandboxBefore, before);
            long start = System.nanoTime();
            load.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            reporter.interrupt();
            reporter.join();

            SandboxFigures figures = SandboxFigures.capture(sandbox).since(sandboxBefore);
            List<String> failed = new ArrayList<>();
            if (warmup.errors.sum() > 0) {
                failed.add(warmup.errors.sum() + " errors in the warm-up, first: " + warmup.firstErrors);
            }
            long ok = load.done.sum();
            long errors = load.errors.sum();
            if (options.type().equals("mail")) {
                // each mail is one SMTP session; the server may still be storing the last ones
                sandbox.mailServer().waitForMessages((int) ok, MAIL_ARRIVAL_MS);
                figures = SandboxFigures.capture(sandbox).since(sandboxBefore);
                if (figures.mails() != ok) {
                    failed.add("mails received " + figures.mails() + " != mails sent " + ok);
                }
                sandbox.mailServer().purge();
            }
            JvmState right = JvmState.capture();
            out.println("right after the run: " + right + ", threads changed: " + right.threadsChangedSince(before));
            TimeUnit.MILLISECONDS.sleep(options.settle().toMillis());
            JvmState after = JvmState.capture();
            int mostOpen = sandbox.connectivity().mostOpenConnections();

            out.printf("requests: %d ok, %d errors in %.1f s: %.0f requests/s%n", ok, errors, seconds, ok / seconds);
            out.printf("latency: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", ms(latencies, 50),
                    ms(latencies, 99), ms(latencies, 99.9), latencies.getMaxValue() / 1000.0);
            out.printf("tokens granted during the run: connectivity %d, destination %d (token lifetime %s); "
                    + "destination lookups %d (cache lifetime %s)%n", figures.connectivityTokens(),
                    figures.destinationTokens(), options.tokenLifetime(), figures.destinationLookups(),
                    options.destinationTtl());
            out.printf("Connectivity proxy: %d connections opened during the run, at most %d open at once since start "
                    + "(pool %d), %d proxied calls; SOCKS5 tunnels %d; mails received %d%n", figures.proxyConnections(),
                    mostOpen, options.pool(), figures.proxiedCalls(), figures.socksTunnels(), figures.mails());
            out.println("after " + options.settle().toSeconds() + " s idle: " + after + ", threads changed: "
                    + after.threadsChangedSince(before));

            if (errors > 0) {
                failed.add(errors + " errors, first: " + load.firstErrors);
            }
            if (figures.tokenRotations() < options.minRotations()) {
                failed.add("only " + figures.tokenRotations() + " token grants during the run, wanted at least "
                        + options.minRotations());
            }
            if (mostOpen > options.pool()) {
                failed.add(mostOpen + " connections open at the Connectivity proxy at once, above the pool of "
                        + options.pool());
            }
            if (after.threadsGrownSince(before) > options.threadSlack()) {
                failed.add(after.threadsGrownSince(before) + " threads more of the kinds that grew, from "
                        + before.threads() + " to " + after.threads() + " in all: " + after.threadsChangedSince(before));
            }
            if (after.heapAfterGc() - before.heapAfterGc() > options.heapSlackMb() * 1024L * 1024) {
                failed.add("heap after GC grew from " + before + " to " + after);
            }
            out.println(failed.isEmpty() ? "PASS: every invariant held" : "FAIL: " + String.join("; ", failed));
            return failed;
        }
    }

    private CamelContext camel(Sandbox sandbox) {
        CamelContext camel = new DefaultCamelContext();
        if (options.type().equals("rfc")) {
            BtpRfcComponent rfc = new BtpRfcComponent();
            rfc.getEngineOptions().setVcapServices(sandbox.vcapServices());
            rfc.getEngineOptions().setDestinationCacheTtl(options.destinationTtl().toMillis());
            rfc.setMaxTotalConnections(options.pool());
            rfc.setConnectionsPerRoute(options.pool());
            camel.addComponent("btp-rfc", rfc);
        } else {
            BtpDestinationComponent btp = new BtpDestinationComponent();
            btp.getEngineOptions().setVcapServices(sandbox.vcapServices());
            btp.getEngineOptions().setDestinationCacheTtl(options.destinationTtl().toMillis());
            btp.setMaxTotalConnections(options.pool());
            btp.setConnectionsPerRoute(options.pool());
            camel.addComponent("btp-destination", btp);
        }
        camel.start();
        return camel;
    }

    /**
     * Prints progress every 10 s; in a soak, also the JVM's threads and heap after GC at every whole minute (the
     * collections pause the callers for a moment, which shows in the maximum latency, not in p99).
     */
    private Thread reporter(Phase load, Sandbox sandbox, SandboxFigures sandboxBefore, JvmState before) {
        Thread reporter = new Thread(() -> {
            long start = System.nanoTime();
            if (options.soak()) {
                out.println("minute 0: requests 0, errors 0, " + before);
            }
            try {
                for (int tick = 1; ; tick++) {
                    TimeUnit.SECONDS.sleep(10);
                    SandboxFigures figures = SandboxFigures.capture(sandbox).since(sandboxBefore);
                    String line = String.format("%4.0f s: requests %d, errors %d, token grants %d, proxy connections "
                            + "%d (open now %d)", (System.nanoTime() - start) / 1e9, load.done.sum(), load.errors.sum(),
                            figures.tokenRotations(), figures.proxyConnections(), sandbox.connectivity().openConnections());
                    if (options.soak() && tick % 6 == 0) {
                        line = "minute " + tick / 6 + ": " + line + ", " + JvmState.capture();
                    }
                    out.println(line);
                }
            } catch (InterruptedException e) {
                // the run ended
            }
        }, "load-reporter");
        reporter.setDaemon(true);
        reporter.start();
        return reporter;
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /**
     * One phase: {@code callers} threads take request numbers from one counter until {@code requests} are taken or
     * {@code duration} has passed; the threads end with the phase, so none of them counts in the "after" figures.
     */
    private static final class Phase {

        private final Workload workload;
        private final int callers;
        private final long requests;
        private final Duration duration;
        private final Histogram latencies;
        private final AtomicLong next = new AtomicLong();
        final LongAdder done = new LongAdder();
        final LongAdder errors = new LongAdder();
        final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

        Phase(Workload workload, int callers, long requests, Duration duration, Histogram latencies) {
            this.workload = workload;
            this.callers = callers;
            this.requests = requests;
            this.duration = duration;
            this.latencies = latencies;
        }

        void run() throws InterruptedException {
            long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Thread caller = new Thread(() -> call(end), "load-caller-" + i);
                caller.start();
                threads.add(caller);
            }
            for (Thread caller : threads) {
                caller.join();
            }
        }

        private void call(long end) {
            for (long n; (n = next.getAndIncrement()) < requests && System.nanoTime() < end; ) {
                long start = System.nanoTime();
                try {
                    workload.call(n);
                    done.increment();
                    if (latencies != null) {
                        latencies.recordValue(Math.min((System.nanoTime() - start) / 1000, latencies.getHighestTrackableValue()));
                    }
                } catch (Exception e) {
                    errors.increment();
                    if (firstErrors.size() < KEPT_ERRORS) {
                        firstErrors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
            }
        }
    }
}
