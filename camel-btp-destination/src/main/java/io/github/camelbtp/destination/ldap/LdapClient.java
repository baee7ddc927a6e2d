package io.github.camelbtp.destination.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.connectivity.socks.CloudConnectorSocketException;
import io.github.camelbtp.connectivity.socks.SocketTls;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs LDAP operations against LDAP destinations over pooled connections ({@link LdapConnectionPools}).
 * Results are plain Java: an entry is a {@code Map} with {@code "dn"} and one key per attribute, whose value is a
 * {@code String} when the attribute has one value and a {@code List<String>} when it has several. Thread-safe.
 */
public final class LdapClient implements AutoCloseable {

    /** One request, as the producer assembled it from options and headers. */
    public record Request(LdapOperation operation, String dn, String baseDn, String scope, String filter,
            Map<String, ?> filterValues, List<String> attributes, int sizeLimit, int pageSize, Object body) {
    }

    private final LdapConnectionPools pools;

    public LdapClient(int maxConnectionsPerDestination) {
        this.pools = new LdapConnectionPools(maxConnectionsPerDestination);
    }

    /** Runs the request; returns the new body. */
    public Object execute(SocketDestination resolved, Request request) {
        LdapSettings settings = LdapSettings.of(resolved);
        String name = resolved.name();
        try {
            LDAPConnectionPool pool = pools.pool(resolved, settings);
            return switch (request.operation()) {
                case search -> search(pool, name, request);
                case bind -> bindCheck(pool, name, request);
                case add -> {
                    String dn = requireDn(name, request);
                    Entry entry = new Entry(dn);
                    attributes(name, request).forEach((attribute, values) -> {
                        if (!values.isEmpty()) {
                            entry.addAttribute(new Attribute(attribute, values));
                        }
                    });
                    pool.add(entry);
                    yield request.body();
                }
                case modify -> {
                    String dn = requireDn(name, request);
                    List<Modification> modifications = modifications(name, request);
                    pool.modify(dn, modifications);
                    yield request.body();
                }
                case delete -> {
                    pool.delete(requireDn(name, request));
                    yield request.body();
                }
            };
        } catch (LDAPException e) {
            throw translate(name, settings, request, e);
        } catch (IllegalArgumentException e) {
            throw new LdapException(name, null, "LDAP " + request.operation() + " on destination '" + name + "': "
                    + e.getMessage() + ".", e);
        }
    }

    private static List<Map<String, Object>> search(LDAPConnectionPool pool, String name, Request request) throws LDAPException {
        if (request.baseDn() == null || request.baseDn().isBlank()) {
            throw new IllegalArgumentException("a search needs a base DN (option ldapBaseDn or header CamelBtpLdapBaseDn)");
        }
        String filter = request.filter() == null || request.filter().isBlank() ? "(objectClass=*)"
                : LdapFilterTemplate.fill(request.filter(), request.filterValues());
        String[] attributes = request.attributes() == null ? new String[0] : request.attributes().toArray(String[]::new);
        SearchRequest search = new SearchRequest(request.baseDn(), scope(request.scope()), filter, attributes);
        search.setSizeLimit(Math.max(0, request.sizeLimit()));
        List<Map<String, Object>> entries = new ArrayList<>();
        if (request.pageSize() <= 0) {
            try {
                addAll(entries, searchRetryingOnce(pool, search));
            } catch (LDAPSearchException e) {
                if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                    throw e;
                }
                // the size limit is a cap the route asked for: return what arrived within it
                addAll(entries, e.getSearchResult());
            }
            return entries;
        }
        // RFC 2696 simple paged results: one page per request, the server's cookie asks for the next; the size limit
        // is applied here, since a server counts it per request and would end a page with sizeLimitExceeded
        search.setSizeLimit(0);
        ASN1OctetString cookie = null;
        do {
            search.setControls(new SimplePagedResultsControl(request.pageSize(), cookie));
            SearchResult page = searchRetryingOnce(pool, search);
            addAll(entries, page);
            SimplePagedResultsControl response = SimplePagedResultsControl.get(page);
            cookie = response == null || !response.moreResultsToReturn() ? null : response.getCookie();
            if (request.sizeLimit() > 0 && entries.size() >= request.sizeLimit()) {
                return new ArrayList<>(entries.subList(0, request.sizeLimit()));
            }
        } while (cookie != null);
        return entries;
    }

    /**
     * {@code pool.search}, once more on a fresh copy of the request when the connection turned out to be dead (the
     * directory restarted or dropped it). The pool's own retry is not used for searches: it repeats the same request
     * object, whose response queue may already hold the dead connection's "closed" notice, so the retry on a healthy
     * connection could fail at once (seen in LdapDestinationTest#droppedConnectionIsReEstablished).
     */
    private static SearchResult searchRetryingOnce(LDAPConnectionPool pool, SearchRequest search) throws LDAPSearchException {
        try {
            return pool.search(search);
        } catch (LDAPSearchException e) {
            ResultCode code = e.getResultCode();
            if (code != ResultCode.SERVER_DOWN && code != ResultCode.CONNECT_ERROR) {
                throw e;
            }
            return pool.search(search.duplicate());
        }
    }

    private static void addAll(List<Map<String, Object>> into, SearchResult result) {
        if (result == null) {
            return;
        }
        for (SearchResultEntry entry : result.getSearchEntries()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("dn", entry.getDN());
            for (Attribute attribute : entry.getAttributes()) {
                String[] values = attribute.getValues();
                map.put(attribute.getName(), values.length == 1 ? values[0] : List.of(values));
            }
            into.add(map);
        }
    }

    private static Boolean bindCheck(LDAPConnectionPool pool, String name, Request request) throws LDAPException {
        String dn = requireDn(name, request);
        String password = request.body() == null ? "" : String.valueOf(request.body());
        if (password.isEmpty()) {
            // an empty password is an unauthenticated bind (RFC 4513 §5.1.2), which succeeds for any DN
            return false;
        }
        try {
            pool.bindAndRevertAuthentication(dn, password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw e;
        }
    }

    private static Map<String, List<String>> attributes(String name, Request request) {
        if (!(request.body() instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the body must be a Map of attribute name to value(s), was "
                    + (request.body() == null ? "empty" : request.body().getClass().getName()));
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            List<String> values = new ArrayList<>();
            if (value instanceof Collection<?> collection) {
                collection.forEach(v -> values.add(String.valueOf(v)));
            } else if (value != null && !String.valueOf(value).isEmpty()) {
                values.add(String.valueOf(value));
            }
            attributes.put(String.valueOf(key), values);
        });
        return attributes;
    }

    @SuppressWarnings("unchecked")
    private static List<Modification> modifications(String name, Request request) {
        if (request.body() instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Modification) {
            return (List<Modification>) list;
        }
        List<Modification> modifications = new ArrayList<>();
        attributes(name, request).forEach((attribute, values) -> modifications.add(values.isEmpty()
                ? new Modification(ModificationType.DELETE, attribute)
                : new Modification(ModificationType.REPLACE, attribute, values.toArray(String[]::new))));
        if (modifications.isEmpty()) {
            throw new IllegalArgumentException("the body names no attribute to modify");
        }
        return modifications;
    }

    private static String requireDn(String name, Request request) {
        if (request.dn() == null || request.dn().isBlank()) {
            throw new IllegalArgumentException(request.operation() + " needs the DN of the entry (header CamelBtpLdapDn"
                    + " or option ldapDn)");
        }
        return request.dn();
    }

    private static SearchScope scope(String scope) {
        return switch (scope == null ? "sub" : scope.toLowerCase(Locale.ROOT)) {
            case "base", "object" -> SearchScope.BASE;
            case "one", "onelevel", "one_level" -> SearchScope.ONE;
            case "sub", "subtree", "wholesubtree" -> SearchScope.SUB;
            default -> throw new IllegalArgumentException("scope '" + scope + "' is not base, one or sub");
        };
    }

    private static RuntimeException translate(String name, LdapSettings settings, Request request, LDAPException e) {
        io.github.camelbtp.connectivity.BtpConnectivityException engine = CloudConnectorSocketException.engineFailure(e).orElse(null);
        if (engine != null) {
            return engine;
        }
        String what = "LDAP " + request.operation() + (request.dn() != null ? " of '" + request.dn() + "'" : "")
                + " on destination '" + name + "' (" + settings.address() + ")";
        ResultCode code = e.getResultCode();
        String fix;
        if (code == ResultCode.INVALID_CREDENTIALS) {
            fix = "The directory refused the bind as '" + settings.bindDn() + "': check ldap.user and ldap.password.";
        } else if (settings.tls() && tlsFailure(e)) {
            fix = "The directory's TLS certificate was refused: it must be signed by a CA in the JDK trust store or in the"
                    + " destination's TrustStoreLocation, and name the host of ldap.url. "
                    + SocketTls.advice(e, settings.host());
        } else if (code == ResultCode.CONNECT_ERROR || code == ResultCode.SERVER_DOWN || code == ResultCode.TIMEOUT) {
            fix = "Check ldap.url and that the directory is reachable (for OnPremise: the Cloud Connector's LDAP system"
                    + " mapping)." + (settings.tls() ? " Over ldaps, a directory that requires a client certificate drops"
                    + " the connection of a client without one: then set KeyStoreLocation and KeyStorePassword." : "");
        } else if (code == ResultCode.NO_SUCH_OBJECT) {
            fix = "The entry or base DN does not exist.";
        } else if (code == ResultCode.ENTRY_ALREADY_EXISTS) {
            fix = "An entry with this DN exists already; use modify.";
        } else if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS || code == ResultCode.INAPPROPRIATE_AUTHENTICATION) {
            fix = "The directory does not allow this to the bound user; check ldap.authentication and the user's rights.";
        } else if (code == ResultCode.FILTER_ERROR) {
            fix = "Check the filter's syntax (RFC 4515).";
        } else {
            fix = "See the directory's diagnostic message.";
        }
        String diagnostic = e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getExceptionMessage();
        return new LdapException(name, code.getName(), what + " failed: " + code.getName() + " ("
                + mask(diagnostic, settings.password()) + "). " + fix, e);
    }

    private static boolean tlsFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("certificate");
    }

    /** An SDK message never echoes a password, but a diagnostic from a server might: keep it out. */
    private static String mask(String text, String password) {
        if (text == null) {
            return "";
        }
        return password == null || password.isEmpty() ? text : text.replace(password, "****");
    }

    @Override
    public void close() {
        pools.close();
    }
}
