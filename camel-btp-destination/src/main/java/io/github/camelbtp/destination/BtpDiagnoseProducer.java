package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.DiagnosisReport;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code operation=diagnose}: instead of sending the exchange, walks the hops of the destination
 * ({@link io.github.camelbtp.connectivity.BtpConnectivity#diagnose}) and answers with the {@link DiagnosisReport} as
 * the body (a table as {@code String}, {@link DiagnosisReport#toMap()} for programs) and the first failed hop in
 * {@link BtpDestinationConstants#DIAGNOSIS_FAILED_HOP}. Never throws for a failed hop. The backend hop is a HEAD (GET
 * when HEAD gets 405) to the destination's URL plus the endpoint path and {@code CamelHttpPath}; MAIL, LDAP and TCP
 * destinations get {@link SocketBackendCheck}.
 */
final class BtpDiagnoseProducer extends DefaultProducer {

    private final SocketBackendCheck sockets = new SocketBackendCheck();

    BtpDiagnoseProducer(BtpDestinationEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public BtpDestinationEndpoint getEndpoint() {
        return (BtpDestinationEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        BtpDestinationEndpoint endpoint = getEndpoint();
        Message in = exchange.getIn();
        String name = endpoint.getDestinationName();
        String fromHeader = in.getHeader(BtpDestinationConstants.DESTINATION_NAME, String.class);
        if (endpoint.getLookup().isDestinationFromHeader() && fromHeader != null && !fromHeader.isBlank()) {
            name = fromHeader;
        }
        DiagnosisReport report = endpoint.getComponent().connectivity().diagnose(name,
                path(endpoint.getPath(), in.getHeader(BtpDestinationConstants.HTTP_PATH, String.class)),
                RequestOptions.of(endpoint, in).options(), sockets);
        in.setBody(report);
        report.failedHop().ifPresentOrElse(hop -> in.setHeader(BtpDestinationConstants.DIAGNOSIS_FAILED_HOP, hop.toString()),
                () -> in.removeHeader(BtpDestinationConstants.DIAGNOSIS_FAILED_HOP));
    }

    private static String path(String endpointPath, String headerPath) {
        String path = endpointPath == null ? "" : endpointPath.startsWith("/") ? endpointPath : "/" + endpointPath;
        if (headerPath != null && !headerPath.isBlank()) {
            path = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path)
                    + (headerPath.startsWith("/") ? headerPath : "/" + headerPath);
        }
        return path.equals("/") ? "" : path;
    }
}
