/**
 * Wire: key and trust material (PEM, key stores, host name verifiers), the store files a destination carries
 * ({@code DestinationCertificate}, {@code StoreFile}) and the per-engine {@code TlsCache}. Sits above socks. What TLS a
 * destination asks for is read in the Authenticate step ({@code auth.DestinationTls}).
 */
package io.github.camelbtp.connectivity.tls;
