package io.github.camelbtp.destination;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.support.TestPki;
import io.github.camelbtp.destination.ldap.LdapException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocketFactory;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TLS properties of Internet ldaps:// destinations over real TLS: UnboundID in-memory directories whose
 * certificates a test CA issued at test time, one of them requiring a client certificate. Trust and key stores
 * arrive in the find response's certificates[].
 */
class LdapsTlsTest extends BtpDestinationTestSupport {

    private static final String STORE_PASSWORD = "store-password-1dap";
    private static final String BASE = "dc=example,dc=com";
    private static TestPki ca;
    private static InMemoryDirectoryServer localhost;
    private static InMemoryDirectoryServer otherHost;
    private static InMemoryDirectoryServer clientAuth;

    @BeforeEach
    void directories() throws Exception {
        synchronized (LdapsTlsTest.class) {
            if (ca == null) {
                ca = new TestPki("camel-btp ldap test CA");
                SSLContext local = ca.server("localhost").serverContext(ca);
                localhost = directory(local.getServerSocketFactory(), false);
                otherHost = directory(ca.server("ldap.other.example").serverContext(ca).getServerSocketFactory(), false);
                clientAuth = directory(local.getServerSocketFactory(), true);
            }
        }
        sandbox().certificates().put("ldap-ca.crt", ca.crt()).put("ldap-ca.jks", ca.jksTrustStore(STORE_PASSWORD))
                .put("ldap-client.p12", ca.client("ldap-client").p12(STORE_PASSWORD));
    }

    private static InMemoryDirectoryServer directory(SSLServerSocketFactory factory, boolean requireClientCertificate)
            throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                factory, null, requireClientCertificate, requireClientCertificate));
        InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
        directory.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        directory.startListening();
        return directory;
    }

    @AfterAll
    static void stopDirectories() {
        for (InMemoryDirectoryServer d : new InMemoryDirectoryServer[] {localhost, otherHost, clientAuth}) {
            if (d != null) {
                d.shutDown(true);
            }
        }
        ca = null;
    }

    private Exchange search(String name, InMemoryDirectoryServer directory, String... properties) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Type", "LDAP");
        d.put("ldap.url", "ldaps://localhost:" + directory.getListenPort());
        for (int i = 0; i < properties.length; i += 2) {
            d.put(properties[i], properties[i + 1]);
        }
        sandbox().destinations().putSubaccount(d);
        return call("btp-destination:" + name + "?ldapBaseDn=" + BASE + "&ldapScope=base", null, Map.of());
    }

    private static void assertFound(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).hasSize(1);
    }

    @Test
    void directoryOfAPrivateCaIsRefusedWithoutTrustStoreLocation() {
        Exception e = search("LdapsNoTrustStore", localhost).getException();

        assertThat(e).isInstanceOf(LdapException.class);
        assertThat(e.getMessage()).contains("LdapsNoTrustStore").contains("ldaps://localhost:" + localhost.getListenPort())
                .contains("TrustStoreLocation");
    }

    @Test
    void trustStoreLocationCrtTrustsTheDirectorysCa() {
        assertFound(search("LdapsCrt", localhost, "TrustStoreLocation", "ldap-ca.crt"));
    }

    @Test
    void trustStoreLocationJksWithPasswordTrustsTheDirectorysCa() {
        assertFound(search("LdapsJks", localhost, "TrustStoreLocation", "ldap-ca.jks", "TrustStorePassword", STORE_PASSWORD));
    }

    @Test
    void certificateForAnotherHostIsRefusedEvenWhenItsCaIsTrusted() {
        Exception e = search("LdapsWrongHost", otherHost, "TrustStoreLocation", "ldap-ca.crt").getException();

        assertThat(e).isInstanceOf(LdapException.class);
        assertThat(e.getMessage()).contains("LdapsWrongHost").contains("does not name the host 'localhost'");
    }

    @Test
    void browserCompatibleStillRefusesACertificateForAnotherHost() {
        Exception e = search("LdapsWrongHostBrowser", otherHost, "TrustStoreLocation", "ldap-ca.crt",
                "HostnameVerifier", "BrowserCompatible").getException();

        assertThat(e).isInstanceOf(LdapException.class);
        assertThat(e.getMessage()).contains("does not name the host 'localhost'");
    }

    @Test
    void trustAllAcceptsAnUntrustedCertificateForAnotherHost() {
        assertFound(search("LdapsTrustAll", otherHost, "TrustAll", "TRUE"));
    }

    @Test
    void directoryThatRequiresAClientCertificateGetsTheDestinationsKeyStore() {
        assertFound(search("LdapsClientCert", clientAuth, "TrustStoreLocation", "ldap-ca.crt",
                "KeyStoreLocation", "ldap-client.p12", "KeyStorePassword", STORE_PASSWORD));
    }

    @Test
    void directoryThatRequiresAClientCertificateRefusesADestinationWithout() {
        Exception e = search("LdapsNoClientCert", clientAuth, "TrustStoreLocation", "ldap-ca.crt").getException();

        assertThat(e).isInstanceOf(LdapException.class);
        assertThat(e.getMessage()).contains("LdapsNoClientCert").contains("KeyStoreLocation");
    }

    @Test
    void wrongKeyStorePasswordIsAConfigurationErrorNamingTheProperty() {
        Exception e = search("LdapsWrongKeyPassword", clientAuth, "TrustStoreLocation", "ldap-ca.crt",
                "KeyStoreLocation", "ldap-client.p12", "KeyStorePassword", "not-the-password").getException();

        assertThat(e).isInstanceOf(DestinationConfigurationException.class);
        assertThat(e.getMessage()).contains("LdapsWrongKeyPassword").contains("KeyStorePassword")
                .doesNotContain("not-the-password");
    }
}
