/**
 * Step 3, Authenticate: {@code Authenticator} turns a destination's {@code Authentication} into headers or challenge
 * credentials, {@code DestinationTls} reads the TLS a destination asks for; the OAuth token service with its cache ({@code TokenService}, {@code TenantTokens}), and the Connectivity
 * proxy's authentication ({@code ConnectivityProxy}), which the token service creates and the dispatches use. Uses
 * destination, cache, binding, http, tls.
 */
package io.github.camelbtp.connectivity.auth;
