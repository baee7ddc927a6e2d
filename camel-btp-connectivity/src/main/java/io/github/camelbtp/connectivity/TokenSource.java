package io.github.camelbtp.connectivity;

/** Whose token a token request is for ({@link ConnectivityListener#tokenRequest}). */
public enum TokenSource {
    /** The Destination Service binding's own token (client credentials, per tenant). */
    DESTINATION_SERVICE("destination-service"),
    /** The connectivity binding's token for the Connectivity proxy (per tenant). */
    CONNECTIVITY("connectivity"),
    /** A destination's OAuth flow run by the engine itself (client-side OAuth). */
    CLIENT("client");

    private final String tag;

    TokenSource(String tag) {
        this.tag = tag;
    }

    /** The name used in metric tags and audit lines. */
    public String tag() {
        return tag;
    }
}
