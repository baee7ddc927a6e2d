package io.github.camelbtp.connectivity.tls;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The TLS settings of an HTTP destination [server-certificate-authentication-e75d7f1,
 * client-certificate-authentication-4e13a04]: the client key store ({@code KeyStoreLocation}/{@code KeyStorePassword};
 * p12, pfx, jks, pem), a trust store added to the JDK's ({@code TrustStoreLocation}/{@code TrustStorePassword}; jks,
 * crt, cer, der, pem), {@code TrustAll} and {@code HostnameVerifier} ({@code Strict}, {@code BrowserCompatible}).
 * Store files come from the find response's {@code certificates[]}, matched by name.
 * <p>
 * {@link #fingerprint()} identifies the material (a SHA-256 over the store bytes and the settings, never a password
 * or token), so HTTP connections are pooled per material: a destination with its own client certificate never
 * shares a connection with one without. {@code toString()} shows the fingerprint only.
 *
 * @param sslContext       the context to open connections with
 * @param hostnameVerifier the verifier to check the server's name with
 * @param fingerprint      a stable identifier of the material
 */
public record TlsMaterial(SSLContext sslContext, HostnameVerifier hostnameVerifier, String fingerprint) {

    /**
     * The TLS material of {@code key} and {@code trust} (either may be {@code null}) with the given checks: a client
     * key store, a trust store added to the JDK's, {@code TrustAll}, the host name verifier ({@code Strict},
     * {@code BrowserCompatible}). Opened stores are kept in the engine's {@code cache} (by fingerprint and password),
     * so a destination resolved per request does not parse its key store each time. Errors name {@code owner} (the
     * destination) and the store's property. What a destination asks for is read by the Authenticate step
     * ({@code auth.DestinationTls}).
     */
    public static TlsMaterial open(String owner, StoreFile key, StoreFile trust, boolean trustAll, String verifierName,
            TlsCache cache) {
        boolean browserCompatible = "BrowserCompatible".equals(verifierName);
        MessageDigest fingerprint = sha256();
        fingerprint.update(("trustAll=" + trustAll + ";verifier=" + verifierName.toLowerCase(Locale.ROOT) + ";")
                .getBytes(StandardCharsets.UTF_8));
        digestFile(fingerprint, "key", key == null ? null : key.file());
        digestFile(fingerprint, "trust", trust == null ? null : trust.file());
        String id = HexFormat.of().formatHex(fingerprint.digest(), 0, 16);
        String keyPassword = key == null ? null : key.password();
        String trustPassword = trust == null ? null : trust.password();
        return cache.materials.get(id + ":" + passwordDigest(keyPassword, trustPassword), k -> {
            try {
                KeyManager[] keyManagers = key == null ? null
                        : keyManagers(KeyStores.keyStore(owner, key, chars(keyPassword)), chars(keyPassword));
                TrustManager[] trustManagers;
                if (trustAll) {
                    trustManagers = new TrustManager[] {new TrustEverything()};
                } else {
                    List<X509TrustManager> chain = new ArrayList<>();
                    if (trust != null) {
                        chain.add(trustManager(KeyStores.trustStore(owner, trust,
                                trustPassword == null ? null : trustPassword.toCharArray())));
                    }
                    // the trust store is added to the JDK's, not put in its place [server-certificate-authentication-e75d7f1]
                    chain.add(trustManager(null));
                    trustManagers = new TrustManager[] {new TrustEither(chain)};
                }
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keyManagers, trustManagers, null);
                HostnameVerifier verifier = trustAll ? NoopHostnameVerifier.INSTANCE
                        : browserCompatible ? new BrowserCompatibleHostnameVerifier() : new DefaultHostnameVerifier();
                return new TlsMaterial(context, verifier, id);
            } catch (GeneralSecurityException e) {
                StoreFile store = key != null ? key : trust;
                throw new DestinationConfigurationException(owner, store == null ? null : store.locationProperty(),
                        "cannot be turned into TLS settings: " + e.getClass().getSimpleName() + ".", e);
            }
        });
    }

    /** The client key in {@code key}; errors name {@code owner} (the destination) and the key's properties. */
    public static ClientKey clientKey(String owner, StoreFile key, TlsCache cache) {
        MessageDigest fingerprint = sha256();
        digestFile(fingerprint, "key", key.file());
        String id = HexFormat.of().formatHex(fingerprint.digest(), 0, 16);
        return cache.clientKeys.get(id + ":" + passwordDigest(key.password(), null), k -> {
            try {
                return new KeyStoreClientKey(key.file().name(), id, keyManagers(KeyStores.keyStore(owner, key,
                        chars(key.password())), chars(key.password())));
            } catch (GeneralSecurityException e) {
                throw new DestinationConfigurationException(owner, key.locationProperty(), "cannot be turned into a TLS"
                        + " client key: " + e.getClass().getSimpleName() + ".", e);
            }
        });
    }

    /**
     * An SSL context presenting {@code key}, trusting the JDK's CAs and {@code extraTrust}.
     *
     * @throws GeneralSecurityException when the key material is not usable
     */
    public static SSLContext clientCertificateContext(ClientKey key, Collection<X509Certificate> extraTrust)
            throws GeneralSecurityException {
        return context(key.keyManagers(), extraTrust);
    }

    /**
     * An SSL context presenting no certificate, trusting the JDK's CAs and {@code extraTrust}.
     *
     * @throws GeneralSecurityException when the certificates cannot be used
     */
    public static SSLContext trustContext(Collection<X509Certificate> extraTrust) throws GeneralSecurityException {
        return context(null, extraTrust);
    }

    private static SSLContext context(KeyManager[] keyManagers, Collection<X509Certificate> extraTrust)
            throws GeneralSecurityException {
        List<X509TrustManager> chain = new ArrayList<>();
        if (!extraTrust.isEmpty()) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                trust.load(null, null);
            } catch (IOException e) {
                throw new GeneralSecurityException(e);
            }
            int i = 0;
            for (X509Certificate c : extraTrust) {
                trust.setCertificateEntry("extra-" + i++, c);
            }
            chain.add(trustManager(trust));
        }
        chain.add(trustManager(null));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, new TrustManager[] {new TrustEither(chain)}, null);
        return context;
    }

    /**
     * Key managers presenting a PEM client certificate and key (an X.509 service binding's {@code certificate} and
     * {@code key}).
     *
     * @throws GeneralSecurityException when the PEM texts are not a key and its certificate chain
     */
    public static KeyManager[] pemKeyManagers(String certificatePem, String keyPem) throws GeneralSecurityException {
        char[] password = new char[0];
        try {
            return keyManagers(Pem.keyStore(keyPem + "\n" + certificatePem, password), password);
        } catch (IOException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        return kmf.getKeyManagers();
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    /** Adds a store file (its role, name and bytes) to a fingerprint; nothing for {@code null}. */
    private static void digestFile(MessageDigest fingerprint, String role, DestinationCertificate file) {
        if (file != null) {
            fingerprint.update((role + ":" + file.name() + ";").getBytes(StandardCharsets.UTF_8));
            fingerprint.update(file.content());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Part of the in-memory cache key only, so a changed password opens the store again; never shown anywhere. */
    private static String passwordDigest(String first, String second) {
        MessageDigest digest = sha256();
        digest.update(String.valueOf(first).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(String.valueOf(second).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager");
    }

    /** Whether server host names are checked at all ({@code TrustAll=TRUE} turns the check off). */
    public boolean checksHostNames() {
        return !(hostnameVerifier instanceof NoopHostnameVerifier);
    }

    /** {@code HostnameVerifier=BrowserCompatible}: a wildcard may stand for several labels. */
    public boolean browserCompatibleHostNames() {
        return hostnameVerifier instanceof BrowserCompatibleHostnameVerifier;
    }

    @Override
    public String toString() {
        return "TlsMaterial[" + fingerprint + "]";
    }

    /** Key and trust stores from the files' bytes, by file extension. */
    static final class KeyStores {

        private KeyStores() {
        }

        static KeyStore keyStore(String destination, StoreFile store, char[] password) {
            DestinationCertificate file = store.file();
            String locationProperty = store.locationProperty();
            String passwordProperty = store.passwordProperty();
            String ext = extension(file.name());
            try {
                return switch (ext) {
                    case "p12", "pfx" -> load("PKCS12", file, password);
                    case "jks" -> load("JKS", file, password);
                    case "pem" -> Pem.keyStore(new String(file.content(), StandardCharsets.US_ASCII), password);
                    default -> throw new DestinationConfigurationException(destination, locationProperty, "is '"
                            + file.name() + "'; key stores must be .p12, .pfx, .jks or .pem files.");
                };
            } catch (IOException | GeneralSecurityException e) {
                throw new DestinationConfigurationException(destination, passwordProperty, "does not open key store '"
                        + file.name() + "' (" + e.getClass().getSimpleName() + "): the password is wrong or the file is"
                        + " not a " + ext + " key store.", e);
            }
        }

        static KeyStore trustStore(String destination, StoreFile store, char[] password) {
            DestinationCertificate file = store.file();
            String ext = extension(file.name());
            try {
                if (ext.equals("jks") || ext.equals("p12") || ext.equals("pfx")) {
                    return load(ext.equals("jks") ? "JKS" : "PKCS12", file, password);
                }
                if (!Set.of("crt", "cer", "der", "pem").contains(ext)) {
                    throw new DestinationConfigurationException(destination, store.locationProperty(), "is '" + file.name()
                            + "'; trust stores must be .jks, .crt, .cer, .der (or .pem) files.");
                }
                Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(file.content()));
                if (certificates.isEmpty()) {
                    throw new CertificateException("no certificate in the file");
                }
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                int i = 0;
                for (Certificate c : certificates) {
                    trust.setCertificateEntry("trusted-" + i++, c);
                }
                return trust;
            } catch (IOException | GeneralSecurityException e) {
                throw new DestinationConfigurationException(destination, store.locationProperty(), "does not name a readable"
                        + " trust store '" + file.name() + "' (" + e.getClass().getSimpleName() + ").", e);
            }
        }

        private static KeyStore load(String type, DestinationCertificate file, char[] password)
                throws IOException, GeneralSecurityException {
            KeyStore store = KeyStore.getInstance(type);
            store.load(new ByteArrayInputStream(file.content()), password);
            return store;
        }

        private static String extension(String fileName) {
            int dot = fileName.lastIndexOf('.');
            return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
    }

    /** Trusts a chain when any of its managers does: the destination's trust store, then the JDK's. */
    private static final class TrustEither implements X509TrustManager {
        private final List<X509TrustManager> managers;

        TrustEither(List<X509TrustManager> managers) {
            this.managers = List.copyOf(managers);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException last = null;
            for (X509TrustManager m : managers) {
                try {
                    m.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            throw last != null ? last : new CertificateException("no trust manager");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            managers.get(managers.size() - 1).checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }

    /** {@code TrustAll=TRUE}: what the destination asks for, and nothing else ever uses. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // trusts everything, as the destination says
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trusts everything, as the destination says
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
