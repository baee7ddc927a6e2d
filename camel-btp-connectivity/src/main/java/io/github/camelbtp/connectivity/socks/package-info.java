/**
 * Wire, bottom layer: SAP's SOCKS5 (authentication method 0x80) socket factory to the Connectivity proxy, its reply
 * codes, and TLS layered on the tunnel ({@code SocketTls}). Uses no other engine package, only the root's exceptions.
 * The engine's packages, bottom first: socks, tls, http, binding, destination, cache, auth, dispatch; a package
 * imports only packages before it (checked by PackageDependenciesTest), the root package (the facade) uses them all.
 */
package io.github.camelbtp.connectivity.socks;
