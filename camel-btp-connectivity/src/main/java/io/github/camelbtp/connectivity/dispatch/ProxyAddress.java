package io.github.camelbtp.connectivity.dispatch;

/** An HTTP proxy to send requests through (plain HTTP to the proxy). */
public record ProxyAddress(String host, int port) {

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
