/**
 * Service bindings ({@code VCAP_SERVICES}, {@code $SERVICE_BINDING_ROOT}) of the destination, connectivity and XSUAA
 * services, read once. Uses http (JSON) and tls (X.509 bindings).
 */
package io.github.camelbtp.connectivity.binding;
