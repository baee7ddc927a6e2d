package io.github.camelbtp.rfc;

import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.breaker.DestinationCircuitBreakers;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.rfc.spi.RfcCall;
import io.github.camelbtp.rfc.spi.RfcSession;
import io.github.camelbtp.rfc.spi.RfcTarget;
import io.github.camelbtp.rfc.spi.RfcTransport;
import io.github.camelbtp.component.ObservedRequest;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.destination.DestinationType;
import io.github.camelbtp.rfc.soap.SoapRfcAddress;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

import java.util.List;
import java.util.Map;

/**
 * Calls the endpoint's function module for each exchange: body in → parameters, answer → body. With
 * {@code commit=true} the call and {@code BAPI_TRANSACTION_COMMIT} share one stateful session (rolled back on error),
 * which belongs to this exchange alone.
 */
public class BtpRfcProducer extends DefaultProducer {

    static final String COMMIT = "BAPI_TRANSACTION_COMMIT";
    static final String ROLLBACK = "BAPI_TRANSACTION_ROLLBACK";

    public BtpRfcProducer(BtpRfcEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // configuration mistakes surface when the route starts, not with the first message
        getEndpoint().getComponent().transport(getEndpoint().getTransport());
        String format = getEndpoint().getOutputFormat();
        if (!"map".equalsIgnoreCase(format) && !"json".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException("btp-rfc:" + getEndpoint().getFunctionName() + ": outputFormat is '"
                    + format + "'; use map (default) or json");
        }
    }

    @Override
    public BtpRfcEndpoint getEndpoint() {
        return (BtpRfcEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        // metrics and audit (BtpObservation), as btp-destination reports its exchanges: timed from lookup to answer
        long start = System.nanoTime();
        // a previous call of this exchange must not describe this one if its lookup fails
        exchange.removeProperty(ObservedRequest.PROPERTY);
        Throwable thrown = null;
        try {
            call(exchange);
        } catch (Exception | Error e) {
            thrown = e;
            throw e;
        } finally {
            getEndpoint().getComponent().observation().exchangeDone(exchange, getEndpoint().getDestination(), thrown,
                    System.nanoTime() - start);
        }
    }

    private void call(Exchange exchange) throws Exception {
        BtpRfcEndpoint endpoint = getEndpoint();
        BtpRfcComponent component = endpoint.getComponent();
        String function = endpoint.getFunctionName();
        DestinationOptions options = endpoint.options(exchange.getIn());
        Destination destination = component.connectivity().destination(endpoint.getDestination(), options);
        exchange.setProperty(ObservedRequest.PROPERTY, observed(destination, options));
        RfcTarget target = new RfcTarget(destination, options, endpoint.getSoapUrl());
        RfcTransport transport = component.transport(endpoint.getTransport());
        Map<String, Object> input = RfcBody.input(exchange, destination.name(), function);
        Map<String, Object> output;
        List<Map<String, Object>> messages;
        // the destination's circuit breaker (engine option circuitBreaker, off by default), as btp-destination enters
        // it: after the lookup, so "not found" never counts, and before anything is sent, so an open breaker sends
        // nothing; ABAP exceptions and BAPI errors are answers and do not count, transport failures and 5xx do
        DestinationCircuitBreakers.Call breaker = component.connectivity().circuitBreakers().enter(destination.name(),
                options.tenant());
        try (CallLimits.Permit permit = component.callLimits().acquire(destination, function)) {
            FunctionInterface functionInterface = endpoint.isMetadata() ? component.describe(transport, target, function) : null;
            RfcCall call = new RfcCall(function, input, functionInterface, endpoint.outputTableSet(),
                    endpoint.booleanFieldSet());
            if (endpoint.isCommit()) {
                output = callAndCommit(transport, target, call);
                messages = BapiReturn.messages(output);
            } else {
                try (RfcSession session = transport.openSession(target, false)) {
                    output = session.call(call, true);
                }
                messages = BapiReturn.messages(output);
                if (endpoint.isCheckReturn()) {
                    BapiReturn.check(destination.name(), function, messages);
                }
            }
        } catch (RfcHttpStatusException e) {
            breaker.answered(e.status());
            throw e;
        } catch (Exception | Error e) {
            breaker.failed(e);
            throw e;
        }
        breaker.succeeded();
        exchange.getMessage().setBody("json".equalsIgnoreCase(endpoint.getOutputFormat()) ? RfcBody.json(output) : output);
        exchange.getMessage().setHeader(BtpRfcConstants.FUNCTION, function);
        exchange.getMessage().setHeader(BtpRfcConstants.DESTINATION, destination.name());
        if (endpoint.isCheckReturn() || endpoint.isCommit()) {
            exchange.getMessage().setHeader(BtpRfcConstants.RETURN_MESSAGES, messages);
        }
    }

    /**
     * The BAPI programming model: changes of a BAPI are saved by {@code BAPI_TRANSACTION_COMMIT} in the same user
     * context, or discarded by {@code BAPI_TRANSACTION_ROLLBACK}.
     */
    private Map<String, Object> callAndCommit(RfcTransport transport, RfcTarget target, RfcCall call) {
        try (RfcSession session = transport.openSession(target, true)) {
            Map<String, Object> output;
            try {
                output = session.call(call, false);
                BapiReturn.check(target.name(), call.function(), BapiReturn.messages(output));
            } catch (RuntimeException e) {
                if (session.isOpen()) {
                    try {
                        session.call(new RfcCall(ROLLBACK, Map.of(), null, null, null), true);
                    } catch (RuntimeException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                }
                throw e;
            }
            Map<String, Object> committed = session.call(new RfcCall(COMMIT,
                    getEndpoint().isCommitWait() ? Map.of("WAIT", "X") : Map.of(), null, null, null), true);
            BapiReturn.check(target.name(), COMMIT, BapiReturn.messages(committed));
            return output;
        }
    }

    /**
     * The exchange's request as metrics show it: an RFC destination names its proxy type and location ID in
     * {@code jco.destination.proxy_type} and {@code jco.client.cloud_connector_location_id}
     * [rfc-destinations-238d027], an HTTP destination of the ICM in ProxyType and CloudConnectorLocationId.
     */
    private static ObservedRequest observed(Destination destination, DestinationOptions options) {
        if (destination.type() == DestinationType.RFC) {
            return ObservedRequest.of(destination, destination.property(SoapRfcAddress.PROXY_TYPE).orElse("Internet"),
                    destination.property(SoapRfcAddress.LOCATION_ID).orElse(""), options.tenant());
        }
        return ObservedRequest.of(destination, destination.property(DestinationProperty.PROXY_TYPE).orElse("Internet"),
                destination.locationId(), options.tenant());
    }
}
