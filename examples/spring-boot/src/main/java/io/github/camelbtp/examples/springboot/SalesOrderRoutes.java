package io.github.camelbtp.examples.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code orders.period} the newest sales orders are read from the destination {@code orders.destination}
 * (OnPremiseERP: an S/4HANA system behind the Cloud Connector) and logged, one line each. The destination's URL,
 * proxy type and credentials live in BTP, not here.
 */
@Component
public class SalesOrderRoutes extends RouteBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void configure() {
        from("timer:orders?period={{orders.period}}").routeId("poll-orders")
                .autoStartup("{{orders.poll}}")
                .to("direct:read-orders");

        from("direct:read-orders").routeId("read-orders")
                .to("btp-destination:{{orders.destination}}/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder"
                        + "?$top={{orders.count}}&$select=SalesOrder,SoldToParty,TotalNetAmount,TransactionCurrency"
                        + "&$format=json")
                .process(exchange -> exchange.getMessage().setBody(summary(exchange.getMessage().getBody(String.class))))
                .log("Sales orders from {{orders.destination}}: ${body}");
    }

    /** "4711 for 1000: 120.50 EUR, …" from an OData v2 JSON answer. */
    static List<String> summary(String odata) throws IOException {
        List<String> orders = new ArrayList<>();
        for (JsonNode order : JSON.readTree(odata).path("d").path("results")) {
            orders.add(order.path("SalesOrder").asText() + " for " + order.path("SoldToParty").asText() + ": "
                    + order.path("TotalNetAmount").asText() + " " + order.path("TransactionCurrency").asText());
        }
        return orders;
    }
}
