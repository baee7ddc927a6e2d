package io.github.camelbtp.examples.quickstart;

import java.math.BigDecimal;
import java.util.Map;

/** What the hybrid flow did, for the console. */
public record Summary(int ordersRead, Map<String, BigDecimal> totalsByCurrency, String createdOrderId, String rfcLine) {

    public Summary(int ordersRead, Map<String, BigDecimal> totalsByCurrency, String createdOrderId) {
        this(ordersRead, totalsByCurrency, createdOrderId, null);
    }

    /** This summary with the line about the RFC call. */
    public Summary withRfc(String line) {
        return new Summary(ordersRead, totalsByCurrency, createdOrderId, line);
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("camel-btp hybrid quickstart\n");
        text.append("  destination   OnPremiseERP (ProxyType OnPremise, BasicAuthentication) via Cloud Connector\n");
        text.append("  orders read   ").append(ordersRead).append('\n');
        totalsByCurrency.forEach((currency, total) ->
                text.append("  total value   ").append(total.toPlainString()).append(' ').append(currency).append('\n'));
        text.append("  order created ").append(createdOrderId).append(" (POST with SAP CSRF token)");
        if (rfcLine != null) {
            text.append('\n').append("  rfc call      ").append(rfcLine);
        }
        return text.toString();
    }
}
