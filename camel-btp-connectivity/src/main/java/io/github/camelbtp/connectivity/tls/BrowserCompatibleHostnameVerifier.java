package io.github.camelbtp.connectivity.tls;

import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * {@code HostnameVerifier=BrowserCompatible} [server-certificate-authentication-e75d7f1]: like {@code Strict}, except that
 * a wildcard matches any number of labels ({@code *.example.com} accepts {@code a.b.example.com}), as browsers and
 * the old Apache {@code BrowserCompatHostnameVerifier} did.
 */
final class BrowserCompatibleHostnameVerifier implements HostnameVerifier {

    private final DefaultHostnameVerifier strict = new DefaultHostnameVerifier();

    @Override
    public boolean verify(String host, SSLSession session) {
        if (strict.verify(host, session)) {
            return true;
        }
        try {
            if (session.getPeerCertificates()[0] instanceof X509Certificate certificate) {
                String h = host.toLowerCase(Locale.ROOT);
                for (String name : dnsNames(certificate)) {
                    String n = name.toLowerCase(Locale.ROOT);
                    if (n.startsWith("*.") && h.endsWith(n.substring(1)) && h.length() > n.length() - 1) {
                        return true;
                    }
                }
            }
        } catch (SSLPeerUnverifiedException | CertificateParsingException e) {
            return false;
        }
        return false;
    }

    private static List<String> dnsNames(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        if (names == null) {
            return List.of();
        }
        return names.stream().filter(n -> Integer.valueOf(2).equals(n.get(0))).map(n -> (String) n.get(1)).toList();
    }
}
