package io.github.camelbtp.connectivity.tls;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A PEM key store: an unencrypted PKCS#8 {@code PRIVATE KEY} and its certificate chain, in one file. */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private Pem() {
    }

    static KeyStore keyStore(String text, char[] password) throws GeneralSecurityException, java.io.IOException {
        PrivateKey key = null;
        List<Certificate> chain = new ArrayList<>();
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).trim());
            switch (m.group(1)) {
                case "PRIVATE KEY" -> key = privateKey(der);
                case "CERTIFICATE" -> chain.add(certificates.generateCertificate(new ByteArrayInputStream(der)));
                default -> throw new GeneralSecurityException("unsupported PEM block '" + m.group(1)
                        + "'; use an unencrypted PKCS#8 'PRIVATE KEY' and 'CERTIFICATE' blocks");
            }
        }
        if (key == null || chain.isEmpty()) {
            throw new GeneralSecurityException("a PEM key store needs a PRIVATE KEY and at least one CERTIFICATE");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, password, chain.toArray(Certificate[]::new));
        return store;
    }

    private static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (InvalidKeySpecException wrongAlgorithm) {
                // try the next one
            }
        }
        throw new GeneralSecurityException("the PRIVATE KEY is neither RSA nor EC");
    }
}
