package io.github.camelbtp.connectivity.http;

/** An HTTP proxy to send requests through (plain HTTP to the proxy). */
public record ProxyAddress(String host, int port) {

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
