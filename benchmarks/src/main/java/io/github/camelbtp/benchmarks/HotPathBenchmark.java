package io.github.camelbtp.benchmarks;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.destination.http.RequestTarget;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * Issue 12, target 3: the engine's per-request work with warm caches — find (cache hit), authenticate (cached token),
 * dispatch plan and headers — for the two benchmark targets, plus the identity scope btp-destination derives from the
 * result for each exchange (the key of its SAP session and proxy connections). No network: the first call of the
 * setup warms every cache. Read with {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per request,
 * which other processes on the machine cannot disturb.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathBenchmark {

    private Sandbox sandbox;
    private BtpConnectivity engine;
    private ResolvedDestination internet;

    @Setup(Level.Trial)
    public void start() {
        sandbox = Sandbox.start();
        BenchLandscape.addTo(sandbox);
        engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(sandbox.vcapServices()))
                .environmentDestinations(null).build();
        internet = resolveInternetBasic();
        resolveOnPremiseOAuth();
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
        sandbox.close();
    }

    @Benchmark
    public ResolvedDestination resolveInternetBasic() {
        return engine.resolve(BenchLandscape.INTERNET_BASIC, DestinationOptions.NONE);
    }

    @Benchmark
    public ResolvedDestination resolveOnPremiseOAuth() {
        return engine.resolve(BenchLandscape.ON_PREMISE_OAUTH, DestinationOptions.NONE);
    }

    /**
     * btp-destination's URL for one exchange: destination URL + the endpoint's path + its query (the path's check was
     * done per exchange before issue 12: 1,912 B per exchange, now 472 B).
     */
    @Benchmark
    public String requestTarget() {
        return RequestTarget.build(internet, ENDPOINT_PATH, null, "$top=1", null);
    }

    private static final String ENDPOINT_PATH = DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder";

    /** What btp-destination's producer asks the engine for per exchange: the resolution and its identity scope. */
    @Benchmark
    public String resolveAndScopeOnPremiseOAuth() {
        return engine.resolve(BenchLandscape.ON_PREMISE_OAUTH, DestinationOptions.NONE).identityScope(DestinationOptions.NONE);
    }
}
