package io.github.camelbtp.sandbox.onpremise.abap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ICF logon of the system: HTTP Basic with the user name (case-insensitive, as SAP stores it upper-case) or the
 * alias (exact), or the X.509 certificate of a user the Cloud Connector propagates (rule {@code CN=<user>}).
 */
final class AbapLogon {

    /**
     * A user of the system: its password and its RFC authorization — the RFC_NAME values of authorization object
     * S_RFC: exact function module names or generic values ending in {@code *} ({@code BAPI_SALESORDER_*}, {@code *}
     * for all). SOAP-RFC reaches the system over an HTTP mapping of the Cloud Connector, which checks only the path
     * [configure-access-control-http-e7d4927]; this check is what refuses a function (facts §8).
     */
    record User(String name, byte[] password, Set<String> rfcNames) {

        boolean mayCall(String function) {
            for (String value : rfcNames) {
                if (value.endsWith("*") ? function.startsWith(value.substring(0, value.length() - 1)) : function.equals(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();

    void add(String name, String password, String alias, Set<String> rfcNames) {
        users.put(name, new User(name, password.getBytes(StandardCharsets.UTF_8), Set.copyOf(rfcNames)));
        if (alias != null) {
            aliases.put(alias, name);
        }
    }

    /**
     * The user a certificate subject maps to: the Cloud Connector logs a propagated user on with a short-lived X.509
     * certificate; ICF maps its subject to an ABAP user (rule CN=&lt;user&gt;, user names upper-case). Without a
     * mapped user the logon fails, as in ABAP.
     */
    User certificate(String subject) {
        return users.get(subject.substring(3).toUpperCase(Locale.ROOT));
    }

    /** The user of an {@code Authorization: Basic} header, {@code null} when it names no user or the wrong password. */
    User basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String name = decoded.substring(0, colon);
        // ICF logon accepts the user name (case-insensitive, as SAP stores it upper-case) or the alias (exact)
        User user = users.get(aliases.getOrDefault(name, name.toUpperCase(Locale.ROOT)));
        byte[] presented = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        return user != null && MessageDigest.isEqual(user.password(), presented) ? user : null;
    }
}
