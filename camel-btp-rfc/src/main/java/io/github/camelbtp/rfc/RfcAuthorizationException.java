package io.github.camelbtp.rfc;

/**
 * The ABAP system refused the user: the logon failed (wrong user or password, locked user, unknown client) or the
 * user lacks the RFC authorization (S_RFC) for the function module. Names the user, never the password.
 */
public class RfcAuthorizationException extends RfcException {

    private final String user;

    public RfcAuthorizationException(String destinationName, String function, String user, String message) {
        super(destinationName, function, message);
        this.user = user;
    }

    /** The ABAP user (or alias) the call was made with. */
    public String user() {
        return user;
    }
}
