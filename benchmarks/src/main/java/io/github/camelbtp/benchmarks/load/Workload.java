package io.github.camelbtp.benchmarks.load;

import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.onpremise.sales.SalesOrders;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * One kind of request the harness sends, and how it knows the answer is right: every request asks for something of
 * its own (a sales order number, an echo text) and its answer must carry exactly that, so an answer crossing over to
 * another caller counts as an error, not as a success.
 */
interface Workload {

    /** Sends request {@code n}; throws when it failed or its answer is not the answer to it. */
    void call(long n) throws Exception;

    static Workload of(LoadOptions options, ProducerTemplate template) {
        return switch (options.type()) {
            case "http" -> new OrderRead(template, "btp-destination:" + options.destination()
                    + DemoDestinations.SALES_SERVICE_PATH);
            case "mail" -> new MailSend(template, "btp-destination:" + options.destination());
            case "rfc" -> new RfcEcho(template, "btp-rfc:STFC_CONNECTION?destination=" + options.destination());
            default -> throw new IllegalArgumentException(options.type());
        };
    }

    /** GET one of the seeded sales orders through btp-destination; the answer must be that order. */
    record OrderRead(ProducerTemplate template, String uri) implements Workload {
        @Override
        public void call(long n) throws Exception {
            long order = n % SalesOrders.SEED_COUNT + 1;
            Exchange exchange = template.request(uri,
                    e -> e.getIn().setHeader(Exchange.HTTP_PATH, "A_SalesOrder('" + order + "')"));
            answered(exchange);
            Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            String body = exchange.getMessage().getBody(String.class);
            if (status == null || status != 200 || body == null || !body.contains("\"SalesOrder\":\"" + order + "\"")) {
                throw new IllegalStateException("order " + order + ": status " + status + ", not its order in the answer");
            }
        }
    }

    /** One mail through btp-destination (SMTP through the SOCKS5 proxy); the harness counts what the server got. */
    record MailSend(ProducerTemplate template, String uri) implements Workload {
        @Override
        public void call(long n) throws Exception {
            answered(template.request(uri, e -> {
                e.getIn().setBody("load test mail " + n);
                e.getIn().setHeader("To", DemoDestinations.INBOX_USER);
                e.getIn().setHeader("Subject", "load " + n);
            }));
        }
    }

    /** STFC_CONNECTION through btp-rfc; ECHOTEXT must be this call's REQUTEXT. */
    record RfcEcho(ProducerTemplate template, String uri) implements Workload {
        @Override
        public void call(long n) throws Exception {
            String text = "load " + n;
            Exchange exchange = template.request(uri, e -> e.getIn().setBody(Map.of("REQUTEXT", text)));
            answered(exchange);
            Object echo = exchange.getMessage().getBody(Map.class).get("ECHOTEXT");
            if (!text.equals(echo)) {
                throw new IllegalStateException("STFC_CONNECTION answered another call's text");
            }
        }
    }

    private static void answered(Exchange exchange) throws Exception {
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
    }
}
