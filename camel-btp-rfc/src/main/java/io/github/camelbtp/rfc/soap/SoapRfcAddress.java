package io.github.camelbtp.rfc.soap;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.destination.DestinationType;
import io.github.camelbtp.connectivity.destination.EnumeratedProperty;
import io.github.camelbtp.connectivity.destination.ProxyType;
import io.github.camelbtp.rfc.spi.RfcTarget;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where SOAP-RFC requests of a destination go, and as whom. For an RFC destination [rfc-destinations-238d027,
 * user-logon-properties-8b1e1c3] it derives an HTTP destination the engine authenticates and dispatches like any
 * other: the ICM's HTTP port is {@code 80<sysnr>} by SAP's convention (facts §7), the message server's
 * {@code 81<NN>} for {@code jco.client.msserv} {@code 36<NN>}, and WebSocket RFC's {@code wshost:wsport} is an ICM
 * HTTPS port; {@code jco.destination.proxy_type} becomes {@code ProxyType}, the location ID and the logon user carry
 * over. An HTTP destination is used as it is, its URL being the ICM's address.
 *
 * @param httpDestination the HTTP destination requests are sent with
 * @param servicePrefix   the path before {@code /sap/bc/…} (usually empty)
 * @param client          the ABAP client ({@code sap-client}), or {@code null} for the system's default
 * @param language        the logon language ({@code sap-language}), or {@code null}
 * @param user            the logon user (or alias) for messages; never the password
 */
public record SoapRfcAddress(Destination httpDestination, String servicePrefix, String client, String language,
        String user) {

    /** SOAP-RFC's ICF service [facts §7]. */
    public static final String RFC_SERVICE = "/sap/bc/soap/rfc";
    /** SAP's WSDL generator for function modules. */
    public static final String WSDL_SERVICE = "/sap/bc/soap/wsdl11";
    /** Destination property overriding the derived SOAP-RFC URL (not an SAP property; camel-btp's own). */
    public static final String SOAP_URL_PROPERTY = "SoapRfcURL";

    public static final String PROXY_TYPE = "jco.destination.proxy_type";
    static final String AUTH_TYPE = "jco.destination.auth_type";
    public static final String LOCATION_ID = "jco.client.cloud_connector_location_id";
    static final String USER = "jco.client.user";
    static final String ALIAS_USER = "jco.client.alias_user";
    static final String PASSWORD = "jco.client.passwd";
    static final String LANGUAGE = "jco.client.lang";
    static final String CLIENT = "jco.client.client";
    static final String ASHOST = "jco.client.ashost";
    static final String SYSNR = "jco.client.sysnr";
    static final String MSHOST = "jco.client.mshost";
    static final String MSSERV = "jco.client.msserv";
    static final String WSHOST = "jco.client.wshost";
    static final String WSPORT = "jco.client.wsport";
    /** TechnicalUserPropagation: the OAuth client the technical user's token is fetched with [user-logon-properties-8b1e1c3]. */
    static final String TECH_USER_ID = "jco.client.tech_user_id";
    static final String TECH_USER_SECRET = "jco.client.tech_user_secret";
    /** The token service's URL, reached over the Internet (never through the Cloud Connector); may hold {@code {tenant}}. */
    static final String TECH_USER_SERVICE_URL = "jco.client.tech_user_service_url";

    /** The address for a call's target. */
    public static SoapRfcAddress of(RfcTarget target) {
        Destination d = target.destination();
        String override = target.soapUrl() != null && !target.soapUrl().isBlank() ? target.soapUrl()
                : d.property(SOAP_URL_PROPERTY).orElse(null);
        return switch (d.type()) {
            case HTTP -> fromHttp(d, override);
            case RFC -> fromRfc(d, override);
            default -> throw new DestinationConfigurationException(d.name(), DestinationProperty.TYPE, "is '" + d.type()
                    + "', but btp-rfc needs an RFC destination (jco.* properties) or an HTTP destination pointing at"
                    + " the ABAP system's ICM.");
        };
    }

    private static SoapRfcAddress fromHttp(Destination d, String override) {
        Map<String, String> properties = new LinkedHashMap<>(d.properties());
        if (override != null) {
            properties.put(DestinationProperty.URL, override);
        }
        Destination http = new Destination(d.name(), properties, d.authTokens(), d.source());
        String url = http.requireProperty(DestinationProperty.URL, "an HTTP destination used for SOAP-RFC needs the"
                + " address of the ABAP system's ICM, like http://<virtual host>:80<sysnr>");
        String user = d.property(DestinationProperty.USER).orElse("(" + d.authentication() + ")");
        return new SoapRfcAddress(http, prefix(d, SOAP_URL_PROPERTY, url),
                d.property("sap-client").or(() -> d.property("URL.queries.sap-client")).orElse(null),
                d.property("sap-language").orElse(null), user);
    }

    private static SoapRfcAddress fromRfc(Destination d, String override) {
        String proxyType = EnumeratedProperty.JCO_PROXY_TYPE.of(d);
        String client = d.requireProperty(CLIENT, "the ABAP client (three digits, e.g. 100) is needed to log on");
        if (!client.matches("\\d{3}")) {
            throw new DestinationConfigurationException(d.name(), CLIENT, "is '" + client + "', but an ABAP client"
                    + " has three digits (e.g. 100).");
        }
        Map<String, String> http = new LinkedHashMap<>();
        http.put(DestinationProperty.NAME, d.name());
        http.put(DestinationProperty.TYPE, DestinationType.HTTP.name());
        http.put(DestinationProperty.URL, override != null ? override : derivedUrl(d, proxyType));
        // Local: the system is reachable from the application's own network, no Connectivity proxy
        http.put(DestinationProperty.PROXY_TYPE, (ProxyType.OnPremise.name().equals(proxyType) ? ProxyType.OnPremise
                : ProxyType.Internet).name());
        d.property(LOCATION_ID).ifPresent(l -> http.put(DestinationProperty.LOCATION_ID, l));
        String user = logon(d, http);
        return new SoapRfcAddress(new Destination(d.name(), http, d.authTokens(), d.source()),
                prefix(d, SOAP_URL_PROPERTY, http.get(DestinationProperty.URL)), client,
                d.property(LANGUAGE).orElse(null), user);
    }

    /** {@code jco.destination.auth_type} → the engine's {@code Authentication}; returns the user for messages. */
    private static String logon(Destination d, Map<String, String> http) {
        String authType = EnumeratedProperty.JCO_AUTH_TYPE.of(d);
        switch (authType) {
            case "CONFIGURED_USER" -> {
                Optional<String> user = d.property(USER);
                Optional<String> alias = d.property(ALIAS_USER);
                if (user.isEmpty() && alias.isEmpty()) {
                    throw new DestinationConfigurationException(d.name(), USER, "is missing (and so is " + ALIAS_USER
                            + "); the configured user logs on to the ABAP system. Add the user or its alias.");
                }
                if (user.isPresent() && user.get().length() > 12) {
                    throw new DestinationConfigurationException(d.name(), USER, "is " + user.get().length()
                            + " characters long, but ABAP user names have at most 12; use " + ALIAS_USER
                            + " for a longer alias.");
                }
                // ICF logon accepts the alias user as the Basic user name
                String name = user.orElseGet(alias::get);
                http.put(DestinationProperty.AUTHENTICATION, AuthenticationType.BasicAuthentication.name());
                http.put(DestinationProperty.USER, name);
                http.put(DestinationProperty.PASSWORD, d.requireProperty(PASSWORD, "the configured user needs its password"));
                return name;
            }
            case "PrincipalPropagation" -> {
                // the engine sends the user's JWT to the Connectivity proxy (SAP-Connectivity-Authentication); the
                // Cloud Connector turns it into a short-lived X.509 certificate the ICM logs the user on with
                http.put(DestinationProperty.AUTHENTICATION, AuthenticationType.PrincipalPropagation.name());
                return "(the propagated business user)";
            }
            case "TechnicalUserPropagation" -> {
                // SAP's keys [user-logon-properties-8b1e1c3]: the engine runs the client credentials flow at the token
                // service over the Internet and sends the token as SAP-Connectivity-Technical-Authentication
                http.put(DestinationProperty.AUTHENTICATION, "OAuth2TechnicalUserPropagation");
                String why = "TechnicalUserPropagation fetches the technical user's token with " + TECH_USER_ID + ", "
                        + TECH_USER_SECRET + " and " + TECH_USER_SERVICE_URL;
                String id = d.requireProperty(TECH_USER_ID, why);
                http.put(DestinationProperty.CLIENT_ID, id);
                http.put(DestinationProperty.CLIENT_SECRET, d.requireProperty(TECH_USER_SECRET, why));
                String url = d.requireProperty(TECH_USER_SERVICE_URL, why);
                http.put(DestinationProperty.TOKEN_SERVICE_URL, url);
                if (url.contains("{tenant}")) {
                    // SAP's example: https://{tenant}.authentication.<region>.hana.ondemand.com/oauth/token
                    http.put(DestinationProperty.TOKEN_SERVICE_URL_TYPE, "Common");
                }
                return "(technical user of client " + id + ")";
            }
            default -> throw new DestinationConfigurationException(d.name(), AUTH_TYPE, "is '" + authType + "'; SAP"
                    + " defines CONFIGURED_USER (default), PrincipalPropagation and TechnicalUserPropagation.");
        }
    }

    private static String derivedUrl(Destination d, String proxyType) {
        if ("Internet".equalsIgnoreCase(proxyType)) {
            String host = d.requireProperty(WSHOST, "an Internet (WebSocket RFC) destination names the system's host");
            String port = d.requireProperty(WSPORT, "an Internet (WebSocket RFC) destination names the ICM HTTPS port");
            return "https://" + host + ":" + port(d, WSPORT, port);
        }
        Optional<String> ashost = d.property(ASHOST);
        if (ashost.isPresent()) {
            String sysnr = d.requireProperty(SYSNR, "with jco.client.ashost the instance number gives the ICM port 80<sysnr>");
            if (!sysnr.matches("\\d{2}")) {
                throw new DestinationConfigurationException(d.name(), SYSNR, "is '" + sysnr + "', but an instance"
                        + " number has two digits (00-99).");
            }
            return "http://" + ashost.get() + ":80" + sysnr;
        }
        Optional<String> mshost = d.property(MSHOST);
        if (mshost.isPresent()) {
            String msserv = d.property(MSSERV).orElse("");
            if (msserv.matches("36\\d{2}")) {
                return "http://" + mshost.get() + ":81" + msserv.substring(2);
            }
            throw new DestinationConfigurationException(d.name(), MSSERV, "is '" + msserv + "': the message server's"
                    + " HTTP port (81<NN>) can only be derived from a numeric message server port 36<NN>. Set it as a"
                    + " number, or set the destination property " + SOAP_URL_PROPERTY + " (or the endpoint option"
                    + " soapUrl) to the HTTP address of the message server or Web Dispatcher.");
        }
        throw new DestinationConfigurationException(d.name(), ASHOST, "is missing (and so is " + MSHOST + "): an RFC"
                + " destination names its application server (jco.client.ashost + jco.client.sysnr) or its message"
                + " server (jco.client.mshost + jco.client.msserv + jco.client.r3name + jco.client.group).");
    }

    private static String port(Destination d, String property, String value) {
        if (!value.matches("\\d{1,5}")) {
            throw new DestinationConfigurationException(d.name(), property, "is '" + value + "', not a port number.");
        }
        return value;
    }

    /** The path in front of {@code /sap/bc/…}: the URL's path without a trailing {@code /sap/bc/soap/rfc}. */
    private static String prefix(Destination d, String property, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new DestinationConfigurationException(d.name(), property, "is not a valid URL: '"
                    + DestinationProperty.forMessage(property, url) + "'.");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith(RFC_SERVICE)) {
            path = path.substring(0, path.length() - RFC_SERVICE.length());
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
