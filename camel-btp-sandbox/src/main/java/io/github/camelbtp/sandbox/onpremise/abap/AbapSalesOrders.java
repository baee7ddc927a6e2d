package io.github.camelbtp.sandbox.onpremise.abap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sales orders of the sandbox ABAP system (table VBAK/VBAP in a real one). Orders a BAPI creates are pending in
 * the caller's session until {@code BAPI_TRANSACTION_COMMIT}; only committed orders are visible to
 * {@code BAPI_SALESORDER_GETLIST}. Thread-safe.
 */
public final class AbapSalesOrders {

    /** One order item as {@code BAPI_SALESORDER_GETLIST} lists it. */
    public record Item(String number, String material, String text, BigDecimal quantity, BigDecimal netValue) {
    }

    /** A sales order. */
    public record Order(String number, String customer, String salesOrganization, String documentType,
            LocalDate documentDate, String purchaseOrder, String currency, List<Item> items) {

        public Order {
            items = List.copyOf(items);
        }
    }

    private final List<Order> committed = new ArrayList<>();
    private final AtomicLong nextNumber = new AtomicLong(12_000);

    AbapSalesOrders() {
        seed("0000001000", "1000", LocalDate.of(2024, 1, 15), "PO-4711", "EUR",
                new Item("000010", "M-01", "Pump PRECISION 100", new BigDecimal("2.000"), new BigDecimal("2450.00")));
        seed("0000001000", "1000", LocalDate.of(2024, 2, 3), "PO-4712", "EUR",
                new Item("000010", "M-02", "Pump PRECISION 101", new BigDecimal("1.000"), new BigDecimal("1320.50")),
                new Item("000020", "M-03", "Seal kit", new BigDecimal("10.000"), new BigDecimal("89.90")));
        seed("0000001000", "1000", LocalDate.of(2024, 3, 21), "PO-4713", "EUR",
                new Item("000010", "M-01", "Pump PRECISION 100", new BigDecimal("5.000"), new BigDecimal("6125.00")));
        seed("0000001172", "1000", LocalDate.of(2024, 3, 22), "PO-9000", "USD",
                new Item("000010", "M-04", "Motor 5 kW", new BigDecimal("1.000"), new BigDecimal("780.00")));
    }

    private void seed(String customer, String salesOrg, LocalDate date, String po, String currency, Item... items) {
        committed.add(new Order(nextNumber(), customer, salesOrg, "TA", date, po, currency, List.of(items)));
    }

    String nextNumber() {
        return String.format("%010d", nextNumber.incrementAndGet());
    }

    void commit(List<Order> orders) {
        synchronized (committed) {
            committed.addAll(orders);
        }
    }

    /** The committed orders, oldest first. */
    public List<Order> committed() {
        synchronized (committed) {
            return List.copyOf(committed);
        }
    }

    /** The committed order with that number, if any. */
    public java.util.Optional<Order> find(String number) {
        return committed().stream().filter(o -> o.number().equals(number)).findFirst();
    }
}
