package io.github.camelbtp.connectivity.http;

/**
 * How a request refused by the Connectivity proxy with {@code 407} gets a fresh connectivity token: forget the token
 * the request carried (the cached one of the request's tenant) and fetch a new one. The proxy answers 407 before it
 * forwards anything [consuming-the-connectivity-service-313b215], so the request can be sent again once with the new
 * token, whatever its method ({@link DestinationHttpClient#executeOpen}).
 */
@FunctionalInterface
public interface ProxyTokenRenewal {

    /** Forgets the refused token and returns the {@code Proxy-Authorization} header with a freshly fetched one. */
    HttpHeader renew();
}
