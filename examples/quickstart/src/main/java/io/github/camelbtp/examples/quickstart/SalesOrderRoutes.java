package io.github.camelbtp.examples.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hybrid flow: read sales orders from the on-premise ERP, then create one, all by destination name. Nothing here
 * knows about tokens, proxies, Cloud Connector location IDs or CSRF tokens.
 */
public class SalesOrderRoutes extends RouteBuilder {

    public static final String ENTRY = "direct:hybrid-quickstart";
    static final String SALES_ORDERS = "btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";
    /** A MAIL destination: SMTP to the on-premise mail server through the Cloud Connector's SOCKS5 proxy. */
    static final String CORPORATE_MAIL = "btp-destination:CorporateMail";
    /** Who gets the summary (a mailbox of the sandbox's mail server). */
    public static final String SUMMARY_RECIPIENT = "orders@corp.example";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void configure() {
        from(ENTRY).routeId("hybrid-quickstart")
                .setHeader("Accept", constant("application/json"))
                .to(SALES_ORDERS + "?$top=10&$format=json")
                .process(this::summariseOrders)
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(constant("{\"SalesOrderType\":\"OR\",\"SalesOrganization\":\"1710\",\"DistributionChannel\":\"10\","
                        + "\"OrganizationDivision\":\"00\",\"SoldToParty\":\"17100001\",\"PurchaseOrderByCustomer\":\"camel-btp quickstart\","
                        + "\"TotalNetAmount\":\"1250.00\",\"TransactionCurrency\":\"EUR\"}"))
                .to(SALES_ORDERS)
                .process(this::addCreatedOrder)
                // mail the summary; the HTTP headers of the calls above must not become mail headers
                .setProperty("summary", body())
                .removeHeaders("*")
                .setHeader("To", constant(SUMMARY_RECIPIENT))
                .setHeader("Subject", constant("camel-btp quickstart: sales summary"))
                .setBody(exchange -> exchange.getProperty("summary", Summary.class).render())
                .to(CORPORATE_MAIL)
                .setBody(exchangeProperty("summary"));
    }

    private void summariseOrders(Exchange exchange) throws Exception {
        JsonNode results = JSON.readTree(exchange.getMessage().getBody(String.class)).path("d").path("results");
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (JsonNode order : results) {
            totals.merge(order.path("TransactionCurrency").asText("?"), new BigDecimal(order.path("TotalNetAmount").asText("0")),
                    BigDecimal::add);
        }
        exchange.setProperty("summary", new Summary(results.size(), totals, null));
    }

    private void addCreatedOrder(Exchange exchange) throws Exception {
        JsonNode created = JSON.readTree(exchange.getMessage().getBody(String.class)).path("d");
        Summary read = exchange.getProperty("summary", Summary.class);
        exchange.getMessage().setBody(new Summary(read.ordersRead(), read.totalsByCurrency(), created.path("SalesOrder").asText()));
    }
}
