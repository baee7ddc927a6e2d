/**
 * Wire: key and trust material (PEM, key stores, host name verifiers) and the per-engine {@code TlsCache}. Sits above
 * socks. Known exception to the direction: {@code TlsMaterial} reads a destination's TLS properties and
 * {@code certificates[]} (destination), to be moved into the Authenticate step.
 */
package io.github.camelbtp.connectivity.tls;
