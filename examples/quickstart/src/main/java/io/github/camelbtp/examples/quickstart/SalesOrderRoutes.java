package io.github.camelbtp.examples.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The hybrid flow: read sales orders from the on-premise ERP, then create one, then list a customer's orders with a
 * BAPI over RFC, all by destination name. Nothing here
 * knows about tokens, proxies, Cloud Connector location IDs or CSRF tokens.
 */
public class SalesOrderRoutes extends RouteBuilder {

    public static final String ENTRY = "direct:hybrid-quickstart";
    static final String SALES_ORDERS = "btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";
    /** A MAIL destination: SMTP to the on-premise mail server through the Cloud Connector's SOCKS5 proxy. */
    static final String CORPORATE_MAIL = "btp-destination:CorporateMail";
    /** Who gets the summary (a mailbox of the sandbox's mail server). */
    public static final String SUMMARY_RECIPIENT = "orders@corp.example";
    static final String RFC_ORDERS = "btp-rfc:BAPI_SALESORDER_GETLIST?destination=ERP_RFC&checkReturn=true";
    static final String RFC_CUSTOMER = "1000";

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
                // then a BAPI in the same ERP, through the RFC destination and the same Cloud Connector
                .setProperty("summary", body())
                .setBody(constant(Map.of("CUSTOMER_NUMBER", RFC_CUSTOMER)))
                .to(RFC_ORDERS)
                .process(this::addRfcOrders)
                // last, mail the summary; the headers of the calls above must not become mail headers
                .setProperty("summary", body())
                .removeHeaders("*")
                .setHeader("To", constant(SUMMARY_RECIPIENT))
                .setHeader("Subject", constant("camel-btp quickstart: sales summary"))
                .setBody(exchange -> exchange.getProperty("summary", Summary.class).render())
                .to(CORPORATE_MAIL)
                .setBody(exchangeProperty("summary"));
    }

    @SuppressWarnings("unchecked")
    private void addRfcOrders(Exchange exchange) {
        Map<String, Object> out = exchange.getMessage().getBody(Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) out.get("SALES_ORDERS");
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (Map<String, Object> item : items) {
            totals.merge((String) item.get("CURRENCY"), (BigDecimal) item.get("NET_VALUE"), BigDecimal::add);
        }
        Summary summary = exchange.getProperty("summary", Summary.class);
        exchange.getMessage().setBody(summary.withRfc(String.format("BAPI_SALESORDER_GETLIST via ERP_RFC: %d items of"
                + " customer %s, %s (SOAP-RFC)", items.size(), RFC_CUSTOMER, totals.entrySet().stream()
                .map(e -> e.getValue().toPlainString() + " " + e.getKey()).collect(Collectors.joining(", ")))));
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
