package io.github.camelbtp.connectivity.socks;

import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.SocketFactory;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Targets a SOCKS5 CONNECT cannot carry (issue 8, item 11): refused with a typed error before the proxy is asked, never
 * encoded wrongly ({@code 300.1.1.1} went out as {@code 44.1.1.1}).
 */
@ExtendWith(SandboxExtension.class)
class SocksTargetAddressSandboxTest {

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"300.1.1.1", "10.0.0.256", "1.2.3", "münchen.corp"})
    void invalidTargetIsRefusedBeforeTheProxyIsAsked(String host, Sandbox sandbox) throws Exception {
        SocketFactory factory = engines.bound(sandbox).resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE)
                .socketFactory();
        int tunnels = sandbox.socks5Proxy().tunnels();
        int refusals = sandbox.socks5Proxy().refusals();

        CloudConnectorSocketException e;
        try (Socket socket = factory.createSocket()) {
            e = catchThrowableOfType(CloudConnectorSocketException.class,
                    () -> socket.connect(InetSocketAddress.createUnresolved(host, 4000), 5_000));
        }

        assertThat(e).as(host).isNotNull();
        assertThat(e.cloudConnectorException().destinationName()).isEqualTo(DemoDestinations.LEGACY_TCP);
        assertThat(e.getMessage()).contains(host).contains("Address");
        assertThat(sandbox.socks5Proxy().tunnels()).isEqualTo(tunnels);
        assertThat(sandbox.socks5Proxy().refusals()).isEqualTo(refusals);
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 300})
    void hostNameLongerThanSocksCanCarryIsRefused(int length, Sandbox sandbox) throws Exception {
        SocketFactory factory = engines.bound(sandbox).resolveSocket(DemoDestinations.LEGACY_TCP, DestinationOptions.NONE)
                .socketFactory();
        String host = "h".repeat(length - 4) + ".com";

        CloudConnectorSocketException e;
        try (Socket socket = factory.createSocket()) {
            e = catchThrowableOfType(CloudConnectorSocketException.class,
                    () -> socket.connect(InetSocketAddress.createUnresolved(host, 4000), 5_000));
        }

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("at most 255");
    }
}
