package io.github.camelbtp.connectivity;

import java.io.IOException;

/**
 * The backend hop of a diagnosis for a MAIL, LDAP or TCP destination: speaks the destination's protocol on
 * {@link SocketDestination#socketFactory()} (SMTP/IMAP greeting and login, an LDAP bind, a TCP connection). The engine
 * knows no such protocol; btp-destination supplies the check with its transports.
 */
@FunctionalInterface
public interface BackendCheck {

    /** A check for engines alone: the backend hop of MAIL, LDAP and TCP destinations is skipped. */
    BackendCheck NONE = null;

    /**
     * @return what was seen, for the report (never a credential)
     * @throws IOException as the transport raises it; a {@code CloudConnectorSocketException} inside tells the SOCKS5
     *                     reply code
     */
    String check(SocketDestination destination) throws IOException;
}
