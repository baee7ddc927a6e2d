package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.tls.DestinationCertificate;
import io.github.camelbtp.connectivity.DestinationConfigurationException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A destination as a source returned it: its properties (a flat, case-sensitive string map, as SAP defines it),
 * the tokens the Destination Service obtained for it, and where it came from. Immutable; {@code toString()} masks
 * every secret property. A class rather than a record only so that it can remember what it reads per request
 * ({@link #type()}, {@link #proxyType()}, {@link #authentication()}); equal by its five parts, as the record was.
 */
public final class Destination {

    /**
     * The {@link #source()} of a gateway destination ({@link TransparentProxyLoader}): it stands for a destination
     * SAP's Transparent Proxy finds, authenticates and dispatches itself, so the engine only sends to the gateway.
     */
    public static final String TRANSPARENT_PROXY = "Transparent Proxy";

    private final String name;
    private final Map<String, String> properties;
    private final List<AuthToken> authTokens;
    private final String source;
    private final List<DestinationCertificate> certificates;

    /*
     * Type, ProxyType and Authentication as read from the properties, remembered once read: every request reads them
     * several times (issue 12), and a destination never changes. A value SAP does not define is never remembered, so
     * it throws on every read. Written without synchronization: two threads may both read a property, and agree.
     */
    private DestinationType type;
    private ProxyType proxyType;
    private AuthenticationType authentication;

    /**
     * A destination with the certificate files its source returned.
     *
     * @param name       the destination name
     * @param properties all properties, including {@code Name}, {@code Type}, {@code URL} …
     * @param authTokens tokens returned by the Destination Service ({@code authTokens}); empty for other sources
     * @param source     which loader produced it ("static", "environment", "destination-service",
     *                   {@link #TRANSPARENT_PROXY})
     * @param certificates key and trust store files the Destination Service returned ({@code certificates[]}), matched
     *                   by name against {@code KeyStoreLocation}/{@code TrustStoreLocation}
     */
    public Destination(String name, Map<String, String> properties, List<AuthToken> authTokens, String source,
            List<DestinationCertificate> certificates) {
        this.name = Objects.requireNonNull(name, "name");
        this.properties = Map.copyOf(properties);
        this.authTokens = List.copyOf(authTokens);
        this.source = source;
        this.certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    public String name() {
        return name;
    }

    public Map<String, String> properties() {
        return properties;
    }

    public List<AuthToken> authTokens() {
        return authTokens;
    }

    public String source() {
        return source;
    }

    public List<DestinationCertificate> certificates() {
        return certificates;
    }

    /** A destination without certificate files. */
    public Destination(String name, Map<String, String> properties, List<AuthToken> authTokens, String source) {
        this(name, properties, authTokens, source, List.of());
    }

    /** The certificate file named {@code fileName} ({@code certificates[].Name}), if the source returned it. */
    public Optional<DestinationCertificate> certificate(String fileName) {
        return certificates.stream().filter(c -> c.name().equals(fileName)).findFirst();
    }

    /** A destination from properties alone (static configuration, environment variable, tests). */
    public static Destination of(String name, Map<String, String> properties, String source) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.putIfAbsent(DestinationProperty.NAME, name);
        return new Destination(name, all, List.of(), source);
    }

    public Optional<String> property(String key) {
        String value = properties.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The property's value, or a {@link DestinationConfigurationException} naming destination and property. */
    public String requireProperty(String key, String why) {
        return property(key).orElseThrow(() -> new DestinationConfigurationException(name, key,
                "is missing; " + why + ". Add it to the destination."));
    }

    /**
     * {@code HTTP} (default), {@code RFC}, {@code MAIL}, {@code LDAP} or {@code TCP}.
     *
     * @throws DestinationConfigurationException for any other value (see {@link EnumeratedProperty})
     */
    public DestinationType type() {
        DestinationType known = type;
        if (known == null) {
            known = DestinationType.valueOf(EnumeratedProperty.TYPE.of(this));
            type = known;
        }
        return known;
    }

    /**
     * {@code Internet} (default), {@code OnPremise} or {@code PrivateLink}, as SAP spells them.
     *
     * @throws DestinationConfigurationException for any other value: a typo must never mean Internet
     */
    public ProxyType proxyType() {
        ProxyType known = proxyType;
        if (known == null) {
            known = ProxyType.valueOf(EnumeratedProperty.PROXY_TYPE.of(this));
            proxyType = known;
        }
        return known;
    }

    /** Whether this is a gateway destination of SAP's Transparent Proxy (see {@link #TRANSPARENT_PROXY}). */
    public boolean viaTransparentProxy() {
        return TRANSPARENT_PROXY.equals(source);
    }

    public boolean isOnPremise() {
        return proxyType() == ProxyType.OnPremise;
    }

    /**
     * The {@code Authentication} value in SAP's spelling; {@code NoAuthentication} when unset.
     *
     * @throws DestinationConfigurationException for a value that is none of SAP's 15 types
     */
    public AuthenticationType authentication() {
        AuthenticationType known = authentication;
        if (known == null) {
            known = AuthenticationType.valueOf(EnumeratedProperty.AUTHENTICATION.of(this));
            authentication = known;
        }
        return known;
    }

    /** {@code CloudConnectorLocationId}, empty when the destination uses the connector without location ID. */
    public String locationId() {
        return property(DestinationProperty.LOCATION_ID).orElse("");
    }

    /** All properties that start with {@code prefix}, with the prefix removed (for {@code URL.headers.*} and friends). */
    public Map<String, String> propertiesWithPrefix(String prefix) {
        Map<String, String> result = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length() && value != null) {
                result.put(key.substring(prefix.length()), value);
            }
        });
        return result;
    }

    /**
     * The headers a destination sets ({@code URL.headers.*}, {@code tokenServiceURL.headers.*}): its properties with
     * {@code prefix} removed, each name checked to be an HTTP field name — a line break or colon in it would add
     * headers of the administrator's choosing to every request (header injection).
     *
     * @throws DestinationConfigurationException naming the property (control characters escaped) when a name is not
     *                                           an HTTP field name
     */
    public Map<String, String> headersWithPrefix(String prefix) {
        Map<String, String> headers = propertiesWithPrefix(prefix);
        for (String header : headers.keySet()) {
            if (!io.github.camelbtp.connectivity.http.HttpHeader.isFieldName(header)) {
                String shown = header.chars().mapToObj(c -> c < 0x20 || c == 0x7f ? String.format("\\x%02X", c)
                        : String.valueOf((char) c)).collect(java.util.stream.Collectors.joining());
                throw new DestinationConfigurationException(name, prefix + shown, "is not a valid header name: an HTTP"
                        + " header name has letters, digits and !#$%&'*+-.^_`|~ only, no spaces, colons or line breaks"
                        + " (RFC 9110). Correct the property's name in the destination.");
            }
        }
        return headers;
    }

    /** The earliest expiry among the auth tokens, if any token says when it expires. */
    public Optional<Instant> earliestTokenExpiry() {
        return authTokens.stream().map(AuthToken::expiresAt).filter(Objects::nonNull).min(Instant::compareTo);
    }

    /** Equal when name, properties, tokens, source and certificates are. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Destination d && name.equals(d.name) && properties.equals(d.properties)
                && authTokens.equals(d.authTokens) && Objects.equals(source, d.source) && certificates.equals(d.certificates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, properties, authTokens, source, certificates);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        properties.forEach((key, value) -> shown.put(key, DestinationProperty.isSecret(key) ? "****" : value));
        return "Destination[name=" + name + ", source=" + source + ", properties=" + shown + ", authTokens="
                + authTokens + (certificates.isEmpty() ? "" : ", certificates=" + certificates) + "]";
    }
}
