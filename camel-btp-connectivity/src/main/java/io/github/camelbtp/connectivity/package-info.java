/**
 * The engine's API and facade: {@code BtpConnectivity} (builder, resolve, close), the {@code Pipeline} that runs Find →
 * Cache → Authenticate → Dispatch, and the vocabulary every package may use — the exceptions, {@code DestinationOptions}
 * and the results {@code Resolved}, {@code ResolvedDestination}, {@code SocketDestination}. The facade may use every
 * package; the packages use only the vocabulary (checked by PackageDependenciesTest).
 */
package io.github.camelbtp.connectivity;
