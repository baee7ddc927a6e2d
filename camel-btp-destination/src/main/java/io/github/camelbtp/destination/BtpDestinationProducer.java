package io.github.camelbtp.destination;

import io.github.camelbtp.component.ObservedRequest;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.Resolved;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.connectivity.breaker.DestinationCircuitBreakers;
import io.github.camelbtp.destination.http.BtpHttpProducer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpConstants;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the destination for each exchange (a cache hit in the common case) and hands the exchange to the
 * transport for its {@code Type}. HTTP: camel-http's producer, told the exact URL to call.
 */
public class BtpDestinationProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(BtpDestinationProducer.class);

    /** Headers that camel-http would use to choose the URL: the producer sets the URL itself and restores these after. */
    private static final String[] URL_HEADERS = { HttpConstants.HTTP_URI, HttpConstants.HTTP_PATH, HttpConstants.HTTP_QUERY,
            HttpConstants.HTTP_RAW_QUERY, HttpConstants.REST_HTTP_URI, HttpConstants.REST_HTTP_QUERY };

    private final BtpHttpProducer http;
    private final RequestOptions.Reader requestOptions;

    public BtpDestinationProducer(BtpDestinationEndpoint endpoint, BtpHttpProducer http) {
        super(endpoint);
        this.http = http;
        this.requestOptions = new RequestOptions.Reader(endpoint);
    }

    @Override
    public BtpDestinationEndpoint getEndpoint() {
        return (BtpDestinationEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        // metrics and audit (BtpObservation): the whole exchange is timed, from lookup to answer
        long start = System.nanoTime();
        // a previous btp-destination call of this exchange must not describe this one if its lookup fails
        exchange.removeProperty(ObservedRequest.PROPERTY);
        String name = destinationName(exchange);
        Throwable thrown = null;
        try {
            send(exchange, name);
        } catch (Exception | Error e) {
            thrown = e;
            throw e;
        } finally {
            getEndpoint().getComponent().observation().exchangeDone(exchange, name, thrown, System.nanoTime() - start);
        }
    }

    private void send(Exchange exchange, String name) throws Exception {
        BtpDestinationEndpoint endpoint = getEndpoint();
        RequestOptions request = requestOptions.read(exchange.getIn());
        // one resolution per exchange, with the request's tenant, user, fragment and chain; the engine says clearly
        // when a type (RFC) belongs to another component
        Resolved found = endpoint.getLookup().getTenantStrategy().resolveAny(endpoint.getComponent().connectivity(), name,
                request.options());
        exchange.setProperty(ObservedRequest.PROPERTY, ObservedRequest.of(found, request.options().tenant()));
        // the destination's circuit breaker (engine option circuitBreaker, off by default): entered after the lookup,
        // so "not found" never counts, and before anything is sent, so an open breaker sends nothing
        DestinationCircuitBreakers.Call call = endpoint.getComponent().connectivity().circuitBreakers()
                .enter(found.name(), request.options().tenant());
        try {
            if (found instanceof SocketDestination socket) {
                // MAIL, LDAP and TCP travel on sockets (SOCKS5 through the Cloud Connector for OnPremise)
                endpoint.getComponent().socketTransports().process(exchange, endpoint, socket);
                call.succeeded();
                return;
            }
            sendHttp(exchange, endpoint, (ResolvedDestination) found, request);
            if (exchange.getException() instanceof HttpOperationFailedException failed) {
                call.answered(failed.getStatusCode());
            } else if (exchange.getException() != null) {
                call.failed(exchange.getException());
            } else {
                call.answered(exchange.getMessage().getHeader(HttpConstants.HTTP_RESPONSE_CODE, 200, Integer.class));
            }
        } catch (HttpOperationFailedException e) {
            call.answered(e.getStatusCode());
            throw e;
        } catch (Exception | Error e) {
            call.failed(e);
            throw e;
        }
    }

    private void sendHttp(Exchange exchange, BtpDestinationEndpoint endpoint, ResolvedDestination destination,
            RequestOptions request) throws Exception {
        ResolvedDestination resolved = endpoint.getHttp().isSapSystemHeaders() ? destination
                : destination.withoutSapSystemHeaders();
        // the request's tokens are inputs of the lookup, not part of the call: the destination decides what the
        // target receives, so they are taken off the message for the call and put back afterwards
        Map<String, Object> credentials = request.removeCredentialHeaders(exchange.getIn());
        try {
            processHttp(exchange, resolved, request);
        } finally {
            credentials.forEach(exchange.getIn()::setHeader);
        }
    }

    /**
     * A 401 of the target: the engine drops the destination's cached credentials so the next request gets fresh ones.
     *
     * @return whether cached credentials were dropped
     */
    private boolean credentialsRejectedOn(int status, ResolvedDestination resolved, DestinationOptions options) {
        return status == 401 && getEndpoint().getComponent().connectivity().credentialsRejected(resolved, options);
    }

    private String destinationName(Exchange exchange) {
        String fromHeader = exchange.getIn().getHeader(BtpDestinationConstants.DESTINATION_NAME, String.class);
        if (fromHeader != null && !fromHeader.isBlank()) {
            if (getEndpoint().getLookup().isDestinationFromHeader()) {
                return fromHeader;
            }
            LOG.debug("Ignoring header {}: destinationFromHeader is off", BtpDestinationConstants.DESTINATION_NAME);
        }
        return getEndpoint().getDestinationName();
    }

    private void processHttp(Exchange exchange, ResolvedDestination resolved, RequestOptions request) throws Exception {
        DestinationOptions options = request.options();
        Message in = exchange.getIn();
        Map<String, Object> saved = new HashMap<>();
        for (String header : URL_HEADERS) {
            Object value = in.removeHeader(header);
            if (value != null) {
                saved.put(header, value);
            }
        }
        if (saved.containsKey(HttpConstants.HTTP_URI) || saved.containsKey(HttpConstants.REST_HTTP_URI)) {
            LOG.debug("Ignoring {}/{} for destination {}: only the destination decides the target",
                    HttpConstants.HTTP_URI, HttpConstants.REST_HTTP_URI, resolved.name());
        }
        // camel-http's precedence: the raw query header wins over the query header
        Object query = saved.containsKey(HttpConstants.HTTP_RAW_QUERY) ? saved.get(HttpConstants.HTTP_RAW_QUERY)
                : saved.get(HttpConstants.HTTP_QUERY);
        String headerQuery = exchange.getContext().getTypeConverter().convertTo(String.class, query);
        String headerPath = exchange.getContext().getTypeConverter().convertTo(String.class, saved.get(HttpConstants.HTTP_PATH));
        try {
            refuseHeaderInjection(in, resolved.name());
            exchange.setProperty(BtpHttpProducer.CALL_PROPERTY, new BtpHttpProducer.Call(resolved,
                    request.identityScope(resolved), getEndpoint().target(resolved, headerPath, headerQuery)));
            try {
                http.process(exchange);
            } catch (HttpOperationFailedException e) {
                boolean dropped = credentialsRejectedOn(e.getStatusCode(), resolved, options);
                if (e.getStatusCode() == 401) {
                    // still an HttpOperationFailedException, but one that says which destination and what to check
                    throw new TargetRejectedCredentialsException(e, resolved.name(), resolved.destination().authentication(),
                            dropped);
                }
                throw e;
            }
            credentialsRejectedOn(exchange.getMessage().getHeader(HttpConstants.HTTP_RESPONSE_CODE, 0, Integer.class),
                    resolved, options);
            exchange.getMessage().setHeader(BtpDestinationConstants.RESOLVED_DESTINATION, resolved.name());
        } finally {
            exchange.removeProperty(BtpHttpProducer.CALL_PROPERTY);
            saved.forEach(in::setHeader);
        }
    }

    /**
     * camel-http writes the message's header names as they are: a name with a line break or a colon would end the
     * header line and add headers (or a second request) of the sender's choosing. Such a name is never a real header,
     * so the exchange fails before anything is sent, naming it with its control characters escaped.
     */
    private static void refuseHeaderInjection(Message in, String destination) {
        for (String name : in.getHeaders().keySet()) {
            if (breaksHeaderLine(name)) {
                String shown = name.chars().limit(120).mapToObj(c -> c < 0x20 || c == 0x7f ? String.format("\\x%02X", c)
                        : String.valueOf((char) c)).collect(java.util.stream.Collectors.joining());
                throw new io.github.camelbtp.connectivity.BtpConnectivityException(destination, "Refused header '" + shown
                        + "' for destination '" + destination + "': a header name with a line break or a colon would"
                        + " add headers to the request. Remove the header from the message (removeHeaders) before"
                        + " btp-destination.");
            }
        }
    }

    private static boolean breaksHeaderLine(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c == ':') {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(http);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(http);
        super.doStop();
    }
}
