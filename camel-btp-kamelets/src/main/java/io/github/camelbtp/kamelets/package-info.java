/**
 * camel-btp's Kamelets. This jar holds no code: {@code kamelets/btp-destination-sink.kamelet.yaml},
 * {@code kamelets/btp-destination-action.kamelet.yaml} and {@code kamelets/btp-rfc-action.kamelet.yaml}, found by
 * camel-kamelet at its default location {@code classpath:kamelets}, as the Apache Kamelet catalog's jar ships its
 * Kamelets. This package exists so the release's javadoc jar, which Maven Central requires, has content; the Kamelets
 * are documented in docs/kamelets.md.
 */
package io.github.camelbtp.kamelets;
