package io.github.camelbtp.component;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.LookupResult;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.TokenSource;
import io.github.camelbtp.connectivity.destination.SubscriberTokenUrl;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * camel-btp's Micrometer meters (docs/operations.md, "Metrics"):
 * <ul>
 * <li>{@value #LOOKUPS} counter: {@code destination}, {@code result} = hit | miss | stale | not_found | error;</li>
 * <li>{@value #REQUESTS} timer: {@code destination}, {@code type}, {@code proxy_type}, {@code outcome};</li>
 * <li>{@value #TOKEN_REQUESTS} counter: {@code source} = destination-service | connectivity | client, {@code result} =
 * success | rejected | unavailable;</li>
 * <li>{@value #CLOUD_CONNECTOR_ERRORS} counter: {@code destination}, {@code location}, {@code code}.</li>
 * </ul>
 * No tag ever holds a user, a token or a URL. With {@code tenantTag}, lookups and requests also carry {@code tenant}:
 * the subdomain the request named, {@code provider} without one, and {@code tenant-id} for a tenant named by its zone
 * ID (a GUID per subscriber would make the tag's cardinality that of the subscribers, uselessly unreadable).
 * Only loaded when Micrometer is on the classpath.
 */
final class BtpMeters implements BtpObserver {

    static final String LOOKUPS = "camel.btp.destination.lookups";
    static final String REQUESTS = "camel.btp.requests";
    static final String TOKEN_REQUESTS = "camel.btp.token.requests";
    static final String CLOUD_CONNECTOR_ERRORS = "camel.btp.cloudconnector.errors";

    private final MeterRegistry registry;
    private final boolean tenantTag;

    BtpMeters(MeterRegistry registry, boolean tenantTag) {
        this.registry = registry;
        this.tenantTag = tenantTag;
    }

    /** The registry as found in the Camel registry, when it is a Micrometer one. */
    static BtpMeters of(Object registry, boolean tenantTag) {
        return registry instanceof MeterRegistry r ? new BtpMeters(r, tenantTag) : null;
    }

    @Override
    public void destinationLookup(String destination, String tenant, LookupResult result) {
        Counter.builder(LOOKUPS).description("Destination lookups by how the cache answered them")
                .tags(withTenant(Tags.of("destination", destination, "result", result.tag()), tenant))
                .register(registry).increment();
    }

    @Override
    public void tokenRequest(TokenSource source, String destination, BtpConnectivityException failure) {
        Counter.builder(TOKEN_REQUESTS).description("Requests to OAuth token services (not cached tokens)")
                .tags("source", source.tag(), "result", result(failure)).register(registry).increment();
    }

    @Override
    public void request(String destination, ObservedRequest observed, String outcome, long nanos) {
        Tags tags = Tags.of("destination", destination,
                "type", observed == null ? "unknown" : observed.type(),
                "proxy_type", observed == null ? "unknown" : observed.proxyType(),
                "outcome", outcome);
        Timer.builder(REQUESTS).description("Exchanges sent to destinations, from lookup to answer")
                .tags(withTenant(tags, observed == null ? null : observed.tenant()))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void cloudConnectorError(CloudConnectorException error) {
        Counter.builder(CLOUD_CONNECTOR_ERRORS)
                .description("Refusals of the Connectivity proxy and the Cloud Connector (HTTP status or SOCKS5 reply code)")
                .tags("destination", String.valueOf(error.destinationName()),
                        "location", error.locationId() == null ? "" : error.locationId(),
                        "code", String.valueOf(error.status()))
                .register(registry).increment();
    }

    private Tags withTenant(Tags tags, String tenant) {
        if (!tenantTag) {
            return tags;
        }
        return tags.and("tenant", tenant == null ? "provider" : SubscriberTokenUrl.isSubdomain(tenant) ? tenant : "tenant-id");
    }

    /**
     * {@code rejected}: the token service refused the client or grant (a configuration to fix); {@code unavailable}:
     * it failed, was unreachable or too slow, or the Cloud Connector did not carry the request (an outage to wait out).
     */
    private static String result(BtpConnectivityException failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof TokenException te) {
            String code = te.errorCode();
            boolean outage = code == null || code.startsWith("HTTP 5") || "HTTP 429".equals(code)
                    || "server_error".equals(code) || "temporarily_unavailable".equals(code);
            return outage ? "unavailable" : "rejected";
        }
        return "unavailable";
    }
}
