package io.github.camelbtp.sandbox.token;

import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.util.ObjectPair;
import com.unboundid.util.OID;
import com.unboundid.util.ssl.cert.CertException;
import com.unboundid.util.ssl.cert.PublicKeyAlgorithmIdentifier;
import com.unboundid.util.ssl.cert.SignatureAlgorithmIdentifier;
import com.unboundid.util.ssl.cert.X509CertificateExtension;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The TLS identity of the token service's host names: a self-signed certificate generated at start for
 * {@code <uaadomain>} and {@code *.<uaadomain>} (every tenant's {@code <subdomain>.<uaadomain>}), plus {@code localhost}
 * and {@code 127.0.0.1}. Clients trust it explicitly: the engine with {@code serviceTrust}, Node with
 * {@code NODE_EXTRA_CA_CERTS}, a JVM with a trust store — never by switching verification off. The certificate is built
 * with the UnboundID LDAP SDK the sandbox already carries (its public ASN.1 and certificate API), so the sandbox needs no
 * crypto library of its own.
 */
final class TokenServiceTls {

    /** The X.509 subjectAltName extension (RFC 5280 §4.2.1.6). */
    private static final OID SUBJECT_ALT_NAME = new OID("2.5.29.17");
    private static final byte DNS_NAME = (byte) 0x82;
    private static final byte IP_ADDRESS = (byte) 0x87;

    private final X509Certificate certificate;
    private final SSLContext serverContext;

    private TokenServiceTls(X509Certificate certificate, SSLContext serverContext) {
        this.certificate = certificate;
        this.serverContext = serverContext;
    }

    /** A new key pair and a certificate valid for {@code validity}, for {@code uaaDomain} and its subdomains. */
    static TokenServiceTls generate(String uaaDomain, Duration validity) {
        try {
            long now = System.currentTimeMillis();
            List<ASN1Element> names = new ArrayList<>();
            names.add(new ASN1OctetString(DNS_NAME, uaaDomain));
            names.add(new ASN1OctetString(DNS_NAME, "*." + uaaDomain));
            names.add(new ASN1OctetString(DNS_NAME, "localhost"));
            names.add(new ASN1OctetString(IP_ADDRESS, InetAddress.getLoopbackAddress().getAddress()));
            X509CertificateExtension subjectAltName = new X509CertificateExtension(SUBJECT_ALT_NAME, false,
                    new ASN1Sequence(names).encode());
            ObjectPair<com.unboundid.util.ssl.cert.X509Certificate, KeyPair> generated =
                    com.unboundid.util.ssl.cert.X509Certificate.generateSelfSignedCertificate(
                            SignatureAlgorithmIdentifier.SHA_256_WITH_RSA, PublicKeyAlgorithmIdentifier.RSA, 2048,
                            new DN("CN=*." + uaaDomain + ",O=camel-btp sandbox"), now - 60_000,
                            now + validity.toMillis(), subjectAltName);
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(generated.getFirst().getX509CertificateBytes()));
            char[] password = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("token-service", generated.getSecond().getPrivate(), password,
                    new java.security.cert.Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return new TokenServiceTls(certificate, context);
        } catch (GeneralSecurityException | java.io.IOException | CertException
                | com.unboundid.ldap.sdk.LDAPException e) {
            throw new IllegalStateException("cannot generate the token service's TLS certificate", e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    SSLContext serverContext() {
        return serverContext;
    }

    /** The certificate in PEM, for clients that take trust from a file ({@code NODE_EXTRA_CA_CERTS}, curl's --cacert). */
    String certificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the token service's certificate", e);
        }
    }
}
