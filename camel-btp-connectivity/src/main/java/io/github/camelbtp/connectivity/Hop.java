package io.github.camelbtp.connectivity;

import java.util.Locale;

/**
 * The hops a request to a destination passes, in order, as a diagnosis walks them ({@link DiagnosisReport}). Their
 * {@link #toString() names} are stable: routes, health checks and scripts compare them.
 */
public enum Hop {
    /** The service bindings (VCAP_SERVICES, SERVICE_BINDING_ROOT, a binding file). */
    BINDING,
    /** The Destination Service binding's own OAuth token. */
    SERVICE_TOKEN,
    /** The destination lookup (Destination Service, {@code destinations} variable, static configuration). */
    DESTINATION,
    /** The destination's authentication: its properties, its tokens, and whether the backend accepts them. */
    AUTHENTICATION,
    /** The Connectivity Service binding's token, which the Connectivity proxy demands. */
    CONNECTIVITY_TOKEN,
    /** The Connectivity proxy (HTTP or SOCKS5 port). */
    PROXY,
    /** The Cloud Connector: connected, location ID, system mapping, allowed paths. */
    CLOUD_CONNECTOR,
    /** The target system itself. */
    BACKEND;

    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The stable name: {@code binding}, {@code service-token}, …, {@code backend}. */
    @Override
    public String toString() {
        return label;
    }
}
