package io.github.camelbtp.connectivity.support;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test certificate authority generated at test time with BouncyCastle: issues server and client certificates
 * (also expired ones, or ones for the wrong host) and writes them as p12, jks, pem and der files.
 */
public final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key pair and its certificate, issued by {@code issuer}. */
    public record Issued(KeyPair keys, X509Certificate certificate, X509Certificate issuer) {

        public byte[] p12(String password) {
            return store("PKCS12", password);
        }

        public byte[] jks(String password) {
            return store("JKS", password);
        }

        /** The certificate chain as PEM (an X.509 binding's {@code certificate}). */
        public String certificatePem() {
            return pemBlock("CERTIFICATE", encoded(certificate)) + pemBlock("CERTIFICATE", encoded(issuer));
        }

        /** The unencrypted PKCS#8 key as PEM (an X.509 binding's {@code key}). */
        public String keyPem() {
            return pemBlock("PRIVATE KEY", keys.getPrivate().getEncoded());
        }

        /** An unencrypted PKCS#8 key and the certificate chain, in one PEM file. */
        public byte[] pem() {
            return (pemBlock("PRIVATE KEY", keys.getPrivate().getEncoded()) + pemBlock("CERTIFICATE", encoded(certificate))
                    + pemBlock("CERTIFICATE", encoded(issuer))).getBytes(StandardCharsets.US_ASCII);
        }

        private byte[] store(String type, String password) {
            try {
                KeyStore store = KeyStore.getInstance(type);
                store.load(null, null);
                store.setKeyEntry("key", keys.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate, issuer});
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                store.store(out, password.toCharArray());
                return out.toByteArray();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** A server-side context: this key, trusting {@code clientCa} for client certificates. */
        public SSLContext serverContext(TestPki clientCa) {
            try {
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                keyStore.load(null, null);
                keyStore.setKeyEntry("key", keys.getPrivate(), new char[0], new X509Certificate[] {certificate, issuer});
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, new char[0]);
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("ca", clientCa.certificate());
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
                return context;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final KeyPair caKeys;
    private final X509Certificate caCertificate;

    public TestPki(String name) {
        caKeys = keyPair();
        X500Name subject = new X500Name("CN=" + name);
        caCertificate = sign(subject, caKeys, subject, caKeys, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), true, null);
    }

    public X509Certificate certificate() {
        return caCertificate;
    }

    /** The CA certificate as DER (.der/.cer) bytes. */
    public byte[] der() {
        return encoded(caCertificate);
    }

    /** The CA certificate as PEM (.crt) text. */
    public byte[] crt() {
        return pemBlock("CERTIFICATE", der()).getBytes(StandardCharsets.US_ASCII);
    }

    /** A trust store holding the CA certificate. */
    public byte[] jksTrustStore(String password) {
        try {
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            store.setCertificateEntry("ca", caCertificate);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server certificate for {@code dnsName} valid now. */
    public Issued server(String dnsName) {
        return issue("CN=" + dnsName, dnsName, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(10)));
    }

    /** A server certificate for {@code dnsName} that expired yesterday. */
    public Issued expiredServer(String dnsName) {
        return issue("CN=" + dnsName, dnsName, Instant.now().minus(Duration.ofDays(10)), Instant.now().minus(Duration.ofDays(1)));
    }

    /** A client certificate with subject {@code CN=<commonName>}. */
    public Issued client(String commonName) {
        return issue("CN=" + commonName, null, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(10)));
    }

    private Issued issue(String subject, String dnsName, Instant from, Instant to) {
        KeyPair keys = keyPair();
        X509Certificate certificate = sign(new X500Name(subject), keys, new X500Name(caCertificate.getSubjectX500Principal().getName()),
                caKeys, from, to, false, dnsName);
        return new Issued(keys, certificate, caCertificate);
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
            Instant from, Instant to, boolean ca, String dnsName) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(from), Date.from(to), subject, subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (dnsName != null) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            // EC P-256: as strong as RSA 3072 and generated in milliseconds, which keeps the TLS tests fast
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pemBlock(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
