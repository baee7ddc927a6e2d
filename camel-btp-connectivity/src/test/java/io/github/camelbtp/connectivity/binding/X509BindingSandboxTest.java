package io.github.camelbtp.connectivity.binding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Http;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.connectivity.support.TestPki;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Service bindings with X.509 credentials ({@code certurl}, {@code certificate}, {@code key}, no client secret): the
 * binding's tokens come from the sandbox token service's mutual-TLS endpoint, authenticated by the certificate.
 */
@ExtendWith(SandboxExtension.class)
class X509BindingSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestPki ca;
    private static URI certUrl;
    private static Sandbox started;

    private final Engines engines = new Engines();
    private Sandbox sandbox;

    @BeforeEach
    void setUp(Sandbox sandbox) {
        this.sandbox = sandbox;
        synchronized (X509BindingSandboxTest.class) {
            if (started != sandbox) {
                ca = new TestPki("camel-btp binding CA");
                certUrl = sandbox.x509TokenService(ca.server("localhost").serverContext(ca));
                started = sandbox;
            }
        }
    }

    @AfterEach
    void tearDown() {
        engines.close();
    }

    /** The sandbox's bindings with the X.509 variant for {@code label}: certurl, certificate, key, and no secret. */
    private String x509Bindings(String label, TestPki.Issued certificate) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(sandbox.vcapServices());
        ObjectNode credentials = (ObjectNode) root.path(label).path(0).path("credentials");
        credentials.remove("clientsecret");
        credentials.put("certurl", certUrl.toString());
        credentials.put("certificate", certificate.certificatePem());
        credentials.put("key", certificate.keyPem());
        credentials.put("credential-type", "x509");
        return JSON.writeValueAsString(root);
    }

    private BtpConnectivity engine(String vcap) {
        return engines.add(BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(vcap))
                .environmentDestinations(null).serviceTrust(List.of(ca.certificate())).build());
    }

    @Test
    void destinationBindingWithCertificateFindsDestinations() throws Exception {
        BtpConnectivity engine = engine(x509Bindings("destination", ca.client(DemoDestinations.DESTINATION_CLIENT_ID)));

        ResolvedDestination api = engine.resolve(DemoDestinations.CLOUD_SALES_API, DestinationOptions.NONE);

        assertThat(Http.send(api, "GET", "/api/v1/products").status()).isEqualTo(200);
    }

    @Test
    void connectivityBindingWithCertificateReachesTheOnPremiseBackend() throws Exception {
        BtpConnectivity engine = engine(x509Bindings("connectivity", ca.client(DemoDestinations.CONNECTIVITY_CLIENT_ID)));

        ResolvedDestination erp = engine.resolve(DemoDestinations.ON_PREMISE_ERP, DestinationOptions.NONE);

        assertThat(Http.send(erp, "GET", DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1").status()).isEqualTo(200);
    }

    @Test
    void connectivityBindingWithCertificateOpensSocksTunnels() throws Exception {
        BtpConnectivity engine = engine(x509Bindings("connectivity", ca.client(DemoDestinations.CONNECTIVITY_CLIENT_ID)));

        javax.net.SocketFactory socks = engine.resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE).socketFactory();

        try (java.net.Socket socket = socks.createSocket(DemoDestinations.LEGACY_TCP_VIRTUAL_HOST,
                DemoDestinations.LEGACY_TCP_VIRTUAL_PORT)) {
            socket.getOutputStream().write("x509\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine()).isEqualTo("x509");
        }
    }

    @Test
    void certificateOfAnotherClientIsRefused() throws Exception {
        TestPki.Issued wrong = ca.client("sb-someone-else!b9");
        BtpConnectivity engine = engine(x509Bindings("destination", wrong));

        TokenException e = catchThrowableOfType(TokenException.class,
                () -> engine.resolve(DemoDestinations.CLOUD_SALES_API, DestinationOptions.NONE));

        assertThat(e.errorCode()).isEqualTo("invalid_client");
        Secrets.assertFreeOf(Secrets.describe(e), wrong.keyPem().substring(30, 90));
    }

    @Test
    void bindingsNeverShowTheKey() throws Exception {
        TestPki.Issued certificate = ca.client(DemoDestinations.DESTINATION_CLIENT_ID);
        ServiceBindings bindings = ServiceBindings.fromVcapServices(x509Bindings("destination", certificate));

        String shown = bindings + " " + bindings.destinationService().orElseThrow();

        assertThat(shown).contains("x509").doesNotContain(certificate.keyPem().substring(30, 90));
    }
}
