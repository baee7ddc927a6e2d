package io.github.camelbtp.connectivity.destination;

/**
 * SAP's destination types ({@code Type}), as SAP spells them [http-destinations-42a0e6b, rfc-destinations-238d027,
 * ldap-destinations-8cb290f, tcp-destinations-f6d753f, smtp-5876583]; read with {@link Destination#type()}.
 */
public enum DestinationType {
    HTTP, RFC, MAIL, LDAP, TCP;

    /** Whether the type's traffic travels on plain sockets (SOCKS5 through the Cloud Connector when OnPremise). */
    public boolean onSockets() {
        return this == MAIL || this == LDAP || this == TCP;
    }
}
