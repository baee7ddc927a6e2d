package io.github.camelbtp.sandbox.connectivity;

import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Cloud Connectors of the sandbox subaccount and their access control [configure-access-control-http-e7d4927]:
 * each connector is known by its location ID ({@code ""} for the connector without one), maps virtual
 * {@code host:port} pairs to internal ones (exact match) and forwards only allow-listed paths (exact, or
 * "path and all sub-paths"; case-sensitive; the query is ignored). Every denial is written to the audit log
 * (level "Security": denials only). Thread-safe; changes apply to the next proxied request.
 * <p>
 * High availability [configure-access-control-http-e7d4927, facts §8]: each location is served by a master and a
 * shadow instance. {@link Connector#failover(Duration)} plays what SAP describes when the master fails: for the
 * given outage no Cloud Connector is connected for the location (the proxies answer as for a disconnected one:
 * HTTP 503, SOCKS5 reply {@code 03}), open connections that went through the old instance break, and then the
 * other instance serves. The audit log records each switch, and every entry names the instance.
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
     * @param reason      why it was denied, or which instance took over ({@link Connector#failover})
     * @param instance    the instance of the location's connector that wrote the entry: {@value #MASTER} or
     *                    {@value #SHADOW}
     */
    public record AuditEntry(Instant time, String locationId, String virtualHost, int virtualPort, String path,
            String reason, String instance) {
    }

    /** The instance that serves a location at first. */
    public static final String MASTER = "master";
    /** The standby instance that takes over when the master fails. */
    public static final String SHADOW = "shadow";

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
        private final CloudConnector owner;
        private final ConcurrentHashMap<String, Mapping> mappings = new ConcurrentHashMap<>();
        private volatile boolean connected = true;
        /** The instance (master or shadow) that serves now, or after the running outage. */
        private volatile String instance = MASTER;
        /** Until when ({@link System#nanoTime()}) a failover keeps the location without a connected instance. */
        private volatile long outageEndsNanos = System.nanoTime();
        /** Counts the switches: a connection opened before the latest one went through an instance that is gone. */
        private final AtomicLong generation = new AtomicLong();
        /** Open client connections (HTTP keep-alive, SOCKS5 tunnels) that went through this location's instance. */
        private final java.util.Set<Closeable> carried = ConcurrentHashMap.newKeySet();
        private final ConcurrentHashMap<String, AtomicLong> served = new ConcurrentHashMap<>();

        private Connector(String locationId, CloudConnector owner) {
            this.locationId = locationId;
            this.owner = owner;
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

        /** Whether this connector is connected: not disconnected, and no failover outage running. */
        public boolean isConnected() {
            return connected && System.nanoTime() - outageEndsNanos >= 0;
        }

        /**
         * The master fails and the shadow takes over (or back, on the next call), as SAP describes the Cloud
         * Connector's high availability: for {@code outage} no instance is connected for this location (HTTP 503,
         * SOCKS5 reply {@code 03}: "no Cloud Connector"), every open connection that went through the old instance is
         * closed — keep-alive connections of the HTTP proxy and SOCKS5 tunnels alike — and then the other instance
         * serves. The switch is written to the audit log. Returns at once; the outage runs on its own.
         */
        public Connector failover(Duration outage) {
            if (outage.isNegative()) {
                throw new IllegalArgumentException("outage must not be negative: " + outage);
            }
            String from = instance;
            String to = from.equals(MASTER) ? SHADOW : MASTER;
            outageEndsNanos = System.nanoTime() + outage.toNanos();
            instance = to;
            generation.incrementAndGet();
            for (Closeable connection : carried) {
                carried.remove(connection);
                try {
                    connection.close();
                } catch (java.io.IOException ignored) {
                    // gone already
                }
            }
            owner.audit(new AuditEntry(Instant.now(), locationId, "", 0, "", "failover: " + from + " lost, " + to
                    + " serves after " + outage.toMillis() + " ms", to));
            return this;
        }

        /** Ends a running failover outage at once (the new instance serves). */
        public Connector endOutage() {
            outageEndsNanos = System.nanoTime();
            return this;
        }

        /** The instance that serves (or will serve once a running outage ends): {@value #MASTER} or {@value #SHADOW}. */
        public String instance() {
            return instance;
        }

        /** How many requests and tunnels {@code instance} carried. */
        public long servedBy(String instance) {
            AtomicLong count = served.get(instance);
            return count == null ? 0 : count.get();
        }

        /** The switch count: read it before the connection check, pass it to {@link #carry}. */
        long generation() {
            return generation.get();
        }

        /**
         * Registers an open client connection as carried by the serving instance, to be closed by the next
         * {@link #failover}, and counts a request or tunnel served. Returns {@code false}, having closed nothing,
         * when a switch happened since {@code generationSeen}: the caller must not use the instance it checked.
         */
        boolean carry(Closeable connection, long generationSeen) {
            carried.add(connection);
            if (generation.get() != generationSeen) {
                carried.remove(connection);
                return false;
            }
            served.computeIfAbsent(instance, name -> new AtomicLong()).incrementAndGet();
            return true;
        }

        /** Forgets a client connection that ended. */
        void release(Closeable connection) {
            carried.remove(connection);
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
            return "Connector[locationId='" + locationId + "', connected=" + connected + ", instance=" + instance
                    + ", mappings="
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
        return connectors.computeIfAbsent(normalize(locationIdOrEmpty), id -> new Connector(id, this));
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
        String instance = find(locationId).map(Connector::instance).orElse(MASTER);
        audit(new AuditEntry(Instant.now(), locationId, virtualHost, virtualPort, path, reason, instance));
    }

    /**
     * Every connector of this subaccount fails over at once ({@link Connector#failover}): the switch a test or the
     * standalone sandbox triggers for "the Cloud Connector".
     */
    public void failover(Duration outage) {
        connectors.values().forEach(connector -> connector.failover(outage));
    }

    /** Ends every running failover outage (the sandbox's reset). */
    public void endOutages() {
        connectors.values().forEach(Connector::endOutage);
    }

    private void audit(AuditEntry entry) {
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
