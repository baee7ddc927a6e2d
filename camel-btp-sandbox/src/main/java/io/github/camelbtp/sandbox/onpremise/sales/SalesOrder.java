package io.github.camelbtp.sandbox.onpremise.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One sales order of the demo OData service ({@code API_SALES_ORDER_SRV}, entity set {@code A_SalesOrder}).
 *
 * @param salesOrder              the numeric order number, as a string (key)
 * @param salesOrderType          e.g. {@code OR} (standard order)
 * @param salesOrganization       e.g. {@code 1010}
 * @param distributionChannel     e.g. {@code 10}
 * @param organizationDivision    e.g. {@code 00}
 * @param soldToParty             the customer number, e.g. {@code 17100001}
 * @param purchaseOrderByCustomer the customer's reference
 * @param totalNetAmount          net value
 * @param transactionCurrency     ISO currency code
 * @param creationDate            creation day (midnight UTC)
 */
public record SalesOrder(String salesOrder, String salesOrderType, String salesOrganization,
        String distributionChannel, String organizationDivision, String soldToParty, String purchaseOrderByCustomer,
        BigDecimal totalNetAmount, String transactionCurrency, Instant creationDate) {

    /** Checks that every property is present. */
    public SalesOrder {
        Objects.requireNonNull(salesOrder, "salesOrder");
        Objects.requireNonNull(salesOrderType, "salesOrderType");
        Objects.requireNonNull(salesOrganization, "salesOrganization");
        Objects.requireNonNull(distributionChannel, "distributionChannel");
        Objects.requireNonNull(organizationDivision, "organizationDivision");
        Objects.requireNonNull(soldToParty, "soldToParty");
        Objects.requireNonNull(purchaseOrderByCustomer, "purchaseOrderByCustomer");
        Objects.requireNonNull(totalNetAmount, "totalNetAmount");
        Objects.requireNonNull(transactionCurrency, "transactionCurrency");
        Objects.requireNonNull(creationDate, "creationDate");
    }
}
