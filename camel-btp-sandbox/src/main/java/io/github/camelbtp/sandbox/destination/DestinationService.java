package io.github.camelbtp.sandbox.destination;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelbtp.sandbox.connectivity.CloudConnector;
import io.github.camelbtp.sandbox.observe.Counters;
import io.github.camelbtp.sandbox.observe.Faults;
import io.github.camelbtp.sandbox.observe.RecordedRequests;
import io.github.camelbtp.sandbox.token.IdentityAssertions;
import io.github.camelbtp.sandbox.token.TokenAuthority;
import io.github.camelbtp.sandbox.wire.HttpEndpoint;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Destination Service REST API [calling-the-destination-service-rest-api-84c5d38]: the find API
 * ({@code GET /destination-configuration/v1/destinations/{name}}), the consume API
 * ({@code GET /destination-configuration/v2/destinations/{name}@{level}}), fragments on both, and the admin API for
 * subaccount- and instance-level destinations. Every call needs a bearer token of this sandbox's token service issued to the
 * destination binding's client; errors carry {@code {"ErrorMessage":"…"}}.
 */
public final class DestinationService {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationService.class);

    static final String BASE = "/destination-configuration/v1/";
    private static final String FIND = BASE + "destinations/";
    /** The consume API [referring-resources-using-the-consume-rest-api-78ba73a]: {@code {name}@{level}}, no fallback. */
    private static final String CONSUME = "/destination-configuration/v2/destinations/";
    private static final String SUBACCOUNT = BASE + "subaccountDestinations";
    private static final String INSTANCE = BASE + "instanceDestinations";
    static final String NOT_FOUND = "Configuration with the specified name was not found";

    record Reply(int status, Object body) {
    }

    private final Destinations destinations;
    private final TokenAuthority authority;
    private final String destinationClientId;
    private final String subaccountId;
    private final String instanceId;
    private final Counters counters;
    private final Faults faults;
    private final ScheduledExecutorService delays;
    private final DestinationAuthTokens authTokens;
    private final Tenants tenants;
    private final Certificates certificates;
    private final RecordedRequests recorded;
    private final DestinationAdmin admin;

    public DestinationService(Destinations destinations, TokenAuthority authority, String destinationClientId,
            String subaccountId, String instanceId, Counters counters, Faults faults,
            ScheduledExecutorService delays, IdentityAssertions assertions, Tenants tenants, Certificates certificates,
            CloudConnector cloudConnector, RecordedRequests recorded) {
        this.recorded = recorded;
        this.certificates = certificates;
        this.tenants = tenants;
        this.authTokens = new DestinationAuthTokens(authority, assertions, cloudConnector);
        this.destinations = destinations;
        this.authority = authority;
        this.destinationClientId = destinationClientId;
        this.subaccountId = subaccountId;
        this.instanceId = instanceId;
        this.counters = counters;
        this.faults = faults;
        this.delays = delays;
        this.admin = new DestinationAdmin(destinations);
    }

    /** A token service of the landscape, which server-side token flows may call (see DestinationAuthTokens). */
    public void trustTokenService(URI base) {
        authTokens.trustTokenService(base);
    }

    public void register(HttpEndpoint endpoint) {
        endpoint.handle("/", this::serve);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        boolean find = path.startsWith(FIND);
        boolean consume = path.startsWith(CONSUME);
        if (find || consume) {
            counters.destinationLookup();
            recorded.record("destination", exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders());
        }
        Reply reply;
        if (faults.isDestinationServiceDown()) {
            reply = error(503, "Service Unavailable");
        } else if (zone(exchange.getRequestHeaders().getFirst("Authorization")).isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            reply = error(401, "Unauthorized: a valid bearer token of the destination service binding is required");
        } else if (find || consume) {
            String zone = zone(exchange.getRequestHeaders().getFirst("Authorization")).get();
            Optional<Tenants.Tenant> subscriber = tenants.byZoneId(zone);
            // The subaccount is the token's zone, nothing else: x-tenant is no tenant switch. It carries a subdomain
            // that resolves {tenant} of a Common token URL, defaulting to the caller's own subdomain
            // [multitenancy-in-the-destination-service-4e07f25, oauth-client-credentials-authentication-4e1d742].
            String ownSubdomain = subscriber.map(Tenants.Tenant::subdomain).orElse(Tenants.PROVIDER_SUBDOMAIN);
            java.util.function.Function<String, String> header = name -> {
                String value = exchange.getRequestHeaders().getFirst(name);
                return !"x-tenant".equalsIgnoreCase(name) ? value
                        : value == null || value.isBlank() ? ownSubdomain : value.trim();
            };
            Destinations scope = subscriber.map(Tenants.Tenant::destinations).orElse(destinations);
            String rawQuery = exchange.getRequestURI().getRawQuery();
            reply = find ? find(scope, path.substring(FIND.length()), rawQuery, header)
                    : consume(scope, path.substring(CONSUME.length()), rawQuery, header);
        } else if (path.equals(SUBACCOUNT) || path.startsWith(SUBACCOUNT + "/")) {
            reply = admin.handle(false, exchange.getRequestMethod(), path.substring(SUBACCOUNT.length()), body);
        } else if (path.equals(INSTANCE) || path.startsWith(INSTANCE + "/")) {
            reply = admin.handle(true, exchange.getRequestMethod(), path.substring(INSTANCE.length()), body);
        } else {
            reply = error(404, "Resource not found");
        }
        Faults.Garbage garbage = faults.destinationServiceGarbage();
        if (garbage != Faults.Garbage.NONE) {
            HttpEndpoint.send(exchange, 200, HttpEndpoint.JSON, garbage.body());
            return;
        }
        Duration latency = faults.destinationServiceLatency();
        if (latency.isZero()) {
            send(exchange, reply);
        } else {
            // delayed without holding a server thread, so latency tests do not starve the pool
            delays.schedule(() -> send(exchange, reply), latency.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** A find answer: its status and JSON body ({@code destinationConfiguration}, {@code authTokens} … or {@code ErrorMessage}). */
    public record Found(int status, Map<String, Object> body) {
    }

    /**
     * The find API in-process, for a service of the landscape that consumes destinations itself (the Transparent
     * Proxy does so with its own Destination Service instance): as {@code GET …/v1/destinations/{name}} by a client of
     * {@code tenant}'s zone ({@code null}: the provider), with {@code header} as the request's headers. Not counted
     * as a lookup and not recorded: those are the application's calls.
     */
    @SuppressWarnings("unchecked")
    public Found findFor(Tenants.Tenant tenant, String name, java.util.function.Function<String, String> header) {
        String ownSubdomain = tenant == null ? Tenants.PROVIDER_SUBDOMAIN : tenant.subdomain();
        Reply reply = faults.isDestinationServiceDown() ? error(503, "Service Unavailable")
                : find(tenant == null ? destinations : tenant.destinations(), name, null,
                        h -> "x-tenant".equalsIgnoreCase(h) ? ownSubdomain : header.apply(h));
        return new Found(reply.status(), (Map<String, Object>) reply.body());
    }

    private static void send(HttpExchange exchange, Reply reply) {
        try {
            if (reply.body() == null) {
                HttpEndpoint.send(exchange, reply.status(), null, (byte[]) null);
            } else {
                HttpEndpoint.sendJson(exchange, reply.status(), reply.body());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("destination service answer not delivered: {}", e.toString());
            exchange.close();
        }
    }

    /** The identity zone of a valid token of the destination binding's client: the provider's or a subscriber's. */
    private Optional<String> zone(String authorization) {
        return authority.verify(TokenAuthority.bearer(authorization))
                .filter(token -> destinationClientId.equals(token.clientId()))
                .map(TokenAuthority.VerifiedToken::zoneId)
                .filter(zone -> subaccountId.equals(zone) || tenants.all().stream().anyMatch(t -> t.zoneId().equals(zone)));
    }

    // ---- find [find-a-destination-response-structure-83a3f3b] ------------------------------------------------

    private Reply find(Destinations destinations, String name, String rawQuery,
            java.util.function.Function<String, String> header) {
        if (name.isEmpty() || name.contains("/")) {
            return error(404, NOT_FOUND);
        }
        // the service runs a chain's steps itself [destination-chaining-08a09f5]; the steps see no chain headers
        String chain = header.apply(DestinationChains.CHAIN_NAME);
        if (chain != null && !chain.isBlank()) {
            return DestinationChains.run(chain, name, header, (step, stepHeader) -> find(destinations, step, rawQuery,
                    stepHeader));
        }
        Map<String, String> atInstance = destinations.getInstance(name).orElse(null);
        Map<String, String> destination = atInstance != null ? atInstance : destinations.getSubaccount(name).orElse(null);
        if (destination == null) {
            return error(404, NOT_FOUND);
        }
        // v1: "the fragments themselves must be maintained on the same level as the destination"
        // [extending-destinations-with-fragments-f56600a]
        Map<String, String> merged;
        try {
            merged = withFragments(destination, header, fragment -> destinations.fragment(atInstance != null, fragment));
        } catch (Refused refused) {
            return refused.reply;
        }
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("SubaccountId", subaccountId);
        owner.put("InstanceId", atInstance != null ? instanceId : null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("owner", owner);
        answer.put("destinationConfiguration", merged);
        return answer(answer, merged, rawQuery, header);
    }

    /** The levels of the consume API [referring-resources-using-the-consume-rest-api-78ba73a]. */
    private enum Level {
        SUBACCOUNT(false, false), INSTANCE(true, false), PROVIDER_SUBACCOUNT(false, true), PROVIDER_INSTANCE(true, true);

        final boolean atInstance;
        final boolean provider;

        Level(boolean atInstance, boolean provider) {
            this.atInstance = atInstance;
            this.provider = provider;
        }

        static Optional<Level> of(String name) {
            for (Level level : values()) {
                if (level.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
                    return Optional.of(level);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * {@code GET …/v2/destinations/{name}@{level}}: the destination exactly at the level named — "in contrast to the
     * Find a Destination API, a fallback between levels is not performed" — fragments as {@code f@level} (else the
     * destination's level), and no {@code owner} unless {@code includeMetadata=owner}, which puts it under
     * {@code destinationConfiguration.$metadata} [referring-resources-using-the-consume-rest-api-78ba73a].
     */
    private Reply consume(Destinations scope, String reference, String rawQuery,
            java.util.function.Function<String, String> header) {
        int at = reference.lastIndexOf('@');
        if (reference.contains("/") || at <= 0) {
            return error(400, "The consume API needs the level of the destination: {name}@subaccount, @instance,"
                    + " @provider_subaccount or @provider_instance");
        }
        String name = reference.substring(0, at);
        Optional<Level> level = Level.of(reference.substring(at + 1));
        if (level.isEmpty()) {
            return error(400, "Unknown level '" + reference.substring(at + 1) + "': use subaccount, instance,"
                    + " provider_subaccount or provider_instance");
        }
        Map<String, String> destination = in(scope, level.get()).level(level.get().atInstance).get(name);
        if (destination == null) {
            return error(404, NOT_FOUND);
        }
        java.util.Set<Level> levels = java.util.EnumSet.of(level.get());
        Map<String, String> merged;
        try {
            merged = withFragments(destination, header, fragment -> {
                int fragmentAt = fragment.lastIndexOf('@');
                Level fragmentLevel = level.get();
                if (fragmentAt >= 0) {
                    fragmentLevel = Level.of(fragment.substring(fragmentAt + 1)).orElseThrow(() -> new Refused(error(400,
                            "Unknown level of fragment '" + fragment + "': use subaccount, instance, provider_subaccount"
                            + " or provider_instance")));
                }
                levels.add(fragmentLevel);
                return in(scope, fragmentLevel).fragment(fragmentLevel.atInstance,
                        fragmentAt >= 0 ? fragment.substring(0, fragmentAt) : fragment);
            });
        } catch (Refused refused) {
            return refused.reply;
        }
        if (scope != destinations && levels.contains(Level.SUBACCOUNT) && levels.size() > 1) {
            // "retrieving one resource from subaccount level and another resource from any other level is forbidden"
            // (multi-tenant usage; SAP names no status: 403, as the page says "forbidden")
            return error(403, "Retrieving one resource from subaccount level and another from any other level is"
                    + " forbidden");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("destinationConfiguration", merged);
        if ("owner".equals(HttpEndpoint.queryParameters(rawQuery).get("includeMetadata"))) {
            Map<String, Object> owner = new LinkedHashMap<>();
            owner.put("Name", name);
            owner.put("SubaccountId", subaccountId);
            owner.put("InstanceId", level.get().atInstance ? instanceId : null);
            Map<String, Object> configuration = new LinkedHashMap<>(merged);
            configuration.put("$metadata", Map.of("owner", Map.of("destinations", List.of(owner))));
            answer.put("destinationConfiguration", configuration);
        }
        return answer(answer, merged, rawQuery, header);
    }

    /** The destinations of a level: the caller's own (subaccount, instance) or its provider's. */
    private Destinations in(Destinations scope, Level level) {
        return level.provider ? destinations : scope;
    }

    /** A find request the service refuses, with its answer. */
    private static final class Refused extends RuntimeException {
        final transient Reply reply;

        Refused(Reply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }

    /**
     * The destination with the fragments of {@code X-Fragment-Name} merged over it in the order listed, later ones
     * winning, and {@code FragmentName} naming those applied; an unknown fragment fails the request unless
     * {@code X-Fragment-Optional: true}, which SAP allows with one fragment only
     * [extending-destinations-with-fragments-f56600a]. SAP documents no status for these failures: 404 with
     * {@code ErrorMessage} for a missing fragment (as for a missing destination), 400 for optional with several.
     */
    private static Map<String, String> withFragments(Map<String, String> destination,
            java.util.function.Function<String, String> header,
            java.util.function.Function<String, Optional<Map<String, String>>> lookup) {
        String list = header.apply("X-Fragment-Name");
        if (list == null || list.isBlank()) {
            return destination;
        }
        List<String> names = java.util.Arrays.stream(list.split(",")).map(String::trim).toList();
        if (names.stream().anyMatch(String::isEmpty)) {
            throw new Refused(error(400, "X-Fragment-Name has an empty fragment name: '" + list + "'"));
        }
        boolean optional = "true".equalsIgnoreCase(String.valueOf(header.apply("X-Fragment-Optional")).trim());
        if (optional && names.size() > 1) {
            throw new Refused(error(400, "X-Fragment-Optional is only allowed with a single fragment; X-Fragment-Name"
                    + " lists " + names.size()));
        }
        Map<String, String> merged = new LinkedHashMap<>(destination);
        List<String> applied = new ArrayList<>();
        for (String name : names) {
            Optional<Map<String, String>> fragment = lookup.apply(name);
            if (fragment.isEmpty()) {
                if (optional) {
                    return destination;
                }
                throw new Refused(error(404, "Destination fragment '" + name + "' not found"));
            }
            fragment.get().forEach((k, v) -> {
                if (!k.equals("FragmentName")) {
                    merged.put(k, v);
                }
            });
            applied.add(name);
        }
        merged.put("FragmentName", String.join(",", applied));
        return merged;
    }

    /** Adds authTokens (unless {@code $skipTokenRetrieval=true}) and certificates to a find or consume answer. */
    private Reply answer(Map<String, Object> answer, Map<String, String> destination, String rawQuery,
            java.util.function.Function<String, String> header) {
        boolean skipTokens = "true".equalsIgnoreCase(HttpEndpoint.queryParameters(rawQuery).get("$skipTokenRetrieval"));
        if (!skipTokens) {
            List<Map<String, Object>> tokens = authTokens.tokensFor(destination, header);
            if (!tokens.isEmpty()) {
                answer.put("authTokens", tokens);
            }
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (String location : List.of("KeyStoreLocation", "TrustStoreLocation")) {
            String file = destination.get(location);
            certificates.get(file).ifPresent(content -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("Name", file);
                entry.put("Content", java.util.Base64.getEncoder().encodeToString(content));
                entry.put("Type", "CERTIFICATE");
                files.add(entry);
            });
        }
        answer.put("certificates", files);
        return new Reply(200, answer);
    }

    static Reply error(int status, String message) {
        return new Reply(status, Map.of("ErrorMessage", message));
    }
}
