package io.github.camelbtp.rfc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A route written in Camel's YAML DSL calls a BAPI by destination name. */
class YamlRouteTest extends BtpRfcTestSupport {

    @Override
    protected void doPostSetup() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/sales-orders.yaml"));
    }

    @Test
    void yamlRouteListsSalesOrdersAsJson() throws Exception {
        String json = template.requestBodyAndHeader("direct:sales-orders", null, "customer", "1172", String.class);

        JsonNode orders = new ObjectMapper().readTree(json).get("SALES_ORDERS");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("SOLD_TO").asText()).isEqualTo("0000001172");
        assertThat(orders.get(0).get("NET_VALUE").decimalValue()).isEqualByComparingTo("780.00");
    }

    @Test
    void yamlRouteSurfacesBapiErrors() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("direct:sales-orders", null, "customer", "", String.class))
                .isInstanceOf(CamelExecutionException.class).hasCauseInstanceOf(RfcBapiException.class);
    }
}
