/**
 * Wire for HTTP: the client the engine calls BTP services with ({@code ServiceClient}, {@code Json}), the pooled client
 * application traffic travels on ({@code DestinationHttpClient}: the one place request headers are added, by a request
 * interceptor), retry policy, and the vocabulary of a hop ({@code HttpHeader}, {@code ProxyAddress},
 * {@code ProxyAnswers}). Uses tls, socks and the root's vocabulary (a {@code ResolvedDestination} says how to send).
 */
package io.github.camelbtp.connectivity.http;
