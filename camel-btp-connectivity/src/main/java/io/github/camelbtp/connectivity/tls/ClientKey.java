package io.github.camelbtp.connectivity.tls;

import javax.net.ssl.KeyManager;
import java.security.GeneralSecurityException;

/**
 * A client certificate with its private key, presented in the TLS handshake to a token service: an X.509 service
 * binding's {@code certificate}/{@code key}, or a destination's {@code tokenService.KeyStoreLocation}. Implementations
 * are equal when their key material is, so each gets one connection pool; {@code toString()} never shows the key.
 */
public interface ClientKey {

    /** Key managers presenting the certificate. */
    KeyManager[] keyManagers() throws GeneralSecurityException;

    /** What the key is, for error messages (never the key itself). */
    String describe();
}
