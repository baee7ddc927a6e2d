package io.github.camelbtp.connectivity.tls;

import javax.net.ssl.KeyManager;

/**
 * A destination's key store, opened: the client key of {@code tokenService.KeyStoreLocation}. Equal when the
 * fingerprint (SHA-256 over the file name and bytes) is; {@code toString()} shows the file name only.
 *
 * @param fileName    the key store's file name ({@code certificates[].Name})
 * @param fingerprint identifies the material
 * @param managers    key managers over the opened store
 */
public record KeyStoreClientKey(String fileName, String fingerprint, KeyManager[] managers) implements ClientKey {

    @Override
    public KeyManager[] keyManagers() {
        return managers.clone();
    }

    @Override
    public String describe() {
        return "key store '" + fileName + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyStoreClientKey k && fingerprint.equals(k.fingerprint);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "KeyStoreClientKey[" + fileName + ", " + fingerprint + "]";
    }
}
