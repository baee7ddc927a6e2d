package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.DiagnosisReport.Outcome;
import io.github.camelbtp.connectivity.DiagnosisReport.Step;
import io.github.camelbtp.connectivity.binding.ConnectivityCredentials;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationLoader;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.destination.DestinationServiceLoader;
import io.github.camelbtp.connectivity.destination.DestinationType;
import io.github.camelbtp.connectivity.dispatch.OnPremiseHttpDispatch;
import io.github.camelbtp.connectivity.http.DestinationHttpClient;
import io.github.camelbtp.connectivity.socks.CloudConnectorSocketException;
import io.github.camelbtp.connectivity.socks.SocksReply;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.net.URIBuilder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Walks the hops of one destination as SAP's cockpit "Check Connection" does, but from where the application runs:
 * binding, service token, destination, authentication, connectivity token, proxy, Cloud Connector, backend. Never
 * throws for a failed hop: each failure becomes a {@link Step} with SAP's documented {@link Cause}. The destination is
 * looked up past the cache (a diagnosis must see the Destination Service as it is now), and the backend gets one
 * harmless request: HEAD, or GET when the backend answers HEAD with 405.
 */
final class Diagnosis {

    /** Properties whose failure is the destination's (where and what), not its authentication's. */
    private static final Set<String> DESTINATION_PROPERTIES = Set.of(DestinationProperty.TYPE, DestinationProperty.URL,
            DestinationProperty.PROXY_TYPE, DestinationProperty.LOCATION_ID);

    private final ServiceBindings bindings;
    private final DestinationServiceLoader destinationService;
    /** The destination sources without the cache; {@code null} when there is none. */
    private final DestinationLoader sources;
    private final Pipeline pipeline;
    private final OnPremiseHttpDispatch onPremise;
    private final ConnectivityCredentials connectivity;
    private final Duration connectTimeout;

    Diagnosis(ServiceBindings bindings, DestinationServiceLoader destinationService, DestinationLoader sources,
            Pipeline pipeline, OnPremiseHttpDispatch onPremise, ConnectivityCredentials connectivity, Duration connectTimeout) {
        this.bindings = bindings;
        this.destinationService = destinationService;
        this.sources = sources;
        this.pipeline = pipeline;
        this.onPremise = onPremise;
        this.connectivity = connectivity;
        this.connectTimeout = connectTimeout;
    }

    DiagnosisReport run(String name, String path, DestinationOptions options, BackendCheck backendCheck) {
        return run(name, path, options, backendCheck, null);
    }

    /** For a destination sent over HTTP with a protocol of its own (btp-rfc): see {@link HttpBackendCheck}. */
    DiagnosisReport run(String name, String path, DestinationOptions options, HttpBackendCheck httpCheck) {
        return run(name, path, options, BackendCheck.NONE, httpCheck);
    }

    private DiagnosisReport run(String name, String path, DestinationOptions options, BackendCheck backendCheck,
            HttpBackendCheck httpCheck) {
        String relative = path == null ? "" : path;
        Walk walk = new Walk();
        // binding: what the application is bound to
        if (sources == null) {
            walk.fail(Hop.BINDING, "no destination source (" + bindings.origin() + ")", Cause.NO_DESTINATION_SOURCE);
            return walk.report(name, relative);
        }
        walk.ok(Hop.BINDING, bindings.origin() + "; destination: " + (destinationService != null ? "bound" : "none")
                + ", connectivity: " + (connectivity == null ? "none" : connectivity.trusted() ? "trusted proxy" : "bound"));
        // destination (looked up first: its source decides whether the service token concerns it)
        long start = System.nanoTime();
        Destination destination = null;
        BtpConnectivityException lookupFailure = null;
        try {
            destination = sources.load(name, options)
                    .orElseThrow(() -> new DestinationNotFoundException(name, sources.describe()));
        } catch (BtpConnectivityException e) {
            lookupFailure = e;
        }
        Duration lookupTook = Duration.ofNanos(System.nanoTime() - start);
        boolean fromService = destinationService != null
                && (destination == null || DestinationServiceLoader.SOURCE.equals(destination.source()));
        if (fromService) {
            walk.time(() -> {
                destinationService.checkToken();
                return "binding token obtained from " + destinationService.describe();
            }, Hop.SERVICE_TOKEN);
        } else {
            String from = destination == null ? "no Destination Service binding" : "destination from " + destination.source();
            walk.skip(Hop.BINDING, from);
            walk.skip(Hop.SERVICE_TOKEN, from);
        }
        if (walk.failed()) {
            return walk.report(name, relative);
        }
        if (lookupFailure != null) {
            walk.put(Hop.DESTINATION, Outcome.FAILED, lookupFailure.getMessage(), lookupCause(lookupFailure), lookupTook);
            return walk.report(name, relative);
        }
        if (httpCheck != null) {
            return walkHttpCheck(walk, destination, lookupTook, name, relative, options, httpCheck);
        }
        return walkFrom(walk, destination, lookupTook, name, relative, options, backendCheck);
    }

    /** The hops after the lookup for the HTTP destination {@code check} sends {@code found} as. */
    private DiagnosisReport walkHttpCheck(Walk walk, Destination found, Duration lookupTook, String name, String relative,
            DestinationOptions options, HttpBackendCheck check) {
        Destination http;
        try {
            http = check.httpDestination(found);
        } catch (BtpConnectivityException e) {
            walk.put(Hop.DESTINATION, Outcome.FAILED, e.getMessage(), Cause.DESTINATION_INVALID, lookupTook);
            return walk.report(name, relative);
        }
        // the destination as found (its Type), and where its requests travel as HTTP
        walk.put(Hop.DESTINATION, Outcome.OK, "from " + found.source() + "; Type " + found.type() + ", sent over HTTP: "
                + route(http), null, lookupTook);
        return walkFrom(walk, http, lookupTook, name, relative, options,
                (walked, resolved) -> httpBackend(walked, resolved, found, options, check));
    }

    /** The backend hop by the protocol of {@code check}; tells too whether the proxy and the Cloud Connector let it through. */
    private void httpBackend(Walk walk, ResolvedDestination resolved, Destination found, DestinationOptions options,
            HttpBackendCheck check) {
        String where = where(resolved);
        long start = System.nanoTime();
        try {
            HttpBackendCheck.Answer answer = check.check(found, options);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            backendAnswered(walk, resolved, where, answer.status(), answer.seen(), answer.seen(), took);
        } catch (IOException | RuntimeException e) {
            backendFailed(walk, e, where, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The backend hop of an HTTP destination, given its resolution. */
    @FunctionalInterface
    private interface HttpBackend {
        void run(Walk walk, ResolvedDestination resolved);
    }

    /** The hops after the destination was found. */
    private DiagnosisReport walkFrom(Walk walk, Destination destination, Duration lookupTook, String name, String relative,
            DestinationOptions options, BackendCheck backendCheck) {
        return walkFrom(walk, destination, lookupTook, name, relative, options,
                (walked, resolved) -> backend(walked, resolved, relative, options), backendCheck);
    }

    private DiagnosisReport walkFrom(Walk walk, Destination destination, Duration lookupTook, String name, String relative,
            DestinationOptions options, HttpBackend httpBackend) {
        return walkFrom(walk, destination, lookupTook, name, relative, options, httpBackend, BackendCheck.NONE);
    }

    private DiagnosisReport walkFrom(Walk walk, Destination destination, Duration lookupTook, String name, String relative,
            DestinationOptions options, HttpBackend httpBackend, BackendCheck backendCheck) {
        walk.putIfAbsent(Hop.DESTINATION, Outcome.OK, describe(destination), null, lookupTook);
        boolean onPremiseHop = destination.isOnPremise() && !destination.viaTransparentProxy();
        if (onPremiseHop && connectivity == null) {
            walk.fail(Hop.BINDING, bindings.origin() + "; ProxyType OnPremise but no 'connectivity' binding",
                    Cause.NO_CONNECTIVITY_BINDING);
            return walk.report(name, relative);
        }
        boolean http = destination.type() == DestinationType.HTTP;
        if (http && onPremiseHop && destination.property(DestinationProperty.URL).orElse("")
                .toLowerCase(Locale.ROOT).startsWith("https:")) {
            // SAP: the proxy forwards http:// only, https gives 405 [consuming-the-connectivity-service-313b215];
            // the engine refuses such a request before sending it, so the diagnosis does too
            walk.fail(Hop.PROXY, "URL " + destination.property(DestinationProperty.URL).orElseThrow()
                    + " is https://; the Connectivity proxy answers 405 to it", Cause.PROXY_405_HTTPS);
            return walk.report(name, relative);
        }
        // connectivity-token before authentication: resolving an on-premise destination needs it
        if (onPremiseHop) {
            walk.time(() -> {
                onPremise.proxyHop(name, destination.locationId());
                return connectivity.trusted() ? "trusted mode: the proxy takes no token" : "connectivity token obtained";
            }, Hop.CONNECTIVITY_TOKEN);
            if (walk.failed()) {
                return walk.report(name, relative);
            }
        }
        Resolved[] resolved = new Resolved[1];
        walk.time(() -> {
            resolved[0] = pipeline.resolve(destination, options);
            return "Authentication " + destination.authentication() + (resolved[0] instanceof ResolvedDestination r
                    ? "; headers " + r.headers().stream().map(h -> h.name()).toList() : "");
        }, Hop.AUTHENTICATION);
        if (walk.failed()) {
            return walk.report(name, relative);
        }
        if (onPremiseHop) {
            int port = http ? connectivity.httpProxyPort() : connectivity.socks5ProxyPort();
            walk.time(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(connectivity.proxyHost(), port), (int) connectTimeout.toMillis());
                }
                return (http ? "HTTP" : "SOCKS5") + " port " + connectivity.proxyHost() + ":" + port + " accepts connections";
            }, Hop.PROXY);
            if (walk.failed()) {
                return walk.report(name, relative);
            }
        }
        if (resolved[0] instanceof ResolvedDestination r) {
            httpBackend.run(walk, r);
        } else if (resolved[0] instanceof SocketDestination s) {
            sockets(walk, s, backendCheck);
        }
        return walk.report(name, relative);
    }

    /** The backend hop over HTTP, which also tells whether the proxy and the Cloud Connector let the request through. */
    private void backend(Walk walk, ResolvedDestination resolved, String path, DestinationOptions options) {
        boolean onPremiseHop = resolved.destination().isOnPremise() && !resolved.destination().viaTransparentProxy();
        String where = where(resolved);
        long start = System.nanoTime();
        try (DestinationHttpClient client = new DestinationHttpClient(2, 2)) {
            URI target = target(resolved, path);
            HttpHost host = HttpHost.create(target);
            int status = send(client, new HttpHead(target), host, resolved);
            if (status == 405 || status == 403 && onPremiseHop) {
                // 405: the backend does not do HEAD; 403: only a body tells the Cloud Connector's "Access denied to
                // system" from the backend's own refusal [configure-access-control-http-e7d4927], and HEAD has none
                status = send(client, new HttpGet(target), host, resolved);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            backendAnswered(walk, resolved, where, status, "HTTP " + status + " for " + (path.isEmpty() ? "/" : path), took);
        } catch (IOException | RuntimeException e) {
            backendFailed(walk, e, where, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Location ID and virtual host and port on premise, else the host. */
    private static String where(ResolvedDestination resolved) {
        boolean onPremiseHop = resolved.destination().isOnPremise() && !resolved.destination().viaTransparentProxy();
        return onPremiseHop ? "location ID '" + resolved.destination().locationId() + "', virtual host "
                + resolved.url().getHost() + ":" + port(resolved.url()) : resolved.url().getHost();
    }

    /** The backend answered with {@code status}: so the Cloud Connector let the request through. */
    /** The backend hop that got no answer: refused by the proxy or the Cloud Connector, or unreachable. */
    private static void backendFailed(Walk walk, Exception e, String where, Duration took) {
        if (e instanceof CloudConnectorException refused) {
            proxyRefused(walk, refused, where, took);
        } else if (e instanceof BtpConnectivityException) {
            walk.put(Hop.BACKEND, Outcome.FAILED, e.getMessage(), Cause.BACKEND_UNREACHABLE, took);
        } else {
            walk.put(Hop.BACKEND, Outcome.FAILED, "no answer from " + where + ": " + e, Cause.BACKEND_UNREACHABLE, took);
        }
    }

    private static void backendAnswered(Walk walk, ResolvedDestination resolved, String where, int status, String seen,
            Duration took) {
        backendAnswered(walk, resolved, where, status, seen, null, took);
    }

    /** @param refusal what the backend said when it refused the credentials, {@code null} for nothing more than the status */
    private static void backendAnswered(Walk walk, ResolvedDestination resolved, String where, int status, String seen,
            String refusal, Duration took) {
        if (resolved.destination().isOnPremise() && !resolved.destination().viaTransparentProxy()) {
            walk.put(Hop.CLOUD_CONNECTOR, Outcome.OK, "let the request through (" + where + ")", null, took);
        }
        if (status == 401 || status == 403) {
            walk.put(Hop.AUTHENTICATION, Outcome.FAILED, "the backend answered " + status + " to Authentication "
                    + resolved.destination().authentication() + (refusal == null ? "" : ": " + refusal),
                    Cause.BACKEND_REJECTED_CREDENTIALS, took);
            walk.put(Hop.BACKEND, Outcome.OK, (refusal == null ? seen : "HTTP " + status)
                    + " (it answers; the credentials are the problem)", null, took);
        } else if (status >= 500) {
            walk.put(Hop.BACKEND, Outcome.FAILED, seen, Cause.BACKEND_ERROR, took);
        } else {
            walk.put(Hop.BACKEND, Outcome.OK, seen, null, took);
        }
    }

    /** The Connectivity proxy or the Cloud Connector refused the request: the hop its status names. */
    private static void proxyRefused(Walk walk, CloudConnectorException e, String where, Duration took) {
        Cause cause = Cause.ofProxyStatus(e.status());
        if (cause.hop() == Hop.CONNECTIVITY_TOKEN) {
            walk.put(Hop.CONNECTIVITY_TOKEN, Outcome.FAILED, e.getMessage(), cause, took);
        } else {
            walk.put(cause.hop(), Outcome.FAILED, (e.status() == 0 ? "" : "status " + e.status() + ", " + where + ": ")
                    + e.getMessage(), cause, took);
        }
    }

    private static int send(DestinationHttpClient client, HttpUriRequestBase request, HttpHost host,
            ResolvedDestination resolved) throws IOException {
        HttpClientContext context = DestinationHttpClient.context(resolved, host);
        try (ClassicHttpResponse response = client.executeOpen(host, request, resolved, context)) {
            return response.getCode();
        }
    }

    /** The destination's URL plus the path and its URL.queries.* (sent, never shown: they may hold API keys). */
    private static URI target(ResolvedDestination resolved, String path) {
        String base = resolved.url().toString();
        String joined = path.isEmpty() ? base : (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + (path.startsWith("/") ? path : "/" + path);
        try {
            URIBuilder builder = new URIBuilder(joined);
            resolved.queryParameters().forEach(builder::addParameter);
            return builder.build();
        } catch (URISyntaxException e) {
            throw new DestinationConfigurationException(resolved.name(), DestinationProperty.URL,
                    "with path '" + path + "' is not a valid URL: " + e.getMessage());
        }
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** The backend hop of MAIL, LDAP and TCP; the SOCKS5 reply code tells the Cloud Connector's answer. */
    private void sockets(Walk walk, SocketDestination socket, BackendCheck check) {
        if (check == null) {
            walk.skip(Hop.BACKEND, "the engine alone speaks no " + socket.type() + "; diagnose through btp-destination");
            return;
        }
        long start = System.nanoTime();
        try {
            String seen = check.check(socket);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (socket.onPremise()) {
                walk.put(Hop.CLOUD_CONNECTOR, Outcome.OK, "SOCKS5 reply code 00 (location ID '"
                        + socket.destination().locationId() + "')", null, took);
            }
            walk.put(Hop.BACKEND, Outcome.OK, seen, null, took);
        } catch (IOException | RuntimeException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            var engine = CloudConnectorSocketException.engineFailure(e);
            if (engine.isPresent() && engine.get() instanceof CloudConnectorException cce) {
                String seen = (cce.status() == 0 ? "" : "SOCKS5 reply code " + String.format("%02X", cce.status())
                        + ", location ID '" + cce.locationId() + "': ") + cce.getMessage();
                Cause cause = Cause.ofSocksReply(cce.status());
                walk.put(cause.hop(), Outcome.FAILED, seen, cause, took);
            } else if (engine.isPresent() && engine.get() instanceof TokenException te) {
                walk.put(Hop.CONNECTIVITY_TOKEN, Outcome.FAILED, te.getMessage(), Cause.CONNECTIVITY_TOKEN_FAILED, took);
            } else if (engine.isPresent()) {
                walk.put(Hop.BACKEND, Outcome.FAILED, engine.get().getMessage(), Cause.BACKEND_ERROR, took);
            } else {
                walk.put(Hop.BACKEND, Outcome.FAILED, String.valueOf(e.getMessage()), Cause.BACKEND_UNREACHABLE, took);
            }
        }
    }

    private static String describe(Destination destination) {
        return "from " + destination.source() + "; Type " + destination.type() + ", " + route(destination);
    }

    /** Proxy type, location ID and URL (without its query, which may hold API keys). */
    private static String route(Destination destination) {
        StringBuilder seen = new StringBuilder("ProxyType ").append(destination.proxyType());
        if (destination.isOnPremise()) {
            seen.append(", location ID '").append(destination.locationId()).append('\'');
        }
        destination.property(DestinationProperty.URL).ifPresent(url -> seen.append(", URL ").append(withoutQuery(url)));
        return seen.toString();
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    private static Cause lookupCause(BtpConnectivityException e) {
        if (e instanceof DestinationNotFoundException) {
            return Cause.DESTINATION_NOT_FOUND;
        }
        if (e instanceof DestinationServiceException s) {
            return s.status() == 401 || s.status() == 403 ? Cause.DESTINATION_SERVICE_REFUSED
                    : s.status() == 404 ? Cause.DESTINATION_NOT_FOUND : Cause.DESTINATION_SERVICE_UNAVAILABLE;
        }
        if (e instanceof TokenException) {
            return Cause.SERVICE_TOKEN_UNAVAILABLE;
        }
        return Cause.DESTINATION_INVALID;
    }

    /** The cause of a failure while checking {@code hop}. */
    private static Cause causeOf(Hop hop, BtpConnectivityException e) {
        return switch (hop) {
            case SERVICE_TOKEN -> e instanceof TokenException t && (String.valueOf(t.errorCode()).contains("invalid_client")
                    || e.getMessage().contains("401")) ? Cause.SERVICE_TOKEN_REJECTED : Cause.SERVICE_TOKEN_UNAVAILABLE;
            case CONNECTIVITY_TOKEN -> Cause.CONNECTIVITY_TOKEN_FAILED;
            case AUTHENTICATION -> {
                if (e instanceof DestinationConfigurationException c) {
                    yield DESTINATION_PROPERTIES.contains(c.property()) ? Cause.DESTINATION_INVALID : Cause.AUTHENTICATION_INVALID;
                }
                yield e instanceof TokenException ? Cause.DESTINATION_TOKEN_FAILED : Cause.AUTHENTICATION_INVALID;
            }
            default -> null;
        };
    }

    /** The steps seen so far, by hop; every hop not reached is SKIPPED. */
    private static final class Walk {

        private final Map<Hop, Step> steps = new EnumMap<>(Hop.class);

        @FunctionalInterface
        interface Check {
            String run() throws IOException;
        }

        void put(Hop hop, Outcome outcome, String seen, Cause cause, Duration took) {
            steps.put(hop, new Step(hop, outcome, seen, cause, took));
        }

        void putIfAbsent(Hop hop, Outcome outcome, String seen, Cause cause, Duration took) {
            steps.putIfAbsent(hop, new Step(hop, outcome, seen, cause, took));
        }

        void ok(Hop hop, String seen) {
            put(hop, Outcome.OK, seen, null, Duration.ZERO);
        }

        void skip(Hop hop, String why) {
            put(hop, Outcome.SKIPPED, why, null, Duration.ZERO);
        }

        void fail(Hop hop, String seen, Cause cause) {
            put(hop, Outcome.FAILED, seen, cause, Duration.ZERO);
        }

        /** Runs one hop's check; a failure of the engine becomes the hop's FAILED step, never an exception. */
        void time(Check check, Hop hop) {
            long start = System.nanoTime();
            try {
                String seen = check.run();
                put(hop, Outcome.OK, seen, null, Duration.ofNanos(System.nanoTime() - start));
            } catch (BtpConnectivityException e) {
                Cause cause = causeOf(hop, e);
                Hop at = cause == null ? hop : cause.hop();
                put(at, Outcome.FAILED, e.getMessage(), cause, Duration.ofNanos(System.nanoTime() - start));
            } catch (IOException e) {
                put(hop, Outcome.FAILED, e.toString(), hop == Hop.PROXY ? Cause.PROXY_UNREACHABLE : null,
                        Duration.ofNanos(System.nanoTime() - start));
            } catch (RuntimeException e) {
                // a defect, not a hop's failure; the diagnosis still answers
                put(hop, Outcome.FAILED, e.toString(), null, Duration.ofNanos(System.nanoTime() - start));
            }
        }

        boolean failed() {
            return steps.values().stream().anyMatch(s -> s.outcome() == Outcome.FAILED);
        }

        DiagnosisReport report(String name, String path) {
            int firstFailed = steps.values().stream().filter(s -> s.outcome() == Outcome.FAILED)
                    .mapToInt(s -> s.hop().ordinal()).min().orElse(Integer.MAX_VALUE);
            java.util.List<Step> all = new java.util.ArrayList<>();
            for (Hop hop : Hop.values()) {
                all.add(steps.getOrDefault(hop, new Step(hop, Outcome.SKIPPED,
                        hop.ordinal() > firstFailed ? "not reached" : "does not apply", null, Duration.ZERO)));
            }
            return new DiagnosisReport(name, path, all);
        }
    }
}
