package io.github.camelbtp.kamelets;

import io.github.camelbtp.destination.BtpDestinationComponent;
import io.github.camelbtp.rfc.BtpRfcComponent;
import io.github.camelbtp.sandbox.Sandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Kamelet of this jar used by a route through camel-kamelet, loaded from {@code classpath:kamelets} (the Kamelet
 * component's default location, where the Apache Kamelet catalog's jar puts its Kamelets too) by the YAML DSL, against
 * the sandbox over real sockets.
 */
class BtpKameletsTest {

    private static final String ORDERS_PATH = "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";
    private static final String NEW_ORDER = "{\"SalesOrderType\":\"OR\",\"SoldToParty\":\"17100001\","
            + "\"TotalNetAmount\":\"42.50\",\"TransactionCurrency\":\"EUR\"}";

    private static Sandbox sandbox;
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void startCamel() throws Exception {
        camel = new DefaultCamelContext();
        camel.getComponent("btp-destination", BtpDestinationComponent.class).getEngineOptions()
                .setVcapServices(sandbox.vcapServices());
        camel.getComponent("btp-rfc", BtpRfcComponent.class).getEngineOptions().setVcapServices(sandbox.vcapServices());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create-order")
                        .to("kamelet:btp-destination-sink?destination=OnPremiseERP&path=" + ORDERS_PATH);
                from("direct:read-orders")
                        .to("kamelet:btp-destination-action?destination=OnPremiseERP&path=" + ORDERS_PATH)
                        .setHeader("orders-answered", simple("${header.CamelHttpResponseCode}"))
                        .transform(body().convertToString());
                from("direct:read-without-path")
                        .to("kamelet:btp-destination-action?destination=OnPremiseERP")
                        .transform(body().convertToString());
                from("direct:erp-orders")
                        .to("kamelet:btp-rfc-action?function=BAPI_SALESORDER_GETLIST&destination=ERP_RFC")
                        .transform(body().convertToString());
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void destinationSinkCreatesTheOrderOnceThroughTheConnectivityProxy() {
        sandbox.backendRequests().clear();

        Exchange exchange = template.request("direct:create-order", e -> {
            e.getMessage().setBody(NEW_ORDER);
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(201);
        // the Kamelet's default method, POST; the ERP processed it once: the component's CSRF protocol may send a POST
        // without a token first, which SAP answers 403 "x-csrf-token: Required" without processing it
        assertThat(sandbox.backendRequests().matching(r -> r.method().equals("POST") && r.path().endsWith(ORDERS_PATH)
                && r.hasHeader("X-CSRF-Token"))).hasSize(1);
        assertThat(exchange.getMessage().getBody(String.class)).contains("17100001").contains("42.5");
        assertThat(sandbox.counters().proxiedCalls()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void destinationActionContinuesWithTheAnswerOfTheDestination() {
        Exchange exchange = template.request("direct:read-orders", e -> e.getMessage()
                .setHeader(Exchange.HTTP_QUERY, "$filter=SoldToParty eq '17100001'&$top=5&$format=json"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader("orders-answered", String.class)).isEqualTo("200");
        assertThat(exchange.getMessage().getBody(String.class)).contains("\"SalesOrder\"").contains("17100001");
        assertThat(sandbox.backendRequests().matching(r -> r.method().equals("GET") && r.rawQuery() != null
                && r.rawQuery().contains("17100001"))).isNotEmpty();
    }

    @Test
    void destinationActionWithoutAPathCallsTheDestinationsUrlPlusTheMessagesPath() {
        // the Kamelet's empty default path leaves the endpoint at the destination's URL; camel-http's CamelHttpPath
        // header still appends to it
        Exchange exchange = template.request("direct:read-without-path", e -> {
            e.getMessage().setHeader(Exchange.HTTP_PATH, ORDERS_PATH.substring(1));
            e.getMessage().setHeader(Exchange.HTTP_QUERY, "$top=1&$format=json");
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).contains("\"SalesOrder\"");
    }

    @Test
    void rfcActionContinuesWithTheFunctionsTablesAsJson() {
        Exchange exchange = template.request("direct:erp-orders", e -> e.getMessage()
                .setBody(Map.of("CUSTOMER_NUMBER", "1000", "SALES_ORGANIZATION", "1000")));

        assertThat(exchange.getException()).isNull();
        // the Kamelet's default outputFormat=json: the answer as JSON text, tables as arrays of rows
        assertThat(exchange.getMessage().getBody(String.class)).startsWith("{").contains("\"SALES_ORDERS\":[{");
    }
}
