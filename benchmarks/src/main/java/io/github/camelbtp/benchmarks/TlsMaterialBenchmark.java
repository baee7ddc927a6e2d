package io.github.camelbtp.benchmarks;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.tls.DestinationCertificate;
import io.github.camelbtp.connectivity.destination.StaticDestinationLoader;
import io.github.camelbtp.connectivity.support.TestPki;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The per-request cost of a destination with a client certificate ({@code ClientCertificateAuthentication}, a PKCS#12
 * key store in {@code certificates}), in the same run:
 * <ul>
 * <li>{@code resolvePlain}: the engine resolving an https destination without TLS material — the baseline;</li>
 * <li>{@code resolveClientCertificate}: the same with the key store (opened stores are kept by fingerprint);</li>
 * <li>{@code openKeyStore}: the work of opening that key store into an SSLContext — what every resolve of such a
 * destination cost before the engine kept opened stores.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TlsMaterialBenchmark {

    private static final String PASSWORD = "bench-store-password";

    private BtpConnectivity engine;
    private byte[] p12;

    @Setup(Level.Trial)
    public void start() {
        TestPki ca = new TestPki("benchmark CA");
        p12 = ca.client("bench-client").p12(PASSWORD);
        Destination plain = Destination.of("Plain", Map.of("URL", "https://api.example.com", "Authentication",
                "NoAuthentication"), StaticDestinationLoader.SOURCE);
        Destination mtls = new Destination("Mtls", Map.of("Name", "Mtls", "URL", "https://api.example.com",
                "Authentication", "ClientCertificateAuthentication", "KeyStoreLocation", "client.p12",
                "KeyStorePassword", PASSWORD), List.of(), StaticDestinationLoader.SOURCE,
                List.of(new DestinationCertificate("client.p12", p12, "CERTIFICATE")));
        engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.none()).environmentDestinations(null)
                .staticDestinations(List.of(plain, mtls)).build();
        resolvePlain();
        resolveClientCertificate();
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    public Object resolvePlain() {
        return engine.resolve("Plain", DestinationOptions.NONE);
    }

    @Benchmark
    public Object resolveClientCertificate() {
        return engine.resolve("Mtls", DestinationOptions.NONE);
    }

    @Benchmark
    public SSLContext openKeyStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(p12), PASSWORD.toCharArray());
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init((KeyStore) null);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
}
