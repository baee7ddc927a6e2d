/**
 * The optional per-destination circuit breaker ({@code DestinationCircuitBreakers}, {@code CircuitBreakerSettings}):
 * one breaker per tenant and destination name, counting only failures of the hop (SAP's Java SDK has one breaker for
 * every destination of a tenant and counts "not found": cloud-sdk-java #1071, #1075). Uses http (to tell
 * an answer over the size cap from a failure) and the root's vocabulary (its exceptions); the components call it
 * around the call a resolved destination makes.
 */
package io.github.camelbtp.connectivity.breaker;
