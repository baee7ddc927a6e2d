package io.github.camelbtp.connectivity.tls;

/**
 * A key or trust store a destination names: the file from its {@code certificates[]}, the password, and the names of
 * the two properties that named them, for error messages. {@code toString()} never shows the password.
 *
 * @param file             the store file
 * @param password         its password, {@code null} for none
 * @param locationProperty the property naming the file, e.g. {@code KeyStoreLocation}
 * @param passwordProperty the property holding the password, e.g. {@code KeyStorePassword}
 */
public record StoreFile(DestinationCertificate file, String password, String locationProperty, String passwordProperty) {

    @Override
    public String toString() {
        return "StoreFile[" + locationProperty + "=" + file.name() + ", " + passwordProperty + "=" + (password == null
                ? "none" : "****") + "]";
    }
}
