package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.destination.EnumeratedProperty;
import io.github.camelbtp.connectivity.tls.ClientKey;
import io.github.camelbtp.connectivity.tls.DestinationCertificate;
import io.github.camelbtp.connectivity.tls.StoreFile;
import io.github.camelbtp.connectivity.tls.TlsCache;
import io.github.camelbtp.connectivity.tls.TlsMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What TLS a destination asks for, read from its properties as part of the Authenticate step (a client certificate is
 * a logon): the client key store ({@code KeyStoreLocation}/{@code KeyStorePassword}; p12, pfx, jks, pem), a trust store
 * added to the JDK's ({@code TrustStoreLocation}/{@code TrustStorePassword}; jks, crt, cer, der, pem), {@code TrustAll}
 * and {@code HostnameVerifier} [server-certificate-authentication-e75d7f1, client-certificate-authentication-4e13a04].
 * Store files come from the find response's {@code certificates[]}, matched by name; {@link TlsMaterial} opens them.
 */
public final class DestinationTls {

    /** Under TlsMaterial's name, where users have always found the TrustAll warning. */
    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);

    private DestinationTls() {
    }

    /**
     * The destination's TLS material, or {@code null} when it uses the JDK's defaults (no key store, no trust store,
     * TrustAll not TRUE, strict host names): those destinations share the default pool.
     */
    public static TlsMaterial of(Destination d, TlsCache cache) {
        boolean clientCertificate = d.authentication() == AuthenticationType.ClientCertificateAuthentication;
        String keyStoreLocation = d.property(DestinationProperty.KEY_STORE_LOCATION).orElse(null);
        String trustStoreLocation = d.property(DestinationProperty.TRUST_STORE_LOCATION).orElse(null);
        boolean trustAll = EnumeratedProperty.TRUST_ALL.isTrue(d);
        String verifierName = EnumeratedProperty.HOSTNAME_VERIFIER.of(d);
        boolean browserCompatible = "BrowserCompatible".equals(verifierName);
        if (keyStoreLocation == null && trustStoreLocation == null && !trustAll && !browserCompatible && !clientCertificate) {
            return null;
        }
        if (clientCertificate && keyStoreLocation == null) {
            throw new DestinationConfigurationException(d.name(), DestinationProperty.KEY_STORE_LOCATION, "is missing; "
                    + "ClientCertificateAuthentication needs the key store with the client certificate.");
        }
        if (trustAll && cache.firstTrustAllWarning(d.name())) {
            LOG.warn("Destination '{}' has TrustAll=TRUE: its server certificates and host names are NOT checked."
                    + " Anyone on the network path can read and change its traffic. Use it for tests only;"
                    + " configure TrustStoreLocation instead.", d.name());
        }
        StoreFile key = keyStoreLocation == null ? null
                : store(d, DestinationProperty.KEY_STORE_LOCATION, DestinationProperty.KEY_STORE_PASSWORD);
        // TrustAll ignores the trust store [server-certificate-authentication-e75d7f1]
        StoreFile trust = trustAll || trustStoreLocation == null ? null
                : store(d, DestinationProperty.TRUST_STORE_LOCATION, DestinationProperty.TRUST_STORE_PASSWORD);
        return TlsMaterial.open(d.name(), key, trust, trustAll, verifierName, cache);
    }

    /**
     * The client key a destination names in {@code locationProperty} (for example {@code tokenService.KeyStoreLocation}),
     * opened with {@code passwordProperty}; {@code null} when the destination does not name one. Errors name the
     * destination and the property.
     */
    public static ClientKey clientKey(Destination d, String locationProperty, String passwordProperty, TlsCache cache) {
        if (d.property(locationProperty).isEmpty()) {
            return null;
        }
        return TlsMaterial.clientKey(d.name(), store(d, locationProperty, passwordProperty), cache);
    }

    private static StoreFile store(Destination d, String locationProperty, String passwordProperty) {
        String location = d.property(locationProperty).orElseThrow();
        DestinationCertificate file = d.certificate(location).orElseThrow(() -> new DestinationConfigurationException(
                d.name(), locationProperty, "is '" + location + "', but the destination's source returned no certificate"
                        + " file of that name. Upload it to the destination (BTP cockpit: Destinations > Upload and Delete"
                        + " Certificates) under exactly this name."));
        return new StoreFile(file, d.property(passwordProperty).orElse(null), locationProperty, passwordProperty);
    }
}
