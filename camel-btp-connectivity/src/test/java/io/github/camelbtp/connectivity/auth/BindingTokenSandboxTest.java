package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.cache.CachePolicy;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.MutableClock;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The service bindings' own tokens (Destination Service, Connectivity proxy), counted at the sandbox token service. */
@ExtendWith(SandboxExtension.class)
class BindingTokenSandboxTest {

    private final Engines engines = new Engines();
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void close() {
        engines.close();
    }

    private static String proxyAuthorization(ResolvedDestination r) {
        return r.headers().stream().filter(h -> h.name().equals("Proxy-Authorization")).map(HttpHeader::value).findFirst().orElseThrow();
    }

    @Test
    void bindingTokensAreFetchedOnceAndReusedAcrossLookups(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);

        ResolvedDestination first = engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        assertThat(sandbox.counters().tokenGrants()).as("destination + connectivity binding").isEqualTo(2);

        engine.invalidate("OnPremiseERP");
        ResolvedDestination second = engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        engine.resolve("OnPremiseERPPlant01", DestinationOptions.NONE);

        assertThat(sandbox.counters().destinationLookups()).isEqualTo(3);
        assertThat(sandbox.counters().tokenGrants()).isEqualTo(2);
        assertThat(proxyAuthorization(second)).isEqualTo(proxyAuthorization(first));
    }

    @Test
    void expiredConnectivityTokenIsRefreshedOnceForThirtyTwoConcurrentCallers(Sandbox sandbox) throws Exception {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.clock(clock).cachePolicy(CachePolicy.DEFAULT.withTtl(Duration.ofDays(2))));
        String before = proxyAuthorization(engine.resolve("OnPremiseERP", DestinationOptions.NONE));
        sandbox.counters().reset();

        clock.advance(Duration.ofHours(12));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        Set<String> after = new HashSet<>();
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
                after.add(proxyAuthorization(result.get(20, TimeUnit.SECONDS)));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sandbox.counters().tokenGrants()).isEqualTo(1);
        assertThat(sandbox.counters().destinationLookups()).isZero();
        assertThat(after).singleElement().isNotEqualTo(before);
    }

    @Test
    void tokenIsRenewedAheadOfExpiryByTheRefreshMargin(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.clock(clock).tokenRefreshMargin(Duration.ofMinutes(5))
                .cachePolicy(CachePolicy.DEFAULT.withTtl(Duration.ofDays(2))));
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        sandbox.counters().reset();

        clock.advance(Duration.ofHours(12).minusMinutes(6));
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        assertThat(sandbox.counters().tokenGrants()).isZero();

        clock.advance(Duration.ofMinutes(2));
        engine.resolve("OnPremiseERP", DestinationOptions.NONE);
        assertThat(sandbox.counters().tokenGrants()).as("renewed 5 minutes before expiry").isEqualTo(1);
    }

    @Test
    void tokenServiceFailureIsATokenExceptionNamingHostAndErrorCodeWithoutSecret(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);
        sandbox.faults().tokenServiceFailure(500);

        TokenException e = catchThrowableOfType(TokenException.class, () -> engine.resolve("OnPremiseERP", DestinationOptions.NONE));

        String host = sandbox.tokenServiceUri().getAuthority();
        assertThat(e.tokenServiceHost()).isEqualTo(host);
        assertThat(e.errorCode()).isEqualTo("server_error");
        assertThat(e.getMessage()).contains(host).contains("server_error").contains("500");
        Secrets.assertFreeOf(Secrets.describe(e), Engines.bindingSecrets(sandbox));
    }

    @Test
    void tokenServiceThatCannotBeReachedIsATokenExceptionNamingTheHost(Sandbox sandbox) throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String vcap = sandbox.vcapServices().replace(sandbox.tokenServiceUri().toString(), "http://127.0.0.1:" + closedPort);
        BtpConnectivity engine = engines.add(BtpConnectivity.builder().environmentDestinations(null)
                .serviceBindings(io.github.camelbtp.connectivity.binding.ServiceBindings.fromVcapServices(vcap)).build());

        TokenException e = catchThrowableOfType(TokenException.class, () -> engine.resolve("OnPremiseERP", DestinationOptions.NONE));

        assertThat(e.tokenServiceHost()).isEqualTo("127.0.0.1:" + closedPort);
        assertThat(e.errorCode()).isNull();
        Secrets.assertFreeOf(Secrets.describe(e), Engines.bindingSecrets(sandbox));
    }
}
