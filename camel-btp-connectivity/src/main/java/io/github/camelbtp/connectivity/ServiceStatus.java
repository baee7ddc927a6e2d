package io.github.camelbtp.connectivity;

/**
 * Whether one BTP service the engine depends on answers as it should, for health checks: its token can be obtained,
 * and a proxy accepts connections. {@code detail} names the cause and never holds a secret.
 *
 * @param service the service ("Destination Service", "Connectivity proxy")
 * @param up      whether it works
 * @param detail  what was checked, or what failed and the fix
 */
public record ServiceStatus(String service, boolean up, String detail) {
}
