package io.github.camelbtp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.sap.cloud.environment.servicebinding.SapVcapServicesServiceBindingAccessor;
import com.sap.cloud.environment.servicebinding.api.DefaultServiceBindingAccessor;
import com.sap.cloud.environment.servicebinding.api.ServiceBindingAccessor;
import com.sap.cloud.sdk.cloudplatform.connectivity.Destination;
import com.sap.cloud.sdk.cloudplatform.connectivity.DestinationAccessor;
import com.sap.cloud.sdk.cloudplatform.connectivity.DestinationService;
import com.sap.cloud.sdk.cloudplatform.connectivity.Header;
import com.sap.cloud.sdk.cloudplatform.resilience.ResilienceConfiguration;
import com.sap.cloud.sdk.cloudplatform.tenant.DefaultTenant;
import com.sap.cloud.sdk.cloudplatform.tenant.TenantAccessor;
import io.github.camelbtp.sandbox.destination.Tenants;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import io.github.camelbtp.sandbox.token.OAuthClients;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SAP Cloud SDK for Java 5.25.0 against the sandbox in a subscriber flow: the SDK reads the sandbox's bindings as it
 * reads VCAP_SERVICES on BTP, asks for the subscriber's token for the tenant switched with its {@code TenantAccessor}
 * (by subdomain and tenant ID, at the token service's host names over TLS), and gets the subscriber's destination with
 * the token the Destination Service fetched for it [multitenancy-in-the-destination-service-4e07f25].
 */
class SapCloudSdkJavaTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension(Sandbox.builder().tokenServiceHostNames());

    private static SSLContext jvmDefault;
    private static String jvmTrustStore;
    private static String jvmTrustStoreType;
    private static String jvmTrustStorePassword;
    private static ServiceBindingAccessor bindings;

    /**
     * The SDK calls services with the JVM's trust (its HTTP clients build their SSL contexts from the default trust
     * store): for this test it trusts the JDK's CAs and the sandbox's certificate, as an application's JVM trusts its
     * landscape's; restored after the class (the JDK reloads the default trust store when its file property changes).
     */
    @BeforeAll
    static void sdkReadsTheSandbox() throws Exception {
        Sandbox sandbox = SANDBOX.sandbox();
        jvmDefault = SSLContext.getDefault();
        jvmTrustStore = System.getProperty("javax.net.ssl.trustStore");
        jvmTrustStoreType = System.getProperty("javax.net.ssl.trustStoreType");
        jvmTrustStorePassword = System.getProperty("javax.net.ssl.trustStorePassword");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        int i = 0;
        for (var manager : jdk.getTrustManagers()) {
            if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                for (X509Certificate ca : x509.getAcceptedIssuers()) {
                    trust.setCertificateEntry("jdk-" + i++, ca);
                }
            }
        }
        trust.setCertificateEntry("sandbox", sandbox.tokenServiceCertificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        SSLContext.setDefault(context);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("sandbox-trust", ".p12");
        file.toFile().deleteOnExit();
        char[] password = "changeit".toCharArray();
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            trust.store(out, password);
        }
        System.setProperty("javax.net.ssl.trustStore", file.toString());
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        System.setProperty("javax.net.ssl.trustStorePassword", new String(password));

        // the SDK gives a Destination Service call 6 s by default; the build machine may be loaded far beyond that
        DestinationAccessor.setLoader(DestinationService.builder().withTimeLimiterConfiguration(
                ResilienceConfiguration.TimeLimiterConfiguration.of(Duration.ofSeconds(60))).build());
        bindings = DefaultServiceBindingAccessor.getInstance();
        String vcap = sandbox.vcapServices();
        DefaultServiceBindingAccessor.setInstance(new SapVcapServicesServiceBindingAccessor(
                name -> "VCAP_SERVICES".equals(name) ? vcap : null));
    }

    @AfterAll
    static void restore() {
        SSLContext.setDefault(jvmDefault);
        restore("javax.net.ssl.trustStore", jvmTrustStore);
        restore("javax.net.ssl.trustStoreType", jvmTrustStoreType);
        restore("javax.net.ssl.trustStorePassword", jvmTrustStorePassword);
        DefaultServiceBindingAccessor.setInstance(bindings);
        DestinationAccessor.setLoader(null);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /** A destination of the subscriber's subaccount whose token the Destination Service fetches in the subscriber's zone. */
    private static Tenants.Tenant acmeWithItsOwnApi(Sandbox sandbox) {
        Tenants.Tenant acme = sandbox.tenants().subscribe("acme");
        String secret = sandbox.xsuaa().newClient("sb-acme-api!t7", OAuthClients.DEFAULT_SCOPES);
        Map<String, String> api = new LinkedHashMap<>();
        api.put("Name", "AcmeApi");
        api.put("Type", "HTTP");
        api.put("URL", sandbox.cloudApiUri() + "/api/v1/products");
        api.put("Authentication", "OAuth2ClientCredentials");
        api.put("Description", "the API of subscriber acme");
        api.put("clientId", "sb-acme-api!t7");
        api.put("clientSecret", secret);
        // the Destination Service's own flow, against the sandbox's token service (its loopback subscriber path)
        api.put("tokenServiceURL", sandbox.tokenServiceUri() + "/tenants/acme/oauth/token");
        acme.destinations().putSubaccount(api);
        return acme;
    }

    private static List<RecordedRequest> tokenRequests(Sandbox sandbox) {
        return sandbox.serviceRequests().matching(r -> r.server().equals("token"));
    }

    @Test
    void sdkFindsTheSubscribersDestinationAndTokenForTheTenantItSwitchedTo() throws Exception {
        Sandbox sandbox = SANDBOX.sandbox();
        Tenants.Tenant acme = acmeWithItsOwnApi(sandbox);
        try {
            sandbox.serviceRequests().clear();
            for (DefaultTenant tenant : List.of(new DefaultTenant(acme.zoneId(), "acme"), new DefaultTenant(acme.zoneId()))) {

                Destination api = TenantAccessor.executeWithTenant(tenant,
                        () -> DestinationAccessor.getDestination("AcmeApi"));

                assertThat(api.get("Description")).as("%s", tenant).contains("the API of subscriber acme");
                List<Header> headers = new ArrayList<>(api.asHttp().getHeaders());
                String bearer = headers.stream().filter(h -> h.getName().equalsIgnoreCase("Authorization"))
                        .map(Header::getValue).findFirst().orElseThrow();
                assertThat(SignedJWT.parse(bearer.substring("Bearer ".length())).getJWTClaimsSet()
                        .getStringClaim("zid")).as("%s", tenant).isEqualTo(acme.zoneId());
            }
            // the SDK asked the token service for the subscriber's token (once: it caches it per tenant ID), at its host
            // names over TLS: by the subscriber's host name or with x-zid
            assertThat(tokenRequests(sandbox)).as("%s", sandbox.serviceRequests()).anySatisfy(r -> {
                assertThat(r.header("Host")).endsWith(sandbox.tokenServiceHostNames().uaaDomain());
                assertThat(acme.zoneId().equals(r.header("x-zid")) || r.header("Host").startsWith("acme.")).isTrue();
            });
        } finally {
            sandbox.tenants().unsubscribe("acme");
        }
    }

    @Test
    void sdkFindsTheProvidersDestinationWithoutTenant() {
        Destination catalog = DestinationAccessor.getDestination("PublicCatalog");

        assertThat(catalog.asHttp().getUri().toString()).isEqualTo(SANDBOX.sandbox().cloudApiUri() + "/public");
    }
}
