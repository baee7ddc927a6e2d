package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** TCP destinations: request/reply over real sockets, directly and through SOCKS5 and the Cloud Connector. */
class TcpDestinationTest extends BtpDestinationTestSupport {

    private Map<String, String> legacy(String name, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Name", name);
        properties.put("Type", "TCP");
        properties.put("ProxyType", "OnPremise");
        properties.put("Address", DemoDestinations.LEGACY_TCP_VIRTUAL_HOST + ":" + DemoDestinations.LEGACY_TCP_VIRTUAL_PORT);
        properties.putAll(extra);
        sandbox().destinations().putSubaccount(properties);
        return properties;
    }

    @Test
    void onPremiseLineRoundTripGoesThroughTheCloudConnector() {
        Exchange exchange = call("btp-destination:LegacyTcp", "STATUS 4711", Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo("STATUS 4711");
        assertThat(exchange.getMessage().getHeader(BtpDestinationConstants.RESOLVED_DESTINATION)).isEqualTo("LegacyTcp");
        assertThat(sandbox().socks5Proxy().tunnels()).isEqualTo(1);
    }

    @Test
    void lineFramingKeepsAnExistingNewlineAndStripsCarriageReturn() {
        Exchange exchange = call("btp-destination:LegacyTcp", "HELLO\r\n", Map.of());

        assertThat(exchange.getMessage().getBody()).isEqualTo("HELLO");
    }

    @Test
    void internetAddressWithTcpSchemeConnectsDirectly() {
        sandbox().destinations().putSubaccount(Map.of("Name", "EchoInternet", "Type", "TCP", "ProxyType", "Internet",
                "Address", "tcp://127.0.0.1:" + sandbox().echoService().port()));

        Exchange exchange = call("btp-destination:EchoInternet", "direct", Map.of());

        assertThat(exchange.getMessage().getBody()).isEqualTo("direct");
        assertThat(sandbox().socks5Proxy().tunnels()).isZero();
    }

    @Test
    void delimiterFramingReadsUpToTheDelimiter() {
        Exchange exchange = call("btp-destination:LegacyTcp?tcpFraming=delimiter&tcpDelimiter=%23%23", "A|B|C##", Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo("A|B|C");
    }

    @Test
    void fixedLengthFramingReadsExactlyThatManyBytes() {
        Exchange exchange = call("btp-destination:LegacyTcp?tcpFraming=fixedLength&tcpLength=6",
                "ABCDEF".getBytes(StandardCharsets.US_ASCII), Map.of());

        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo("ABCDEF".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void untilCloseFramingClosesTheSendingSideAndReadsEverything() {
        Exchange exchange = call("btp-destination:LegacyTcp?tcpFraming=untilClose", "line one\nline two\n", Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("line one\nline two\n");
    }

    @Test
    void keepAliveDestinationReusesItsConnection() {
        legacy("LegacyKeepAlive", Map.of("tcp.keepalive", "true", "tcp.nodelay", "true"));

        assertThat(call("btp-destination:LegacyKeepAlive", "one", Map.of()).getMessage().getBody()).isEqualTo("one");
        assertThat(call("btp-destination:LegacyKeepAlive", "two", Map.of()).getMessage().getBody()).isEqualTo("two");

        assertThat(sandbox().echoService().connections()).isEqualTo(1);
        assertThat(sandbox().socks5Proxy().tunnels()).isEqualTo(1);
    }

    @Test
    void withoutKeepAliveEveryExchangeOpensAConnection() {
        call("btp-destination:LegacyTcp", "one", Map.of());
        call("btp-destination:LegacyTcp", "two", Map.of());

        assertThat(sandbox().echoService().connections()).isEqualTo(2);
    }

    @Test
    void pooledConnectionClosedByTheServerIsReplaced() {
        legacy("LegacyDropped", Map.of("tcp.keepalive", "true"));
        assertThat(call("btp-destination:LegacyDropped", "before", Map.of()).getMessage().getBody()).isEqualTo("before");

        sandbox().echoService().dropConnections();
        Exchange after = call("btp-destination:LegacyDropped", "after", Map.of());

        assertThat(after.getException()).isNull();
        assertThat(after.getMessage().getBody()).isEqualTo("after");
        assertThat(sandbox().echoService().connections()).isEqualTo(2);
    }

    @Test
    void replyThatNeverEndsFailsAfterTcpTimeout() {
        legacy("LegacySlow", Map.of("tcp.timeout", "300"));

        Exception e = call("btp-destination:LegacySlow?tcpFraming=delimiter&tcpDelimiter=%23", "no end marker", Map.of())
                .getException();

        assertThat(e).isInstanceOf(BtpConnectivityException.class);
        assertThat(e.getMessage()).contains("LegacySlow").contains("tcp.timeout").contains("300 ms");
    }

    @Test
    void unknownLocationIdIsCloudConnectorException() {
        legacy("LegacyNowhere", Map.of("CloudConnectorLocationId", "Nowhere"));

        Exception e = call("btp-destination:LegacyNowhere", "x", Map.of()).getException();

        assertThat(e).isInstanceOf(CloudConnectorException.class);
        assertThat(((CloudConnectorException) e).status()).isEqualTo(3);
        assertThat(e.getMessage()).contains("LegacyNowhere").contains("Nowhere");
    }

    @Test
    void mistypedOptionIsRejectedNotIgnored() {
        Exception e = call("btp-destination:LegacyTcp?tcpFramin=delimiter", "x", Map.of()).getException();

        assertThat(e).isInstanceOf(BtpConnectivityException.class);
        assertThat(e.getMessage()).contains("LegacyTcp").contains("tcpFramin=delimiter").contains("type TCP");
        assertThat(sandbox().echoService().connections()).isZero();
    }

    @Test
    void delimiterFramingWithoutDelimiterIsExplained() {
        Exception e = call("btp-destination:LegacyTcp?tcpFraming=delimiter", "x", Map.of()).getException();

        assertThat(e).isInstanceOf(BtpConnectivityException.class);
        assertThat(e.getMessage()).contains("LegacyTcp").contains("tcpDelimiter");
    }

    @Test
    void connectivityTokenThatCannotBeObtainedIsTokenException() {
        // the destination (and the Destination Service's token) cached first: only the connectivity token is missing
        component().connectivity().destination("LegacyTcp", io.github.camelbtp.connectivity.DestinationOptions.NONE);
        sandbox().faults().tokenServiceFailure(503);

        Exception e = call("btp-destination:LegacyTcp", "x", Map.of()).getException();

        assertThat(e).isInstanceOf(io.github.camelbtp.connectivity.TokenException.class);
        assertThat(e.getMessage()).contains("LegacyTcp");
        assertThat(sandbox().socks5Proxy().tunnels()).isZero();
    }

    @Test
    void addressWithoutPortIsAConfigurationError() {
        sandbox().destinations().putSubaccount(Map.of("Name", "LegacyNoPort", "Type", "TCP", "Address", "legacy.internal"));

        Exception e = call("btp-destination:LegacyNoPort", "x", Map.of()).getException();

        assertThat(e).isInstanceOf(DestinationConfigurationException.class);
        assertThat(e.getMessage()).contains("LegacyNoPort").contains("'Address'").contains("host:port");
    }
}
