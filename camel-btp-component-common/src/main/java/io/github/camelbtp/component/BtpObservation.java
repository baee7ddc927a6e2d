package io.github.camelbtp.component;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.ConnectivityListener;
import io.github.camelbtp.connectivity.LookupResult;
import io.github.camelbtp.connectivity.TokenSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How one CamelContext observes one engine: the audit trail ({@link BtpAudit}) always, Micrometer meters
 * ({@link BtpMeters}) when the context's registry holds a {@code MeterRegistry} — under camel-micrometer's name
 * {@value #METRICS_REGISTRY_NAME}, else the only one there is (Spring Boot's). Attached by {@link ComponentEngine} when
 * a component starts, once per context and engine however many components share it, and detached when the context
 * stops. The engine reports lookups, token requests and rejected credentials; the producers report each exchange
 * ({@link #exchangeDone}).
 */
public final class BtpObservation extends ServiceSupport implements ConnectivityListener {

    private static final Logger LOG = LoggerFactory.getLogger(BtpObservation.class);
    /** camel-micrometer's {@code MicrometerConstants.METRICS_REGISTRY_NAME}. */
    static final String METRICS_REGISTRY_NAME = "metricsRegistry";
    /**
     * The Camel property that adds a {@code tenant} tag to lookups and requests (default {@code false}): one time
     * series per subscriber subdomain, so only where the number of subscribers is small (docs/operations.md).
     */
    public static final String TENANT_TAG_PROPERTY = "camel.btp.metrics.tenant-tag";
    private static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";

    /**
     * The last lookup result the engine reported on this thread: the engine looks up on the request's thread, so
     * right after {@code resolveAny} it is that request's (the span's and the timer's {@code lookup}).
     */
    private static final ThreadLocal<LookupResult> LAST_LOOKUP = new ThreadLocal<>();

    private final CamelContext context;
    private final BtpConnectivity engine;
    private final List<BtpObserver> observers;

    private BtpObservation(CamelContext context, BtpConnectivity engine, List<BtpObserver> observers) {
        this.context = context;
        this.engine = engine;
        this.observers = observers;
    }

    /** The context's observation of {@code engine}: the one attached already, or a new one, attached now. */
    static BtpObservation attach(CamelContext context, BtpConnectivity engine) {
        synchronized (context) {
            Set<BtpObservation> existing = context.hasServices(BtpObservation.class);
            for (BtpObservation o : existing) {
                if (o.engine == engine && o.isRunAllowed()) {
                    return o;
                }
            }
            List<BtpObserver> observers = new ArrayList<>();
            observers.add(new BtpAudit(context));
            Object registry = meterRegistry(context);
            if (registry != null) {
                boolean tenantTag = Boolean.parseBoolean(context.getPropertiesComponent()
                        .resolveProperty(TENANT_TAG_PROPERTY).orElse("false"));
                observers.add(BtpMeters.of(registry, tenantTag));
                LOG.debug("camel-btp records its metrics in {}", registry);
            }
            BtpObservation observation = new BtpObservation(context, engine, List.copyOf(observers));
            try {
                // stopped (and detached) with the context
                context.addService(observation, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot register camel-btp's observation with the CamelContext", e);
            }
            return observation;
        }
    }

    /** Stops observing before the context stops (for an engine that is closed with its component). */
    void detach() {
        try {
            context.removeService(this);
        } catch (Exception e) {
            LOG.debug("Cannot remove camel-btp's observation from the CamelContext", e);
        }
        stop();
    }

    /** The Micrometer registry in the Camel registry, or {@code null} (also when Micrometer is not on the classpath). */
    private static Object meterRegistry(CamelContext context) {
        Class<?> type;
        try {
            type = context.getClassResolver().resolveClass(MICROMETER);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
        if (type == null) {
            return null;
        }
        Object named = context.getRegistry().lookupByNameAndType(METRICS_REGISTRY_NAME, type);
        if (named != null) {
            return named;
        }
        Set<?> all = context.getRegistry().findByType(type);
        return all.size() == 1 ? all.iterator().next() : null;
    }

    /** The lookup result the engine reported last on this thread, {@code null} for none. */
    static LookupResult lastLookup() {
        return LAST_LOOKUP.get();
    }

    @Override
    protected void doStart() {
        engine.addListener(this);
    }

    @Override
    protected void doStop() {
        engine.removeListener(this);
    }

    @Override
    public void destinationLookup(String destination, String tenant, LookupResult result) {
        LAST_LOOKUP.set(result);
        for (BtpObserver o : observers) {
            o.destinationLookup(destination, tenant, result);
        }
    }

    @Override
    public void tokenRequest(TokenSource source, String destination, BtpConnectivityException failure) {
        for (BtpObserver o : observers) {
            o.tokenRequest(source, destination, failure);
        }
    }

    @Override
    public void credentialsRejected(String destination, String authentication, boolean dropped) {
        for (BtpObserver o : observers) {
            o.credentialsRejected(destination, authentication, dropped);
        }
    }

    /**
     * Reports one exchange sent to a destination: the request timer, and the Cloud Connector's refusal when that is
     * why it failed. Call once per exchange, after the producer's work, with what it threw.
     *
     * @param destination the destination's name
     * @param thrown      what the producer threw, {@code null} for nothing (the exchange's own exception is read too)
     */
    public void exchangeDone(Exchange exchange, String destination, Throwable thrown, long nanos) {
        Throwable failure = thrown != null ? thrown : exchange.getException();
        ObservedRequest observed = exchange.getProperty(ObservedRequest.PROPERTY, ObservedRequest.class);
        String name = observed != null ? observed.destination() : destination;
        String outcome = outcome(exchange, failure);
        CloudConnectorException refused = cause(failure, CloudConnectorException.class);
        for (BtpObserver o : observers) {
            o.request(name, observed, outcome, nanos);
            if (refused != null) {
                o.cloudConnectorError(refused);
            }
        }
    }

    /** By the status of the answer (also when camel-http threw for it); {@code error} when there was none. */
    private static String outcome(Exchange exchange, Throwable failure) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (failure != null) {
            status = statusOf(failure);
        }
        if (status == null) {
            return failure == null ? "success" : "error";
        }
        return status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success";
    }

    /** The status of camel-http's HttpOperationFailedException (throwExceptionOnFailure), {@code null} for none. */
    private static Integer statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException h) {
                return h.getStatusCode();
            }
        }
        return null;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
