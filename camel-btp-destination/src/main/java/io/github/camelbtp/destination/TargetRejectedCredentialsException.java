package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.destination.AuthenticationType;
import org.apache.camel.http.base.HttpOperationFailedException;

import java.net.URI;

/**
 * The target of a destination answered {@code 401 Unauthorized}. Still an {@link HttpOperationFailedException}
 * (status, headers and body as camel-http reports them, so existing {@code onException} clauses keep working), with a
 * message that names the destination, its {@code Authentication} type and what to check for that type. The message
 * shows the target's path, never its query (it may carry {@code URL.queries.*} API keys) or a credential.
 */
public final class TargetRejectedCredentialsException extends HttpOperationFailedException {

    private static final long serialVersionUID = 1L;

    private final String destinationName;
    private final AuthenticationType authentication;
    private final String explanation;

    TargetRejectedCredentialsException(HttpOperationFailedException failed, String destinationName, AuthenticationType authentication,
            boolean credentialsDropped) {
        super(failed.getUri(), failed.getStatusCode(), failed.getStatusText(), failed.getRedirectLocation(),
                failed.getResponseHeaders(), failed.getResponseBody());
        this.destinationName = destinationName;
        this.authentication = authentication;
        this.explanation = "The target of destination '" + destinationName + "' (Authentication: " + authentication
                + ") rejected the request's credentials with 401 at " + path(failed.getUri()) + ". " + fix(authentication)
                + (credentialsDropped ? " The cached credentials were dropped, so the next request gets fresh ones." : "");
        setStackTrace(failed.getStackTrace());
    }

    /** The name of the destination whose target answered 401. */
    public String getDestinationName() {
        return destinationName;
    }

    /** The destination's {@code Authentication} value. */
    public AuthenticationType getAuthentication() {
        return authentication;
    }

    @Override
    public String getMessage() {
        return explanation;
    }

    /** What to check, by the family of the authentication type [http-destinations-42a0e6b]. */
    static String fix(AuthenticationType authentication) {
        if (authentication == null) {
            return "Check the destination's credentials in the BTP cockpit.";
        }
        return switch (authentication) {
            case NoAuthentication -> "The destination sends no credentials, and the target wants some: set the"
                    + " destination's Authentication (for example BasicAuthentication with User and Password) in the BTP"
                    + " cockpit, or, if the target should see the caller's own credentials, set forwardAuthToken=true on"
                    + " the destination (the user's JWT) or forwardCallerCredentials=true on the endpoint.";
            case BasicAuthentication -> "Check the destination's User and Password in the BTP cockpit (Connectivity >"
                    + " Destinations), and that the user is not locked in the target system.";
            case ClientCertificateAuthentication -> "Check that the certificate of the destination's KeyStoreLocation"
                    + " is valid and mapped to a user in the target system (for an ABAP system: transaction CERTRULE or"
                    + " table VUSREXTID).";
            case PrincipalPropagation -> "The backend did not log the propagated user on: check that the user's token"
                    + " has not expired, the Cloud Connector's principal propagation setup (trust to the subaccount, the"
                    + " system certificate and the subject pattern of short-lived certificates), and the backend's"
                    + " mapping of certificates to users (ABAP: CERTRULE).";
            case OAuth2ClientCredentials, OAuth2TechnicalUserPropagation, OAuth2Password -> "Check the destination's"
                    + " clientId, clientSecret" + (authentication == AuthenticationType.OAuth2Password ? ", User, Password" : "")
                    + ", tokenServiceURL and scope in the BTP cockpit: the target does not accept the token issued for"
                    + " them (wrong audience or scope, or a client the target does not know).";
            default -> "This type acts for the user of the request: check that the user's token (or refresh token, code,"
                    + " subject token) has not expired and was issued by the identity zone the destination trusts, and"
                    + " the destination's token service settings (clientId, tokenServiceURL, audience) in the BTP"
                    + " cockpit; the target must know the user the token is exchanged for.";
        };
    }

    private static String path(String uri) {
        try {
            String path = URI.create(uri).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "the target";
        }
    }
}
