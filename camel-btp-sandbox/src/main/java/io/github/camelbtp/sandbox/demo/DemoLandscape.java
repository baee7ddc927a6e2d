package io.github.camelbtp.sandbox.demo;

import static io.github.camelbtp.sandbox.demo.DemoDestinations.CLOUD_API_CLIENT_ID;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.ERP_VIRTUAL_HOST;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.ERP_VIRTUAL_PORT;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.PLANT01_LOCATION_ID;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_PASSWORD;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_SERVICE_PATH;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SALES_USER;

import io.github.camelbtp.sandbox.connectivity.CloudConnector;
import io.github.camelbtp.sandbox.destination.Destinations;
import io.github.camelbtp.sandbox.onpremise.DemoDirectory;
import io.github.camelbtp.sandbox.onpremise.DemoMailServer;
import io.github.camelbtp.sandbox.onpremise.EchoService;
import io.github.camelbtp.sandbox.onpremise.abap.AbapSystem;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo landscape in one place: the subaccount's destinations ({@link DemoDestinations}), the Cloud Connector
 * mappings and allow-lists that reach the demo backends, and the ABAP system's users. Installed once at start; tests
 * change it through the sandbox's admin objects.
 */
public final class DemoLandscape {

    /** Where the demo backends listen on loopback, and the cloud API's client secret (random per start). */
    public record Backends(int salesPort, URI cloudApi, URI tokenService, int abapPort, DemoMailServer mail,
            DemoDirectory directory, EchoService echo, String cloudApiSecret) {

        @Override
        public String toString() {
            return "Backends[sales=" + salesPort + ", cloudApi=" + cloudApi + ", abap=" + abapPort + "]";
        }
    }

    private DemoLandscape() {
    }

    /** The ABAP system's demo users and their RFC authorizations ({@link DemoDestinations#RFC_USER} …). */
    public static AbapSystem users(AbapSystem system) {
        return AbapDemo.users(system);
    }

    /** Installs the demo destinations and the Cloud Connector mappings to {@code backends}. */
    public static void install(CloudConnector cloudConnector, Destinations destinations, Backends backends) {
        httpDestinations(cloudConnector, destinations, backends);
        AbapDemo.install(cloudConnector, destinations, backends.abapPort());
        SocketLandscape.install(cloudConnector, destinations, backends.mail(), backends.directory(), backends.echo());
    }

    private static void httpDestinations(CloudConnector cloudConnector, Destinations destinations, Backends backends) {
        for (String location : List.of("", PLANT01_LOCATION_ID)) {
            cloudConnector.connector(location)
                    .map(ERP_VIRTUAL_HOST, ERP_VIRTUAL_PORT, "127.0.0.1", backends.salesPort())
                    .allowPath(ERP_VIRTUAL_HOST, ERP_VIRTUAL_PORT, SALES_SERVICE_PATH, true);
        }
        String erpUrl = "http://" + ERP_VIRTUAL_HOST + ":" + ERP_VIRTUAL_PORT;
        Map<String, String> erp = new LinkedHashMap<>();
        erp.put("Name", DemoDestinations.ON_PREMISE_ERP);
        erp.put("Type", "HTTP");
        erp.put("URL", erpUrl);
        erp.put("ProxyType", "OnPremise");
        erp.put("Authentication", "BasicAuthentication");
        erp.put("User", SALES_USER);
        erp.put("Password", SALES_PASSWORD);
        erp.put("Description", "Demo S/4HANA sales orders (OData v2) via the Cloud Connector");
        destinations.putSubaccount(erp);

        Map<String, String> plant = new LinkedHashMap<>(erp);
        plant.put("Name", DemoDestinations.ON_PREMISE_ERP_PLANT01);
        plant.put("Description", "Demo S/4HANA sales orders via the Cloud Connector of location Plant01");
        plant.put("CloudConnectorLocationId", PLANT01_LOCATION_ID);
        destinations.putSubaccount(plant);

        Map<String, String> cloud = new LinkedHashMap<>();
        cloud.put("Name", DemoDestinations.CLOUD_SALES_API);
        cloud.put("Type", "HTTP");
        cloud.put("URL", backends.cloudApi().toString());
        cloud.put("ProxyType", "Internet");
        cloud.put("Authentication", "OAuth2ClientCredentials");
        cloud.put("tokenServiceURL", backends.tokenService() + "/oauth/token");
        cloud.put("clientId", CLOUD_API_CLIENT_ID);
        cloud.put("clientSecret", backends.cloudApiSecret());
        cloud.put("Description", "Demo cloud API protected by OAuth client credentials");
        destinations.putSubaccount(cloud);

        Map<String, String> catalog = new LinkedHashMap<>();
        catalog.put("Name", DemoDestinations.PUBLIC_CATALOG);
        catalog.put("Type", "HTTP");
        catalog.put("URL", backends.cloudApi() + "/public");
        catalog.put("ProxyType", "Internet");
        catalog.put("Authentication", "NoAuthentication");
        catalog.put("Description", "Demo public catalog, no authentication");
        destinations.putSubaccount(catalog);
    }
}
