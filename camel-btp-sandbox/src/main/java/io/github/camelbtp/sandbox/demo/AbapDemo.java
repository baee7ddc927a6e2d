package io.github.camelbtp.sandbox.demo;

import static io.github.camelbtp.sandbox.demo.DemoDestinations.ABAP_CLIENT;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.ABAP_MESSAGE_SERVER_HOST;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.ABAP_MESSAGE_SERVER_HTTP_PORT;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.ABAP_SYSNR;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.ABAP_SYSTEM_ID;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.ABAP_VIRTUAL_PORT;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.ERP_VIRTUAL_HOST;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.PLANT01_LOCATION_ID;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.PROPAGATED_RFC_USER;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.RFC_ALIAS_USER;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.RFC_PASSWORD;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.RFC_READER;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.RFC_READER_PASSWORD;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.RFC_USER;

import io.github.camelbtp.sandbox.connectivity.CloudConnector;
import io.github.camelbtp.sandbox.destination.Destinations;
import io.github.camelbtp.sandbox.onpremise.abap.AbapSystem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ABAP part of the demo landscape: users of the ABAP system with their RFC authorizations (S_RFC), the Cloud
 * Connector's HTTP mapping of the virtual ICM ({@code erp.internal:8000}, and the message server
 * {@code erp-ms.internal:8100}) with its resources — the SOAP-RFC and WSDL paths — and the demo destinations
 * {@link DemoDestinations#ERP_RFC}, {@link DemoDestinations#ERP_RFC_LOAD_BALANCED} and
 * {@link DemoDestinations#ERP_SOAP_HTTP}.
 * <p>
 * SOAP-RFC travels over an HTTP mapping, where the Cloud Connector checks only the path; its RFC resources (function
 * allow-lists) apply to RFC-protocol mappings only [configure-access-control-rfc-ca58689]. Allowing
 * {@code /sap/bc/soap/rfc} exposes every remote-enabled function the backend user may call, so which functions a user
 * may call is the ABAP system's S_RFC authorization, as on a real system (facts §8).
 */
final class AbapDemo {

    /** S_RFC of the demo RFC user: {@code RFC_SYSTEM_INFO} exists in the system but is deliberately not authorized. */
    static final Set<String> RFC_USER_AUTHORIZATION = Set.of("RFC_PING", "STFC_CONNECTION", "RFC_READ_TABLE",
            "BAPI_TRANSACTION_COMMIT", "BAPI_TRANSACTION_ROLLBACK", "BAPI_SALESORDER_*", "Z_*", "/CBTP/*");

    private AbapDemo() {
    }

    static AbapSystem users(AbapSystem system) {
        return system.user(RFC_USER, RFC_PASSWORD, RFC_ALIAS_USER, RFC_USER_AUTHORIZATION)
                .user(RFC_READER, RFC_READER_PASSWORD, null, Set.of("RFC_PING", "STFC_CONNECTION", "RFC_READ_TABLE"))
                // a business user who logs on only through principal propagation (certificate): no usable password
                .user(PROPAGATED_RFC_USER, java.util.UUID.randomUUID().toString(), null,
                        Set.of("RFC_PING", "STFC_CONNECTION", "BAPI_SALESORDER_GETLIST"))
                // a technical user that logs on only through technical user propagation (certificate)
                .user(DemoDestinations.TECHNICAL_RFC_USER, java.util.UUID.randomUUID().toString(), null,
                        Set.of("RFC_PING", "STFC_CONNECTION"));
    }

    static void install(CloudConnector cloudConnector, Destinations destinations, int abapPort) {
        for (String location : List.of("", PLANT01_LOCATION_ID)) {
            CloudConnector.Connector connector = cloudConnector.connector(location);
            for (String[] system : List.of(new String[] {ERP_VIRTUAL_HOST, Integer.toString(ABAP_VIRTUAL_PORT)},
                    new String[] {ABAP_MESSAGE_SERVER_HOST, Integer.toString(ABAP_MESSAGE_SERVER_HTTP_PORT)})) {
                String host = system[0];
                int port = Integer.parseInt(system[1]);
                connector.map(host, port, "127.0.0.1", abapPort)
                        .allowPath(host, port, AbapSystem.RFC_PATH, false)
                        .allowPath(host, port, AbapSystem.WSDL_PATH, false);
            }
        }
        Map<String, String> rfc = new LinkedHashMap<>();
        rfc.put("Name", DemoDestinations.ERP_RFC);
        rfc.put("Type", "RFC");
        rfc.put("Description", "Demo ABAP system (function modules via SOAP-RFC) via the Cloud Connector");
        rfc.put("jco.destination.proxy_type", "OnPremise");
        rfc.put("jco.client.ashost", ERP_VIRTUAL_HOST);
        rfc.put("jco.client.sysnr", ABAP_SYSNR);
        rfc.put("jco.client.client", ABAP_CLIENT);
        rfc.put("jco.client.user", RFC_USER);
        rfc.put("jco.client.passwd", RFC_PASSWORD);
        rfc.put("jco.client.lang", "EN");
        rfc.put("jco.destination.pool_capacity", "3");
        rfc.put("jco.destination.peak_limit", "10");
        destinations.putSubaccount(rfc);

        Map<String, String> balanced = new LinkedHashMap<>();
        balanced.put("Name", DemoDestinations.ERP_RFC_LOAD_BALANCED);
        balanced.put("Type", "RFC");
        balanced.put("Description", "Demo ABAP system, load-balanced via the message server");
        balanced.put("jco.destination.proxy_type", "OnPremise");
        balanced.put("jco.client.mshost", ABAP_MESSAGE_SERVER_HOST);
        balanced.put("jco.client.msserv", "3600");
        balanced.put("jco.client.r3name", ABAP_SYSTEM_ID);
        balanced.put("jco.client.group", "PUBLIC");
        balanced.put("jco.client.client", ABAP_CLIENT);
        balanced.put("jco.client.alias_user", RFC_ALIAS_USER);
        balanced.put("jco.client.passwd", RFC_PASSWORD);
        balanced.put("jco.client.lang", "DE");
        destinations.putSubaccount(balanced);

        Map<String, String> http = new LinkedHashMap<>();
        http.put("Name", DemoDestinations.ERP_SOAP_HTTP);
        http.put("Type", "HTTP");
        http.put("URL", "http://" + ERP_VIRTUAL_HOST + ":" + ABAP_VIRTUAL_PORT);
        http.put("ProxyType", "OnPremise");
        http.put("Authentication", "BasicAuthentication");
        http.put("User", RFC_USER);
        http.put("Password", RFC_PASSWORD);
        http.put("Description", "Demo ABAP system's ICM (HTTP), for SOAP-RFC");
        destinations.putSubaccount(http);
    }
}
