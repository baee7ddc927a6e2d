package io.github.camelbtp.destination.ldap;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.EnumeratedProperty;

import java.net.URI;
import java.util.Locale;

/**
 * An LDAP destination as the LDAP client needs it [ldap-destinations-8cb290f]: {@code ldap.url} ({@code ldap://} or
 * {@code ldaps://host[:port]}), {@code ldap.authentication} ({@code NoAuthentication} or {@code BasicAuthentication},
 * which is a simple bind with {@code ldap.user} and {@code ldap.password}). {@code toString()} never shows the password.
 */
record LdapSettings(String destinationName, String host, int port, boolean tls, String bindDn, String password) {

    static final String URL = "ldap.url";
    static final String AUTHENTICATION = "ldap.authentication";
    static final String USER = "ldap.user";
    static final String PASSWORD = "ldap.password";

    static LdapSettings of(SocketDestination resolved) {
        Destination destination = resolved.destination();
        String value = destination.requireProperty(URL, "an LDAP destination needs the directory's address,"
                + " ldap://host:389 or ldaps://host:636");
        URI url;
        try {
            url = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new DestinationConfigurationException(destination.name(), URL, "is not a valid URL: '" + value + "'.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps") || url.getHost() == null) {
            throw new DestinationConfigurationException(destination.name(), URL, "must be ldap://host[:port] or"
                    + " ldaps://host[:port], was '" + value + "'.");
        }
        boolean tls = scheme.equals("ldaps");
        if (tls && resolved.onPremise()) {
            // as for HTTP [consuming-the-connectivity-service-313b215]: the tunnel to the Cloud Connector is already
            // encrypted, and the Cloud Connector's system mapping (protocol LDAPS) decides TLS to the directory
            throw new DestinationConfigurationException(destination.name(), URL, "is '" + value + "', but an OnPremise"
                    + " LDAP destination must use ldap://<virtual host>:<port>: the tunnel to the Cloud Connector is already"
                    + " encrypted, and the Cloud Connector's system mapping (protocol LDAPS) speaks TLS to the directory."
                    + " Change the URL to ldap://.");
        }
        int port = url.getPort() > 0 ? url.getPort() : tls ? 636 : 389;
        // ldap.authentication takes two of the Authentication values [ldap-destinations-8cb290f]
        AuthenticationType authentication = AuthenticationType.valueOf(EnumeratedProperty.LDAP_AUTHENTICATION.of(destination));
        return switch (authentication) {
            case NoAuthentication -> new LdapSettings(destination.name(), url.getHost(), port, tls, null, null);
            case BasicAuthentication -> new LdapSettings(destination.name(), url.getHost(), port, tls,
                    destination.requireProperty(USER, "BasicAuthentication binds with it (a DN such as"
                            + " cn=service,ou=services,dc=example,dc=com)"),
                    destination.requireProperty(PASSWORD, "BasicAuthentication binds with it"));
            default -> throw new DestinationConfigurationException(destination.name(), AUTHENTICATION, "is '"
                    + authentication + "'; LDAP destinations support NoAuthentication and BasicAuthentication.");
        };
    }

    String address() {
        return (tls ? "ldaps://" : "ldap://") + host + ":" + port;
    }

    @Override
    public String toString() {
        return "LdapSettings[destination=" + destinationName + ", url=" + address() + ", bindDn=" + bindDn + ", password="
                + (password == null ? "none" : "****") + "]";
    }
}
