package io.github.camelbtp.sandbox.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelbtp.sandbox.Sandbox;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP proxy's connection counts the load harness compares with a client's pool size. */
class ProxyConnectionCountsTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void mostOpenConnectionsKeepsTheHighWaterMarkAfterClientsLeave() throws Exception {
        ConnectivityService connectivity = sandbox.connectivity();
        long acceptedBefore = connectivity.acceptedConnections();
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(new Socket(sandbox.proxyHost(), sandbox.proxyHttpPort()));
        }
        awaitOpen(connectivity, 3);
        int mostWhileOpen = connectivity.mostOpenConnections();
        for (Socket client : clients) {
            client.close();
        }
        awaitOpen(connectivity, 0);

        assertThat(mostWhileOpen).isGreaterThanOrEqualTo(3);
        assertThat(connectivity.mostOpenConnections()).isEqualTo(mostWhileOpen);
        assertThat(connectivity.acceptedConnections() - acceptedBefore).isEqualTo(3);
    }

    /** The acceptor registers a socket a moment after the client's connect returns; closing is seen by its worker. */
    private static void awaitOpen(ConnectivityService connectivity, int expected) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (connectivity.openConnections() != expected && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(connectivity.openConnections()).isEqualTo(expected);
    }
}
