package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.auth.DestinationTls;
import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.tls.TlsCache;
import io.github.camelbtp.connectivity.tls.TlsMaterial;

import java.net.URI;
import java.util.Locale;

/** The checks of an HTTP destination's {@code URL} before anything is sent to it. */
final class DestinationUrl {

    private DestinationUrl() {
    }

    /** The destination's {@code URL}: absolute, http or https, without credentials in it. */
    static URI of(Destination destination) {
        String value = destination.requireProperty(DestinationProperty.URL, "an HTTP destination needs the address to call");
        URI url;
        try {
            url = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.URL, "is not a valid URL: '"
                    + DestinationProperty.forMessage(DestinationProperty.URL, value) + "'.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.URL,
                    "must be an absolute http:// or https:// URL, was '" + DestinationProperty.forMessage(DestinationProperty.URL, value) + "'.");
        }
        if (url.getRawUserInfo() != null) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.URL,
                    "must not carry credentials; use User/Password with BasicAuthentication.");
        }
        return url;
    }

    /** The destination's TLS material; a client certificate only makes sense on an https URL [client-certificate-authentication-4e13a04]. */
    static TlsMaterial tls(Destination destination, URI url, TlsCache tlsCache) {
        if (destination.authentication() == AuthenticationType.ClientCertificateAuthentication
                && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new DestinationConfigurationException(destination.name(), DestinationProperty.URL, "is '" + url
                    + "', but ClientCertificateAuthentication presents its certificate in the TLS handshake and needs an"
                    + " https:// URL.");
        }
        return DestinationTls.of(destination, tlsCache);
    }
}
