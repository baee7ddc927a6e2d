package io.github.camelbtp.sandbox.onpremise.sales;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data of the demo on-premise sales service: {@value #SEED_COUNT} seeded orders (numbers 1..25, customers
 * {@code 17100001}..{@code 17100004}) plus every order created through the OData API. Sandbox {@code reset()}
 * keeps the data; {@link #restoreSeed()} brings back the seed. Thread-safe.
 */
public final class SalesOrders {

    /** How many orders are seeded. */
    public static final int SEED_COUNT = 25;

    private static final Instant FIRST_DAY = Instant.parse("2024-01-08T00:00:00Z");

    private final ConcurrentSkipListMap<Long, SalesOrder> orders = new ConcurrentSkipListMap<>();
    private final AtomicLong lastNumber = new AtomicLong();

    public SalesOrders() {
        restoreSeed();
    }

    /** All orders, by ascending order number. */
    public List<SalesOrder> all() {
        return new ArrayList<>(orders.values());
    }

    /** The order with number {@code salesOrder}. */
    public Optional<SalesOrder> get(String salesOrder) {
        try {
            return Optional.ofNullable(orders.get(Long.parseLong(salesOrder)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** How many orders exist. */
    public int count() {
        return orders.size();
    }

    /** Drops created orders and restores the seeded ones. */
    public synchronized void restoreSeed() {
        orders.clear();
        String[] customers = {"17100001", "17100002", "17100003", "17100004"};
        for (int i = 1; i <= SEED_COUNT; i++) {
            String type = i % 5 == 0 ? "SO" : "OR";
            BigDecimal amount = BigDecimal.valueOf((i * 7919L) % 90_000 + 1_000, 2).add(BigDecimal.valueOf(100));
            String currency = i % 4 == 0 ? "USD" : "EUR";
            orders.put((long) i, new SalesOrder(Integer.toString(i), type, "1010", "10", "00",
                    customers[(i - 1) % customers.length], "PO-" + (4500000 + i), amount, currency,
                    FIRST_DAY.plus(Duration.ofDays(i))));
        }
        lastNumber.set(SEED_COUNT);
    }

    /** Creates an order with the next free number. */
    SalesOrder create(String salesOrderType, String salesOrganization, String distributionChannel,
            String organizationDivision, String soldToParty, String purchaseOrderByCustomer,
            BigDecimal totalNetAmount, String transactionCurrency) {
        long number = lastNumber.incrementAndGet();
        Instant today = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        SalesOrder order = new SalesOrder(Long.toString(number), salesOrderType, salesOrganization,
                distributionChannel, organizationDivision, soldToParty, purchaseOrderByCustomer, totalNetAmount,
                transactionCurrency, today);
        orders.put(number, order);
        return order;
    }

    @Override
    public String toString() {
        return "SalesOrders[count=" + count() + "]";
    }
}
