package io.github.camelbtp.destination.ldap;

import io.github.camelbtp.connectivity.BtpConnectivityException;

/**
 * An LDAP operation on an LDAP destination failed, or its input cannot make one: names the destination, the
 * operation, the DN where there is one, the LDAP result code and what to do. Never contains {@code ldap.password}.
 */
public class LdapException extends BtpConnectivityException {

    private final String resultCode;

    public LdapException(String destinationName, String resultCode, String message, Throwable cause) {
        super(destinationName, message, cause);
        this.resultCode = resultCode;
    }

    /** The LDAP result code's name ({@code no such object}, {@code invalid credentials}, …), or {@code null} for bad input. */
    public String resultCode() {
        return resultCode;
    }
}
