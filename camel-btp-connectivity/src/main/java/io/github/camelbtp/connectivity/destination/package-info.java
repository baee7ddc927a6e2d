/**
 * Step 1, Find: the destination model ({@code Destination}, its property names in {@code DestinationProperty}, the
 * enums {@code DestinationType}, {@code ProxyType}, {@code AuthenticationType}) and the loaders (static configuration,
 * the {@code destinations} environment variable, the Destination Service). Uses binding, http, tls. The Destination
 * Service's binding token comes through {@code BindingToken}, which the Authenticate step implements.
 */
package io.github.camelbtp.connectivity.destination;
