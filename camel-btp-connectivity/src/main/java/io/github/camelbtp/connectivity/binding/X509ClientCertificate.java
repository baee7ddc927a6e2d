package io.github.camelbtp.connectivity.binding;

import io.github.camelbtp.connectivity.tls.ClientKey;
import io.github.camelbtp.connectivity.tls.TlsMaterial;

import javax.net.ssl.KeyManager;
import java.security.GeneralSecurityException;

/**
 * The X.509 credentials of a service binding created with {@code credential-type: x509}: the client certificate
 * chain and its private key, both PEM, which authenticate the client at {@code certurl} in the TLS handshake
 * instead of a client secret [calling-the-destination-service-rest-api-84c5d38]. {@code toString()} never shows the key.
 *
 * @param certificatePem the {@code certificate} credential (PEM chain)
 * @param keyPem         the {@code key} credential (PEM, unencrypted PKCS#8)
 */
public record X509ClientCertificate(String certificatePem, String keyPem) implements ClientKey {

    @Override
    public KeyManager[] keyManagers() throws GeneralSecurityException {
        return TlsMaterial.pemKeyManagers(certificatePem, keyPem);
    }

    @Override
    public String describe() {
        return "the X.509 service binding's certificate and key";
    }

    @Override
    public String toString() {
        return "X509ClientCertificate[certificate=" + certificatePem.length() + " chars, key=****]";
    }
}
