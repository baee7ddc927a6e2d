package io.github.camelbtp.connectivity.tls;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.http.DestinationHttpClient;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.LogCapture;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.connectivity.support.TestPki;
import io.github.camelbtp.sandbox.wire.HttpsBackend;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Real TLS with certificates generated at test time: destinations whose key and trust stores arrive in the find
 * response's {@code certificates[]}, an HTTPS backend of the sandbox that requires a client certificate, and the
 * failing cases — unknown CA, wrong host name, expired certificate, no client certificate.
 */
@ExtendWith(SandboxExtension.class)
class TlsMaterialSandboxTest {

    private static final String STORE_PASSWORD = "store-password-6e1b";
    private static TestPki ca;
    private static TestPki.Issued client;
    private static HttpsBackend mtls;
    private static HttpsBackend wrongHost;
    private static HttpsBackend expired;
    private static HttpsBackend foreign;

    private final Engines engines = new Engines();
    private final List<String> created = new ArrayList<>();
    private DestinationHttpClient http;
    private Sandbox sandbox;
    private BtpConnectivity engine;

    @BeforeEach
    void setUp(Sandbox sandbox) {
        this.sandbox = sandbox;
        synchronized (TlsMaterialSandboxTest.class) {
            if (ca == null || sandbox.certificates().toString().equals("Certificates[]")) {
                ca = new TestPki("camel-btp test CA");
                TestPki otherCa = new TestPki("some other CA");
                client = ca.client("camel-client");
                mtls = sandbox.httpsBackend(ca.server("localhost").serverContext(ca), true);
                wrongHost = sandbox.httpsBackend(ca.server("other.example").serverContext(ca), false);
                expired = sandbox.httpsBackend(ca.expiredServer("localhost").serverContext(ca), false);
                foreign = sandbox.httpsBackend(otherCa.server("localhost").serverContext(ca), false);
                sandbox.certificates().put("client.p12", client.p12(STORE_PASSWORD))
                        .put("client.pfx", client.p12(STORE_PASSWORD))
                        .put("client.jks", client.jks(STORE_PASSWORD))
                        .put("client.pem", client.pem())
                        .put("ca.crt", ca.crt())
                        .put("ca.der", ca.der())
                        .put("ca.jks", ca.jksTrustStore(STORE_PASSWORD));
            }
        }
        engine = engines.bound(sandbox);
        http = new DestinationHttpClient(20, 10);
    }

    @AfterEach
    void tearDown() throws IOException {
        created.forEach(sandbox.destinations()::delete);
        engines.close();
        http.close();
    }

    private String define(String name, HttpsBackend backend, String... properties) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "HTTP");
        d.put("URL", backend.uri("localhost").toString());
        d.put("ProxyType", "Internet");
        d.put("Authentication", "NoAuthentication");
        for (int i = 0; i < properties.length; i += 2) {
            d.put(properties[i], properties[i + 1]);
        }
        sandbox.destinations().putSubaccount(d);
        created.add(name);
        return name;
    }

    private String whoami(String destination) throws IOException {
        ResolvedDestination r = engine.resolve(destination, DestinationOptions.NONE);
        HttpHost target = HttpHost.create(r.url());
        HttpGet get = new HttpGet(r.url() + "/whoami");
        try (ClassicHttpResponse response = http.executeOpen(target, get, r, DestinationHttpClient.context(r, target))) {
            assertThat(response.getCode()).isEqualTo(200);
            return EntityUtils.toString(response.getEntity());
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException(e);
        }
    }

    private String clientCertificate(String keyStore, String trustStore) {
        return define(("Mtls-" + keyStore + "-" + trustStore).replace('.', '_'), mtls, "Authentication", "ClientCertificateAuthentication",
                "KeyStoreLocation", keyStore, "KeyStorePassword", STORE_PASSWORD,
                "TrustStoreLocation", trustStore, "TrustStorePassword", STORE_PASSWORD);
    }

    @Test
    void clientCertificateFromP12ReachesABackendThatRequiresIt() throws IOException {
        assertThat(whoami(clientCertificate("client.p12", "ca.crt"))).contains("\"clientCertificate\":\"CN=camel-client\"");
    }

    @Test
    void keyStoreIsOpenedOnceNotPerRequest() {
        String name = clientCertificate("client.p12", "ca.crt");

        TlsMaterial first = engine.resolve(name, DestinationOptions.NONE).tls();
        engine.invalidate(name);
        TlsMaterial second = engine.resolve(name, DestinationOptions.NONE).tls();

        assertThat(second).isSameAs(first);
    }

    @Test
    void clientCertificateFromPfxWithDerTrustStore() throws IOException {
        assertThat(whoami(clientCertificate("client.pfx", "ca.der"))).contains("CN=camel-client");
    }

    @Test
    void clientCertificateFromJksWithJksTrustStore() throws IOException {
        assertThat(whoami(clientCertificate("client.jks", "ca.jks"))).contains("CN=camel-client");
    }

    @Test
    void clientCertificateFromPem() throws IOException {
        assertThat(whoami(clientCertificate("client.pem", "ca.crt"))).contains("CN=camel-client");
    }

    @Test
    void withoutClientCertificateTheBackendRefusesTheHandshake() {
        String name = define("NoClientCert", mtls, "TrustStoreLocation", "ca.crt");

        assertThat(catchThrowable(() -> whoami(name))).isInstanceOf(IOException.class);
    }

    @Test
    void serverOfAnUnknownCaIsRefused() {
        String name = define("ForeignCa", foreign, "TrustStoreLocation", "ca.crt");

        assertThat(catchThrowable(() -> whoami(name))).isInstanceOf(SSLException.class);
    }

    @Test
    void withoutTrustStoreOnlyTheJdksCasAreTrusted() {
        String name = define("JdkTrustOnly", mtls, "HostnameVerifier", "BrowserCompatible");

        assertThat(catchThrowable(() -> whoami(name))).isInstanceOf(SSLException.class);
    }

    @Test
    void certificateForAnotherHostIsRefusedByStrictHostnameVerification() {
        String name = define("WrongHost", wrongHost, "TrustStoreLocation", "ca.crt");

        assertThat(catchThrowable(() -> whoami(name))).isInstanceOf(SSLException.class);
    }

    @Test
    void expiredServerCertificateIsRefused() {
        String name = define("Expired", expired, "TrustStoreLocation", "ca.crt");

        assertThat(catchThrowable(() -> whoami(name))).isInstanceOf(SSLException.class);
    }

    @Test
    void trustAllAcceptsWhatTheDestinationSaysAndWarnsOncePerDestination() throws IOException {
        String name = define("TrustAllWrongHost", wrongHost, "TrustAll", "TRUE");
        try (LogCapture log = LogCapture.engine()) {
            whoami(name);
            engine.invalidate(name);
            whoami(name);

            assertThat(log.lines().stream().filter(m -> m.contains("TrustAllWrongHost") && m.contains("TrustAll=TRUE")))
                    .hasSize(1);
        }
    }

    @Test
    void twoEnginesNeverShareOpenedKeyMaterial() {
        String name = clientCertificate("client.p12", "ca.crt");
        BtpConnectivity other = engines.bound(sandbox);

        TlsMaterial mine = engine.resolve(name, DestinationOptions.NONE).tls();
        TlsMaterial theirs = other.resolve(name, DestinationOptions.NONE).tls();

        // one engine opens a key store once; another engine in the same JVM opens its own
        assertThat(engine.resolve(name, DestinationOptions.NONE).tls()).isSameAs(mine);
        assertThat(theirs).isNotSameAs(mine);
        assertThat(theirs.sslContext()).isNotSameAs(mine.sslContext());
        assertThat(theirs.fingerprint()).isEqualTo(mine.fingerprint());
    }

    @Test
    void trustAllIsWarnedOncePerEngine() throws IOException {
        String name = define("TrustAllTwoEngines", wrongHost, "TrustAll", "TRUE");
        BtpConnectivity other = engines.bound(sandbox);
        try (LogCapture log = LogCapture.engine()) {
            engine.resolve(name, DestinationOptions.NONE);
            other.resolve(name, DestinationOptions.NONE);

            // each engine warns for itself: a warning another application's engine gave is not this one's
            assertThat(log.lines().stream().filter(m -> m.contains("TrustAllTwoEngines") && m.contains("TrustAll=TRUE")))
                    .hasSize(2);
        }
    }

    @Test
    void destinationsWithTheSameMaterialShareOnePoolAndOthersGetTheirOwn() throws IOException {
        whoami(clientCertificate("client.p12", "ca.crt"));
        whoami(define("SameMaterial", mtls, "Authentication", "ClientCertificateAuthentication",
                "KeyStoreLocation", "client.p12", "KeyStorePassword", STORE_PASSWORD, "TrustStoreLocation", "ca.crt"));
        assertThat(http.tlsPoolCount()).isEqualTo(1);

        whoami(clientCertificate("client.pem", "ca.crt"));

        assertThat(http.tlsPoolCount()).isEqualTo(2);
    }

    @Test
    void keyStoreTheServiceDidNotReturnNamesTheProperty() {
        String name = define("MissingKeyStore", mtls, "Authentication", "ClientCertificateAuthentication",
                "KeyStoreLocation", "nowhere.p12", "KeyStorePassword", STORE_PASSWORD);

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve(name, DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("KeyStoreLocation");
        assertThat(e.getMessage()).contains("nowhere.p12").contains("'MissingKeyStore'");
    }

    @Test
    void wrongKeyStorePasswordNamesThePropertyNotThePassword() {
        String wrong = "wrong-password-9a7c";
        String name = define("WrongPassword", mtls, "Authentication", "ClientCertificateAuthentication",
                "KeyStoreLocation", "client.p12", "KeyStorePassword", wrong);

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve(name, DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("KeyStorePassword");
        Secrets.assertFreeOf(Secrets.describe(e), wrong, STORE_PASSWORD);
    }

    @Test
    void clientCertificateNeedsAnHttpsUrl() {
        String name = define("PlainHttpCert", mtls, "URL", "http://localhost:1", "Authentication",
                "ClientCertificateAuthentication", "KeyStoreLocation", "client.p12", "KeyStorePassword", STORE_PASSWORD);

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve(name, DestinationOptions.NONE));

        assertThat(e.property()).isEqualTo("URL");
    }

    @Test
    void tlsMaterialNeverShowsKeyBytesOrPasswords() {
        ResolvedDestination r = engine.resolve(clientCertificate("client.p12", "ca.crt"), DestinationOptions.NONE);

        String shown = r.toString() + r.destination() + r.tls();
        Secrets.assertFreeOf(shown, STORE_PASSWORD);
        assertThat(shown).doesNotContain(Base64.getEncoder().encodeToString(client.p12(STORE_PASSWORD)).substring(0, 40));
    }
}
