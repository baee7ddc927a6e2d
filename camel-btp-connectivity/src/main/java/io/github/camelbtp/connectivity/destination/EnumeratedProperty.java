package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationConfigurationException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The destination properties whose values SAP enumerates, with the values it defines and the default when the property
 * is unset. An unknown value is a configuration error, never a silent default: {@code ProxyType: On-Premise} read as
 * {@code Internet} would send credentials straight to the URL, past the Cloud Connector.
 * <p>
 * SAP's values are case-sensitive [http-destinations-42a0e6b]; camel-btp accepts a value that matches one of them
 * ignoring case (as it always did for {@code ProxyType}, {@code TrustAll}, …) and reads it in SAP's spelling, and refuses
 * everything else with a {@link DestinationConfigurationException} naming destination, property, value and the
 * allowed values.
 */
public enum EnumeratedProperty {

    /** [http-destinations-42a0e6b] and the other destination type pages. */
    TYPE(DestinationProperty.TYPE, "HTTP", "HTTP", "RFC", "MAIL", "LDAP", "TCP"),
    /** [http-destinations-42a0e6b, ldap-destinations-8cb290f, tcp-destinations-f6d753f, smtp-5876583]. */
    PROXY_TYPE(DestinationProperty.PROXY_TYPE, "Internet", "Internet", "OnPremise", "PrivateLink"),
    /** SAP's 15 types [http-destinations-42a0e6b]. */
    AUTHENTICATION(DestinationProperty.AUTHENTICATION, "NoAuthentication",
            Arrays.stream(AuthenticationType.values()).map(Enum::name).toArray(String[]::new)),
    /** [server-certificate-authentication-e75d7f1]. */
    TRUST_ALL(DestinationProperty.TRUST_ALL, "FALSE", "TRUE", "FALSE"),
    HOSTNAME_VERIFIER(DestinationProperty.HOSTNAME_VERIFIER, "Strict", "Strict", "BrowserCompatible"),
    /** [client-certificate-authentication-4e13a04]. */
    KEY_STORE_SOURCE("KeyStore.Source", "DestinationService", "DestinationService", "ClientProvided"),
    /** Basic authentication [http-destinations-42a0e6b]. */
    PREEMPTIVE(DestinationProperty.PREEMPTIVE, "TRUE", "TRUE", "FALSE"),
    /** [oauth-client-credentials-authentication-4e1d742]. */
    TOKEN_SERVICE_URL_TYPE(DestinationProperty.TOKEN_SERVICE_URL_TYPE, "Dedicated", "Dedicated", "Common"),
    TOKEN_SERVICE_PROXY_TYPE(DestinationProperty.TOKEN_SERVICE_PROXY_TYPE, "Internet", "Internet", "OnPremise"),
    CLIENT_CREDENTIALS_IN_BODY(DestinationProperty.TOKEN_SERVICE_CLIENT_CREDENTIALS_IN_BODY, "true", "true", "false"),
    /** The approuter's and SAP SDKs' switch. */
    FORWARD_AUTH_TOKEN(DestinationProperty.FORWARD_AUTH_TOKEN, "false", "true", "false"),
    /** [smtp-5876583, imap-6037066, pop3-9710135]; Jakarta Mail's imap/imaps as well, accepted so far. */
    MAIL_TRANSPORT_PROTOCOL("mail.transport.protocol", "smtp", "smtp", "smtps", "imap4", "imap4s", "pop3", "pop3s",
            "imap", "imaps"),
    /** [ldap-destinations-8cb290f]. */
    LDAP_PROXY_TYPE("ldap.proxyType", "Internet", "Internet", "OnPremise"),
    LDAP_AUTHENTICATION("ldap.authentication", "NoAuthentication", "NoAuthentication", "BasicAuthentication"),
    /** [tcp-destinations-f6d753f]. */
    TCP_KEEPALIVE("tcp.keepalive", "false", "true", "false"),
    TCP_NODELAY("tcp.nodelay", "false", "true", "false"),
    /** [rfc-destinations-238d027]. */
    JCO_PROXY_TYPE("jco.destination.proxy_type", "OnPremise", "OnPremise", "Internet", "Local"),
    /** [user-logon-properties-8b1e1c3]. */
    JCO_AUTH_TYPE("jco.destination.auth_type", "CONFIGURED_USER", "CONFIGURED_USER", "PrincipalPropagation",
            "TechnicalUserPropagation");

    private final String property;
    private final String defaultValue;
    private final List<String> values;

    EnumeratedProperty(String property, String defaultValue, String... values) {
        this.property = property;
        this.defaultValue = defaultValue;
        this.values = List.of(values);
    }

    /** The property's name, as SAP spells it. */
    public String property() {
        return property;
    }

    /** The values SAP defines, in SAP's spelling. */
    public List<String> allowedValues() {
        return values;
    }

    /**
     * The destination's value in SAP's spelling, or the default when the property is unset.
     *
     * @throws DestinationConfigurationException when the value is none of SAP's, in any case
     */
    public String of(Destination destination) {
        String value = destination.property(property).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        for (String known : values) {
            if (known.equalsIgnoreCase(value)) {
                return known;
            }
        }
        throw new DestinationConfigurationException(destination.name(), property, "is '"
                + DestinationProperty.forMessage(property, value) + "', which is not a value SAP defines. Use one of: "
                + String.join(", ", values) + " (default " + defaultValue + ")" + hint(value) + ".");
    }

    /** Whether the destination's value is {@code TRUE}/{@code true}, for the flags among these properties. */
    public boolean isTrue(Destination destination) {
        return "true".equalsIgnoreCase(of(destination));
    }

    /**
     * Checks every enumerated property the destination sets; called where a destination is loaded, before anything
     * is sent for it.
     *
     * @return the destination
     */
    public static Destination checkAll(Destination destination) {
        for (EnumeratedProperty p : values()) {
            p.of(destination);
        }
        return destination;
    }

    /** The value meant, when it is one of SAP's written with separators ({@code On-Premise}, {@code on_premise}). */
    private String hint(String value) {
        String squeezed = value.replaceAll("[-_ .]", "").toLowerCase(Locale.ROOT);
        return values.stream().filter(v -> v.replaceAll("[-_ .]", "").toLowerCase(Locale.ROOT).equals(squeezed))
                .findFirst().map(v -> "; did you mean " + v + "?").orElse("");
    }
}
