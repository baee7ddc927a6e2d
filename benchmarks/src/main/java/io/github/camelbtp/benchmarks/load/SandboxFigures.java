package io.github.camelbtp.benchmarks.load;

import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.demo.DemoDestinations;

/**
 * What the sandbox saw, measured on its side of the wire: token grants per service, Destination Service lookups,
 * client connections the Connectivity proxy (HTTP) accepted, SOCKS5 tunnels, and mails received. Two captures
 * subtracted give one run's figures.
 */
public record SandboxFigures(long connectivityTokens, long destinationTokens, long destinationLookups,
        long proxyConnections, long socksTunnels, long proxiedCalls, long mails) {

    public static SandboxFigures capture(Sandbox sandbox) {
        return new SandboxFigures(sandbox.counters().tokenGrants(DemoDestinations.CONNECTIVITY_CLIENT_ID),
                sandbox.counters().tokenGrants(DemoDestinations.DESTINATION_CLIENT_ID),
                sandbox.counters().destinationLookups(), sandbox.connectivityProxyConnections(),
                sandbox.socks5Proxy().tunnels(), sandbox.counters().proxiedCalls(),
                sandbox.mailServer().receivedMessages().size());
    }

    /** The figures of what happened between {@code before} and this capture. */
    public SandboxFigures since(SandboxFigures before) {
        return new SandboxFigures(connectivityTokens - before.connectivityTokens,
                destinationTokens - before.destinationTokens, destinationLookups - before.destinationLookups,
                proxyConnections - before.proxyConnections, socksTunnels - before.socksTunnels,
                proxiedCalls - before.proxiedCalls, mails - before.mails);
    }

    /** Token grants of both services: each one is a rotation, the engine renewing a token that was about to expire. */
    public long tokenRotations() {
        return connectivityTokens + destinationTokens;
    }
}
