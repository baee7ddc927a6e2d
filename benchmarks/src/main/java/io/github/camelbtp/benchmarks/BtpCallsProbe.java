package io.github.camelbtp.benchmarks;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.cache.CachePolicy;
import io.github.camelbtp.connectivity.support.MutableClock;
import io.github.camelbtp.destination.BtpDestinationComponent;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.Counters;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 12, targets 4–6 and "Scaling out": what the engine costs the BTP services and the heap, counted at the
 * sandbox (its {@link Counters}) rather than timed, so a busy machine does not change the figures. A main, not a JMH
 * benchmark; each mode prints its figures and stops:
 * <ul>
 * <li>{@code cold}: BTP calls of the first request of a new CamelContext (OnPremise OAuth2ClientCredentials through
 * btp-destination), and of 64 concurrent first requests; time to first response (the sandbox and the JVM's classes
 * warmed by a throwaway context first: the engine's cold start, not the JVM's);</li>
 * <li>{@code rotation ROUNDS}: 8 callers through the Connectivity proxy while every token rotates ROUNDS times (clock
 * moved past each token's lifetime); connections the proxy accepted;</li>
 * <li>{@code scale ENGINES}: ENGINES engines in one JVM (as many replicas), each resolving both targets for 12
 * cache lifetimes (1 h at the default 5 min TTL, 1 h tokens): lookups and token grants per lifetime;</li>
 * <li>{@code memory DESTINATIONS TENANTS}: heap retained by an engine holding DESTINATIONS cached destinations of the
 * provider, then by TENANTS subscriber tenants × 10 destinations each.</li>
 * </ul>
 */
public final class BtpCallsProbe {

    private BtpCallsProbe() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "cold" -> cold();
            case "rotation" -> rotation(Integer.parseInt(args[1]));
            case "scale" -> scale(Integer.parseInt(args[1]));
            case "memory" -> memory(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> System.out.println("usage: BtpCallsProbe cold | rotation ROUNDS | scale ENGINES"
                    + " | memory DESTINATIONS TENANTS");
        }
    }

    private static String calls(Counters c) {
        return "lookups=" + c.destinationLookups() + " destinationServiceTokens=" + c.tokenGrants(DemoDestinations.DESTINATION_CLIENT_ID)
                + " connectivityTokens=" + c.tokenGrants(DemoDestinations.CONNECTIVITY_CLIENT_ID)
                + " destinationOAuthTokens(by the Destination Service)=" + c.tokenGrants(BenchLandscape.API_CLIENT_ID);
    }

    private static CamelContext camel(BtpConnectivity engine, Sandbox sandbox) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        BtpDestinationComponent btp = new BtpDestinationComponent();
        if (engine != null) {
            btp.setConnectivity(engine);
        } else {
            btp.getEngineOptions().setVcapServices(sandbox.vcapServices());
        }
        camel.addComponent("btp-destination", btp);
        camel.start();
        return camel;
    }

    private static final String ON_PREMISE = "btp-destination:" + BenchLandscape.ON_PREMISE_OAUTH + BenchLandscape.PRODUCTS_PATH;

    private static void cold() throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            BenchLandscape.addTo(sandbox);
            // a throwaway engine first: the sandbox's own first token and lookup (key set-up, JIT) are not the engine's
            try (CamelContext warm = camel(null, sandbox)) {
                warm.createProducerTemplate().requestBody(ON_PREMISE, null, String.class);
            }
            sandbox.counters().reset();
            try (CamelContext camel = camel(null, sandbox)) {
                long start = System.nanoTime();
                camel.createProducerTemplate().requestBody(ON_PREMISE, null, String.class);
                long micros = (System.nanoTime() - start) / 1_000;
                System.out.println("cold first request: " + calls(sandbox.counters()) + " timeToFirstResponse="
                        + micros / 1000 + " ms");
            }
            sandbox.counters().reset();
            try (CamelContext camel = camel(null, sandbox)) {
                ProducerTemplate template = camel.createProducerTemplate();
                int callers = 64;
                ExecutorService pool = Executors.newFixedThreadPool(callers);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Long>> done = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    done.add(pool.submit(() -> {
                        go.await();
                        long start = System.nanoTime();
                        template.requestBody(ON_PREMISE, null, String.class);
                        return System.nanoTime() - start;
                    }));
                }
                go.countDown();
                long slowest = 0;
                for (Future<Long> f : done) {
                    slowest = Math.max(slowest, f.get());
                }
                pool.shutdown();
                System.out.println("64 concurrent first requests: " + calls(sandbox.counters()) + " slowestFirstResponse="
                        + slowest / 1_000_000 + " ms");
            }
        }
    }

    private static void rotation(int rounds) throws Exception {
        MutableClock clock = new MutableClock();
        Duration lifetime = Duration.ofMinutes(10);
        try (Sandbox sandbox = Sandbox.builder().clock(clock).tokenLifetime(lifetime).build()) {
            BenchLandscape.addTo(sandbox);
            BtpConnectivity engine = BtpConnectivity.builder()
                    .serviceBindings(ServiceBindings.fromVcapServices(sandbox.vcapServices()))
                    .environmentDestinations(null).clock(clock).build();
            try (CamelContext camel = camel(engine, sandbox)) {
                ProducerTemplate template = camel.createProducerTemplate();
                int callers = 8;
                ExecutorService pool = Executors.newFixedThreadPool(callers);
                long before = sandbox.connectivityProxyConnections();
                sandbox.counters().reset();
                for (int round = 0; round <= rounds; round++) {
                    List<Future<?>> done = new ArrayList<>();
                    for (int i = 0; i < callers; i++) {
                        done.add(pool.submit(() -> {
                            for (int n = 0; n < 50; n++) {
                                template.requestBody(ON_PREMISE, null, String.class);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : done) {
                        f.get();
                    }
                    clock.advance(lifetime); // every token and the destination's cached token expire
                }
                pool.shutdown();
                System.out.println("rotation: rounds=" + rounds + " callers=" + callers + " requests=" + (rounds + 1) * callers * 50
                        + " proxyConnectionsAccepted=" + (sandbox.connectivityProxyConnections() - before)
                        + " poolSizePerRoute=100 " + calls(sandbox.counters()));
            } finally {
                engine.close();
            }
        }
    }

    private static void scale(int engines) {
        MutableClock clock = new MutableClock();
        try (Sandbox sandbox = Sandbox.builder().clock(clock).tokenLifetime(Duration.ofHours(1)).build()) {
            BenchLandscape.addTo(sandbox);
            List<BtpConnectivity> replicas = new ArrayList<>();
            for (int i = 0; i < engines; i++) {
                replicas.add(BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(sandbox.vcapServices()))
                        .environmentDestinations(null).clock(clock).build());
            }
            sandbox.counters().reset();
            int lifetimes = 12;
            for (int l = 0; l < lifetimes; l++) {
                for (BtpConnectivity engine : replicas) {
                    for (int n = 0; n < 100; n++) {
                        engine.resolve(BenchLandscape.ON_PREMISE_OAUTH, DestinationOptions.NONE);
                        engine.resolve(BenchLandscape.INTERNET_BASIC, DestinationOptions.NONE);
                    }
                }
                clock.advance(CachePolicy.DEFAULT.ttl().plusSeconds(1));
            }
            Counters c = sandbox.counters();
            System.out.printf("scale: engines=%d destinations=2 cacheLifetimes=%d (%s each) lookups=%d (%.1f per lifetime)"
                    + " destinationServiceTokens=%d connectivityTokens=%d destinationOAuthTokens=%d%n", engines, lifetimes,
                    CachePolicy.DEFAULT.ttl(), c.destinationLookups(), c.destinationLookups() / (double) lifetimes,
                    c.tokenGrants(DemoDestinations.DESTINATION_CLIENT_ID), c.tokenGrants(DemoDestinations.CONNECTIVITY_CLIENT_ID),
                    c.tokenGrants(BenchLandscape.API_CLIENT_ID));
            replicas.forEach(BtpConnectivity::close);
        }
    }

    private static void memory(int destinations, int tenants) {
        try (Sandbox sandbox = Sandbox.start()) {
            for (int i = 0; i < destinations; i++) {
                sandbox.destinations().putSubaccount(destination("Dest" + i, sandbox));
            }
            List<String> subdomains = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                String subdomain = "tenant" + t;
                subdomains.add(subdomain);
                var tenant = sandbox.tenants().subscribe(subdomain);
                for (int i = 0; i < 10; i++) {
                    tenant.destinations().putSubaccount(destination("TenantDest" + i, sandbox));
                }
            }
            BtpConnectivity engine = BtpConnectivity.builder()
                    .serviceBindings(ServiceBindings.fromVcapServices(sandbox.vcapServices())).environmentDestinations(null)
                    .cachePolicy(CachePolicy.DEFAULT.withMaximumSize(destinations + tenants * 10L + 100)).build();
            engine.resolve(DemoDestinations.ON_PREMISE_ERP, DestinationOptions.NONE); // tokens, clients, classes
            long empty = retained();
            for (int i = 0; i < destinations; i++) {
                engine.resolve("Dest" + i, DestinationOptions.NONE);
            }
            long provider = retained();
            for (String subdomain : subdomains) {
                DestinationOptions options = DestinationOptions.forTenant(subdomain);
                for (int i = 0; i < 10; i++) {
                    engine.resolve("TenantDest" + i, options);
                }
            }
            long all = retained();
            System.out.printf("memory: %d provider destinations retain %.1f MB (%d B each); %d tenants x 10 destinations"
                    + " retain %.1f MB more (%d B per tenant)%n", destinations, (provider - empty) / 1e6,
                    destinations == 0 ? 0 : (provider - empty) / destinations, tenants, (all - provider) / 1e6,
                    tenants == 0 ? 0 : (all - provider) / tenants);
            engine.close();
        }
    }

    private static Map<String, String> destination(String name, Sandbox sandbox) {
        return Map.of("Name", name, "Type", "HTTP", "ProxyType", "Internet", "URL", sandbox.salesBackendUri().toString(),
                "Authentication", "BasicAuthentication", "User", DemoDestinations.SALES_USER,
                "Password", DemoDestinations.SALES_PASSWORD, "Description", "probe destination " + name);
    }

    /** Heap in use after full collections (retained, not merely allocated). */
    private static long retained() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
