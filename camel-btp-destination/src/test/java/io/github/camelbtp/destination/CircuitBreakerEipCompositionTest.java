package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.DestinationCircuitOpenException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's per-destination breaker inside Camel's own {@code circuitBreaker()} EIP (camel-resilience4j): the
 * route-level breaker gives the route its fallback; the engine's breaker, per destination and tenant, makes the
 * failing call fail fast without sending, and the route's fallback sees a {@link DestinationCircuitOpenException}
 * naming the destination.
 */
class CircuitBreakerEipCompositionTest extends BtpDestinationTestSupport {

    private TargetServer target;

    @Override
    protected void configure(BtpDestinationComponent component) {
        try {
            target = new TargetServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        component.getEngineOptions().setVcapServices(sandbox().vcapServices());
        component.getEngineOptions().setCircuitBreaker(true);
        component.getEngineOptions().setCircuitBreakerWindow(2);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders")
                    .circuitBreaker()
                        // the route's breaker judges more calls than the destination's: the engine's opens first
                        .resilience4jConfiguration().minimumNumberOfCalls(100).slidingWindowSize(100).end()
                        .to("btp-destination:Orders/orders")
                    .onFallback()
                        .setBody(exchange -> {
                            Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                            return cause instanceof DestinationCircuitOpenException open
                                    ? "fallback: breaker of " + open.destinationName() + " open"
                                    : "fallback: " + (cause == null ? "?" : cause.getClass().getSimpleName());
                        })
                    .end();
            }
        };
    }

    @BeforeEach
    void destination() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Name", "Orders");
        d.put("Type", "HTTP");
        d.put("URL", target.url());
        d.put("ProxyType", "Internet");
        d.put("Authentication", "NoAuthentication");
        sandbox().destinations().putSubaccount(d);
    }

    @AfterEach
    void cleanUp() {
        sandbox().destinations().delete("Orders");
        target.close();
    }

    @Test
    void routeFallbackSeesTheDestinationsOpenBreakerAndNothingIsSent() {
        target.answer(503);
        assertThat(template.requestBody("direct:orders", "", String.class)).startsWith("fallback: HttpOperationFailed");
        assertThat(template.requestBody("direct:orders", "", String.class)).startsWith("fallback: HttpOperationFailed");

        String third = template.requestBody("direct:orders", "", String.class);

        assertThat(third).isEqualTo("fallback: breaker of Orders open");
        assertThat(target.requests()).isEqualTo(2);
    }
}
