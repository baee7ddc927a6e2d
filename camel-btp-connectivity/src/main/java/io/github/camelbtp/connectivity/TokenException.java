package io.github.camelbtp.connectivity;

/**
 * A token could not be obtained: a token service refused or failed, or the Destination Service returned a failed
 * token ({@code authTokens[].error}). Names the token service host and the OAuth error code; never the secret.
 */
public class TokenException extends BtpConnectivityException {

    private final String tokenServiceHost;
    private final String errorCode;

    public TokenException(String destinationName, String tokenServiceHost, String errorCode, String message, Throwable cause) {
        super(destinationName, message, cause);
        this.tokenServiceHost = tokenServiceHost;
        this.errorCode = errorCode;
    }

    public String tokenServiceHost() {
        return tokenServiceHost;
    }

    /** OAuth 2.0 error code ({@code invalid_client}, …) or HTTP status text, when known. */
    public String errorCode() {
        return errorCode;
    }
}
