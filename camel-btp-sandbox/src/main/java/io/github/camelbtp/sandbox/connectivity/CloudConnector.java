package io.github.camelbtp.sandbox.connectivity;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Cloud Connectors of the sandbox subaccount and their access control [configure-access-control-http-e7d4927]:
 * each connector is known by its location ID ({@code ""} for the connector without one), maps virtual
 * {@code host:port} pairs to internal ones (exact match) and forwards only allow-listed paths (exact, or
 * "path and all sub-paths"; case-sensitive; the query is ignored). Every denial is written to the audit log
 * (level "Security": denials only). Thread-safe; changes apply to the next proxied request.
 */
public final class CloudConnector {

    /** How many audit entries are kept (oldest dropped first). */
    public static final int AUDIT_CAPACITY = 1_000;

    /**
     * One access-control denial.
     *
     * @param time        when the request was denied
     * @param locationId  the location ID of the connector that denied it ({@code ""}: none)
     * @param virtualHost the requested virtual host
     * @param virtualPort the requested virtual port
     * @param path        the requested path (without query)
     * @param reason      why it was denied
     */
    public record AuditEntry(Instant time, String locationId, String virtualHost, int virtualPort, String path,
            String reason) {
    }

    /** Where an allowed request goes. */
    public record Target(String internalHost, int internalPort) {
    }

    /** The outcome of an access-control check: a target, or the reason of a denial. */
    public record Decision(Target target, String denial) {
    }

    private record PathRule(String path, boolean withSubPaths) {

        boolean allows(String requested) {
            if (requested.equals(path)) {
                return true;
            }
            if (!withSubPaths) {
                return false;
            }
            String prefix = path.endsWith("/") ? path : path + "/";
            return requested.startsWith(prefix);
        }
    }

    private static final class Mapping {
        final Target target;
        final List<PathRule> rules = new CopyOnWriteArrayList<>();

        Mapping(Target target) {
            this.target = target;
        }
    }

    /**
     * One Cloud Connector (identified by its location ID) with its virtual-to-internal system mappings and path
     * allow-lists. A new connector is connected.
     */
    public static final class Connector {

        private final String locationId;
        private final ConcurrentHashMap<String, Mapping> mappings = new ConcurrentHashMap<>();
        private volatile boolean connected = true;

        private Connector(String locationId) {
            this.locationId = locationId;
        }

        /** The location ID, {@code ""} for the connector without one. */
        public String locationId() {
            return locationId;
        }

        /**
         * Maps virtual {@code virtualHost:virtualPort} to internal {@code internalHost:internalPort} (replacing an
         * earlier mapping of the same virtual system, and its allow-list). The backend receives the internal host
         * in its {@code Host} header (the Cloud Connector's default, "Use Internal Host").
         */
        public Connector map(String virtualHost, int virtualPort, String internalHost, int internalPort) {
            Objects.requireNonNull(internalHost, "internalHost");
            checkPort(virtualPort);
            checkPort(internalPort);
            mappings.put(key(virtualHost, virtualPort), new Mapping(new Target(internalHost, internalPort)));
            return this;
        }

        /** Removes the mapping of a virtual system and its allow-list. */
        public Connector unmap(String virtualHost, int virtualPort) {
            mappings.remove(key(virtualHost, virtualPort));
            return this;
        }

        /**
         * Allows {@code path} (must start with "/") on a mapped virtual system: only exactly that path, or with
         * {@code withSubPaths} also every path below it ({@code /a} allows {@code /a/b} but not {@code /ab}).
         *
         * @throws IllegalStateException when the virtual system is not mapped
         */
        public Connector allowPath(String virtualHost, int virtualPort, String path, boolean withSubPaths) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/': " + path);
            }
            Mapping mapping = mappings.get(key(virtualHost, virtualPort));
            if (mapping == null) {
                throw new IllegalStateException("map " + virtualHost + ":" + virtualPort + " before allowing paths");
            }
            mapping.rules.add(new PathRule(path, withSubPaths));
            return this;
        }

        /** Connects or disconnects this connector; requests for a disconnected connector get 503. */
        public Connector setConnected(boolean connected) {
            this.connected = connected;
            return this;
        }

        /** Whether this connector is connected. */
        public boolean isConnected() {
            return connected;
        }

        /** Whether virtual {@code host:port} is mapped. */
        public boolean isMapped(String virtualHost, int virtualPort) {
            return mappings.containsKey(key(virtualHost, virtualPort));
        }

        /**
         * The internal system behind a virtual {@code host:port} for TCP-based protocols (MAIL, LDAP, TCP through
         * SOCKS5), which have no resource paths to allow-list; {@code null} when not mapped.
         */
        Target tcpTarget(String virtualHost, int virtualPort) {
            Mapping mapping = mappings.get(key(virtualHost, virtualPort));
            return mapping == null ? null : mapping.target;
        }

        public Decision decide(String virtualHost, int virtualPort, String path) {
            Mapping mapping = mappings.get(key(virtualHost, virtualPort));
            if (mapping == null) {
                return new Decision(null, "virtual host " + virtualHost + ":" + virtualPort + " is not mapped");
            }
            if (climbs(path)) {
                return new Decision(null, "path " + path + " has a dot segment (encoded, double-encoded or with ';'"
                        + " parameters), which a backend could resolve outside the allow-listed paths");
            }
            for (PathRule rule : mapping.rules) {
                if (rule.allows(path)) {
                    return new Decision(mapping.target, null);
                }
            }
            return new Decision(null, "path " + path + " is not allow-listed");
        }

        /**
         * Whether a segment of the (once decoded) path is {@code .} or {@code ..} in a form that survived the
         * request's normalisation: percent-encoded again ({@code %2e%2e} arriving as {@code %252e%252e}) or followed by
         * {@code ;} parameters ({@code ..;}), both of which backends resolve — so the allow-list would approve one path
         * and the backend serve another.
         */
        static boolean climbs(String path) {
            for (String segment : path.split("/", -1)) {
                String s = segment.toLowerCase(Locale.ROOT);
                int parameters = s.indexOf(';');
                if (parameters >= 0) {
                    s = s.substring(0, parameters);
                }
                while (s.contains("%25")) {
                    s = s.replace("%25", "%");
                }
                s = s.replace("%2e", ".");
                if (s.equals(".") || s.equals("..")) {
                    return true;
                }
            }
            return false;
        }

        private static String key(String host, int port) {
            Objects.requireNonNull(host, "virtualHost");
            // host names are case-insensitive (RFC 3986 §3.2.2); the match is otherwise exact
            return host.toLowerCase(Locale.ROOT) + ":" + port;
        }

        private static void checkPort(int port) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public String toString() {
            return "Connector[locationId='" + locationId + "', connected=" + connected + ", mappings="
                    + mappings.keySet() + "]";
        }
    }

    private final ConcurrentHashMap<String, Connector> connectors = new ConcurrentHashMap<>();
    private final ArrayDeque<AuditEntry> audit = new ArrayDeque<>();

    public CloudConnector() {
    }

    /** What the Connectivity Service says when no connected Cloud Connector has the location ID ({@code ""}: none). */
    public static String notConnected(String locationIdOrEmpty) {
        return "There is no SAP Cloud Connector (SCC) connected to your subaccount" + (locationIdOrEmpty.isEmpty()
                ? " without a location ID" : " with location ID '" + locationIdOrEmpty + "'");
    }

    /** The connector with {@code locationIdOrEmpty} ({@code null} or {@code ""}: no location ID), created if new. */
    public Connector connector(String locationIdOrEmpty) {
        return connectors.computeIfAbsent(normalize(locationIdOrEmpty), Connector::new);
    }

    /** The connector with that location ID, if it exists. */
    public Optional<Connector> find(String locationIdOrEmpty) {
        return Optional.ofNullable(connectors.get(normalize(locationIdOrEmpty)));
    }

    /** Removes a connector; requests naming its location ID get 503 afterwards. */
    public boolean removeConnector(String locationIdOrEmpty) {
        return connectors.remove(normalize(locationIdOrEmpty)) != null;
    }

    /** The denials so far, oldest first (at most {@value #AUDIT_CAPACITY}). */
    public List<AuditEntry> auditLog() {
        synchronized (audit) {
            return List.copyOf(audit);
        }
    }

    /** Empties the audit log. */
    public void clearAuditLog() {
        synchronized (audit) {
            audit.clear();
        }
    }

    public void deny(String locationId, String virtualHost, int virtualPort, String path, String reason) {
        AuditEntry entry = new AuditEntry(Instant.now(), locationId, virtualHost, virtualPort, path, reason);
        synchronized (audit) {
            if (audit.size() == AUDIT_CAPACITY) {
                audit.removeFirst();
            }
            audit.addLast(entry);
        }
    }

    private static String normalize(String locationId) {
        return locationId == null ? "" : locationId.trim();
    }

    @Override
    public String toString() {
        return "CloudConnector" + connectors.values();
    }
}
