package io.github.camelbtp.connectivity.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;

import javax.net.ssl.SSLSession;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code HostnameVerifier=BrowserCompatible} against {@code Strict} for a wildcard certificate. The TLS session is the
 * narrow seam here (a proxy that only hands out the peer certificate): host names with several labels below a
 * wildcard cannot be resolved on a test machine.
 */
class BrowserCompatibleHostnameVerifierTest {

    private static SSLSession wildcardSession;

    @BeforeAll
    static void certificate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=*.example.com"),
                BigInteger.ONE, Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(1))),
                new X500Name("CN=*.example.com"), keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "*.example.com")));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        wildcardSession = (SSLSession) Proxy.newProxyInstance(SSLSession.class.getClassLoader(), new Class<?>[] {SSLSession.class},
                (proxy, method, args) -> method.getName().equals("getPeerCertificates") ? new Certificate[] {certificate} : null);
    }

    @Test
    void browserCompatibleWildcardMatchesSeveralLabels() {
        assertThat(new BrowserCompatibleHostnameVerifier().verify("a.b.example.com", wildcardSession)).isTrue();
    }

    @Test
    void strictWildcardMatchesOneLabelOnly() {
        assertThat(new DefaultHostnameVerifier().verify("a.b.example.com", wildcardSession)).isFalse();
        assertThat(new DefaultHostnameVerifier().verify("a.example.com", wildcardSession)).isTrue();
    }

    @Test
    void browserCompatibleStillRefusesOtherDomains() {
        assertThat(new BrowserCompatibleHostnameVerifier().verify("a.example.org", wildcardSession)).isFalse();
        assertThat(new BrowserCompatibleHostnameVerifier().verify("example.com", wildcardSession)).isFalse();
    }
}
