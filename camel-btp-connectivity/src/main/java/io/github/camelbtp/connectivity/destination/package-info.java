/**
 * Step 1, Find: the destination model ({@code Destination}, its property names in {@code DestinationProperty}, the
 * enums {@code DestinationType}, {@code ProxyType}, {@code AuthenticationType}) and the loaders (static configuration,
 * the {@code destinations} environment variable, the Destination Service). Uses binding, http, tls. Known exception to
 * the direction: {@code DestinationServiceLoader} fetches its binding token with auth's token service.
 */
package io.github.camelbtp.connectivity.destination;
