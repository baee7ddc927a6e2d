/**
 * Step 2, Cache: {@code CachingDestinationLoader} in front of the loaders (token-bound lifetimes, single-flight,
 * stale-if-error, negative cache). Uses destination only.
 */
package io.github.camelbtp.connectivity.cache;
