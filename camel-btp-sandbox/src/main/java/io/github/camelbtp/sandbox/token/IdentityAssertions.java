package io.github.camelbtp.sandbox.token;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SAML 2.0 assertions and SAP logon tickets ({@code MYSAPSSO2}) the sandbox Destination Service issues for a user,
 * for SAMLAssertion, OAuth2SAMLBearerAssertion and SAPAssertionSSO destinations. Real ones are signed by the
 * subaccount's key; the sandbox keeps the ID of every artefact it issued instead, and its token service and backends
 * accept only those — a forged or altered one is unknown and refused. Thread-safe.
 */
public final class IdentityAssertions {

    private static final Pattern NAME_ID = Pattern.compile("<saml:NameID[^>]*>([^<]+)</saml:NameID>");
    private static final Pattern AUDIENCE = Pattern.compile("<saml:Audience>([^<]+)</saml:Audience>");
    private static final Pattern ID = Pattern.compile("<saml:Assertion [^>]*ID=\"([^\"]+)\"");
    private static final int MAX_REMEMBERED = 10_000;

    /** A verified assertion's subject and audience. */
    public record Subject(String user, String audience) {
    }

    private final String issuer;
    private final ConcurrentHashMap<String, String> issuedAssertions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> tickets = new ConcurrentHashMap<>();

    IdentityAssertions(String issuer) {
        this.issuer = issuer;
    }

    /** A SAML 2.0 assertion for {@code user}, Base64 encoded (standard alphabet), as the SAMLAssertion token value. */
    public String samlAssertion(String user, String audience, String authnContextClassRef) {
        String id = "_" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String xml = "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + id
                + "\" IssueInstant=\"" + now + "\" Version=\"2.0\">"
                + "<saml:Issuer>" + escape(issuer) + "</saml:Issuer>"
                + "<saml:Subject><saml:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\">"
                + escape(user) + "</saml:NameID></saml:Subject>"
                + "<saml:Conditions NotBefore=\"" + now.minusSeconds(60) + "\" NotOnOrAfter=\"" + now.plusSeconds(600)
                + "\"><saml:AudienceRestriction><saml:Audience>" + escape(audience)
                + "</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
                + "<saml:AuthnStatement AuthnInstant=\"" + now + "\"><saml:AuthnContext><saml:AuthnContextClassRef>"
                + escape(authnContextClassRef) + "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>"
                + "</saml:Assertion>";
        remember(issuedAssertions, id, xml);
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The subject of an assertion this sandbox issued (Base64, standard or URL alphabet), unchanged. */
    public Optional<Subject> verifySaml(String base64) {
        String xml;
        try {
            byte[] bytes = base64.contains("-") || base64.contains("_") ? Base64.getUrlDecoder().decode(base64.trim())
                    : Base64.getDecoder().decode(base64.trim());
            xml = new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Matcher id = ID.matcher(xml);
        Matcher nameId = NAME_ID.matcher(xml);
        Matcher audience = AUDIENCE.matcher(xml);
        if (!id.find() || !nameId.find() || !audience.find() || !xml.equals(issuedAssertions.get(id.group(1)))) {
            return Optional.empty();
        }
        return Optional.of(new Subject(nameId.group(1), audience.group(1)));
    }

    /** An SAP logon ticket for {@code user}: the value of the {@code MYSAPSSO2} cookie. */
    public String logonTicket(String user) {
        String ticket = Base64.getEncoder().encodeToString(("SAPSSO2:" + UUID.randomUUID() + ":" + user)
                .getBytes(StandardCharsets.UTF_8));
        remember(tickets, ticket, user);
        return ticket;
    }

    public Optional<String> verifyTicket(String ticket) {
        return Optional.ofNullable(ticket == null ? null : tickets.get(ticket));
    }

    private static void remember(ConcurrentHashMap<String, String> map, String key, String value) {
        if (map.size() >= MAX_REMEMBERED) {
            map.clear();
        }
        map.put(key, value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
