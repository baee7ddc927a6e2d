package io.github.camelbtp.benchmarks.load;

import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one {@link LoadHarness} run does. Parsed from {@code --name value} pairs; every option has a default that
 * depends on {@link #type}: {@code http} 100,000 requests from 64 callers to {@value DemoDestinations#ON_PREMISE_ERP},
 * {@code mail} 5,000 mails from 16 callers to {@value DemoDestinations#CORPORATE_MAIL}, {@code rfc} 20,000 calls from
 * 16 callers to {@value DemoDestinations#ERP_RFC}.
 *
 * @param type           {@code http}, {@code mail} or {@code rfc}
 * @param requests       requests to send (ignored when {@code duration} is set)
 * @param duration       a soak: send for this long instead of a request count; {@code null} for a count
 * @param callers        concurrent callers (one thread each)
 * @param destination    the destination every request goes to
 * @param pool           the component's HTTP pool ({@code maxTotalConnections} and {@code connectionsPerRoute})
 * @param tokenLifetime  the sandbox token service's token lifetime: short, so the engine renews tokens mid-run
 * @param destinationTtl the destination cache's lifetime: short, so the engine looks the destination up mid-run
 * @param warmup         requests sent before the "before" figures are taken
 * @param minRotations   token grants the sandbox must see during the run
 * @param threadSlack    threads the kinds of threads that grew may add, summed (a kind: a name without digits)
 * @param heapSlackMb    heap (after full GC) the JVM may retain after the run above the figure before it, in MB
 * @param settle         how long the JVM idles after the run before the "after" figures are checked: longer than
 *                       the idle timeouts of the bounded pools that grow under load (60 s for the engine's destination
 *                       refresh threads and the sandbox's worker threads), so what remains is what would leak
 */
public record LoadOptions(String type, long requests, Duration duration, int callers, String destination, int pool,
        Duration tokenLifetime, Duration destinationTtl, int warmup, int minRotations, int threadSlack, int heapSlackMb,
        Duration settle) {

    static final String USAGE = """
            usage: LoadHarness [--type http|mail|rfc] [--requests N | --duration 10m] [--callers N]
                               [--destination NAME] [--pool N] [--token-lifetime 10s] [--destination-ttl 2s]
                               [--warmup N] [--min-rotations N] [--thread-slack N] [--heap-slack-mb N] [--settle 70s]""";

    private static final Set<String> NAMES = Set.of("--type", "--requests", "--duration",
            "--callers", "--destination", "--pool", "--token-lifetime", "--destination-ttl", "--warmup",
            "--min-rotations", "--thread-slack", "--heap-slack-mb", "--settle");

    /** Reads {@code --name value} pairs; an unknown name or a bad value is an {@link IllegalArgumentException}. */
    public static LoadOptions parse(String... args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs (--name value): " + String.join(" ", args));
        }
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!NAMES.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            given.put(args[i], args[i + 1]);
        }
        String type = given.getOrDefault("--type", "http").toLowerCase(Locale.ROOT);
        // per type: requests, callers, destination, pool (btp-rfc's calls are longer, its callers fewer)
        String[] defaults = switch (type) {
            case "http" -> new String[] {"100000", "64", DemoDestinations.ON_PREMISE_ERP, "32"};
            case "mail" -> new String[] {"5000", "16", DemoDestinations.CORPORATE_MAIL, "32"};
            case "rfc" -> new String[] {"20000", "16", DemoDestinations.ERP_RFC, "8"};
            default -> throw new IllegalArgumentException("--type is http, mail or rfc, not '" + type + "'");
        };
        return new LoadOptions(type,
                positive("--requests", given.getOrDefault("--requests", defaults[0])),
                given.containsKey("--duration") ? duration("--duration", given.get("--duration")) : null,
                (int) positive("--callers", given.getOrDefault("--callers", defaults[1])),
                given.getOrDefault("--destination", defaults[2]),
                (int) positive("--pool", given.getOrDefault("--pool", defaults[3])),
                duration("--token-lifetime", given.getOrDefault("--token-lifetime", "10s")),
                duration("--destination-ttl", given.getOrDefault("--destination-ttl", "2s")),
                (int) atLeastZero("--warmup", given.getOrDefault("--warmup", type.equals("http") ? "2000" : "200")),
                (int) atLeastZero("--min-rotations", given.getOrDefault("--min-rotations", "10")),
                (int) atLeastZero("--thread-slack", given.getOrDefault("--thread-slack", "10")),
                (int) atLeastZero("--heap-slack-mb", given.getOrDefault("--heap-slack-mb", "8")),
                duration("--settle", given.getOrDefault("--settle", "70s")));
    }

    /** Whether this is a soak (a duration) rather than a fixed number of requests. */
    public boolean soak() {
        return duration != null;
    }

    private static long positive(String name, String value) {
        long number = atLeastZero(name, value);
        if (number == 0) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return number;
    }

    private static long atLeastZero(String name, String value) {
        try {
            long number = Long.parseLong(value.replace("_", "").replace(",", ""));
            if (number < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a number, not '" + value + "'");
        }
    }

    /** {@code 90s}, {@code 10m}, {@code 1h} or an ISO-8601 duration ({@code PT10M}). */
    private static Duration duration(String name, String value) {
        try {
            String v = value.trim().toLowerCase(Locale.ROOT);
            return v.startsWith("pt") ? Duration.parse(v) : Duration.parse("PT" + v.toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " takes a duration such as 90s, 10m or PT10M, not '" + value + "'");
        }
    }
}
