package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Cloud Connector failover (master to shadow, facts §8) met by MAIL through the Connectivity Service's SOCKS5
 * proxy: during the sandbox's outage the proxy answers the CONNECT with reply 03 ("no Cloud Connector connected");
 * nothing of the mail has been sent yet, so the SOCKS5 socket connects again until the shadow serves, and the mail
 * is delivered once.
 */
class SocksFailoverTest extends BtpDestinationTestSupport {

    @BeforeEach
    void emptyMailboxes() {
        sandbox().mailServer().purge();
    }

    @AfterEach
    void endOutage() {
        sandbox().connectivity().reset();
    }

    @Test
    void smtpSendDuringCloudConnectorFailoverSucceeds() {
        // warm: destination and connectivity token cached
        assertThat(send("warm-up").getException()).isNull();
        assertThat(sandbox().mailServer().waitForMessages(1, 5_000)).isTrue();
        sandbox().mailServer().purge();
        int tunnels = sandbox().socks5Proxy().tunnels();

        sandbox().connectivity().failover(Duration.ofSeconds(2));
        Exchange exchange = send("sent during the failover");

        assertThat(exchange.getException()).as("no failure during a 2 s failover").isNull();
        assertThat(sandbox().mailServer().waitForMessages(1, 5_000)).isTrue();
        assertThat(sandbox().mailServer().receivedMessages()).as("delivered once").hasSize(1);
        assertThat(sandbox().socks5Proxy().tunnels() - tunnels).as("one tunnel: the one the shadow opened").isEqualTo(1);
    }

    @Test
    void smtpSendDuringAFailoverLongerThanTheWindowFailsTypedWithReply03() {
        sandbox().connectivity().failover(Duration.ofSeconds(20));

        long start = System.nanoTime();
        Exchange exchange = send("sent during a long outage");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exchange.getException()).isInstanceOfSatisfying(CloudConnectorException.class, e -> {
            assertThat(e.status()).isEqualTo(3);
            assertThat(e.getMessage()).contains("CorporateMail").contains("tried again").contains("failoverRetryWindow");
        });
        assertThat(took).as("bounded by the 5 s window, not the 20 s outage").isLessThan(Duration.ofSeconds(12));
        assertThat(sandbox().mailServer().receivedMessages()).isEmpty();
    }

    private Exchange send(String text) {
        return call("btp-destination:CorporateMail", text, Map.of("To", DemoDestinations.INBOX_USER, "Subject", text));
    }
}
