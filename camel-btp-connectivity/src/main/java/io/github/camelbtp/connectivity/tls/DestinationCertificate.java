package io.github.camelbtp.connectivity.tls;

/**
 * A key or trust store file from the find-destination response's {@code certificates[]}
 * [find-a-destination-response-structure-83a3f3b]. {@code toString()} shows the name only: a key store holds a
 * private key.
 *
 * @param name    the file name ({@code Name}), which {@code KeyStoreLocation}/{@code TrustStoreLocation} refer to
 * @param content the file's bytes (decoded from the base64 {@code Content})
 * @param type    {@code Type} as the service sent it ({@code CERTIFICATE}, …)
 */
public record DestinationCertificate(String name, byte[] content, String type) {

    public DestinationCertificate {
        content = content.clone();
    }

    /**
     * A file from its base64 {@code Content} (line breaks allowed).
     *
     * @throws IllegalArgumentException when the content is empty or not base64 (the JDK's MIME decoder would skip
     *                                  what it does not know and hand back garbage)
     */
    public static DestinationCertificate fromBase64(String name, String content, String type) {
        byte[] bytes = java.util.Base64.getDecoder().decode(content.replaceAll("\\s", ""));
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty content");
        }
        return new DestinationCertificate(name, bytes, type);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DestinationCertificate c && name.equals(c.name) && java.util.Arrays.equals(content, c.content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "DestinationCertificate[name=" + name + ", type=" + type + ", bytes=" + content.length + "]";
    }
}
