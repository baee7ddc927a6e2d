package io.github.camelbtp.rfc;

/**
 * The ABAP system refused the logon (HTTP 401): wrong user or password, a locked user, an unknown client. Names the
 * user and the client, never the password.
 */
public class RfcLogonException extends RfcAuthorizationException {

    public RfcLogonException(String destinationName, String function, String user, String message) {
        super(destinationName, function, user, message);
    }
}
