package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.SocketDestination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.destination.ldap.LdapClient;
import io.github.camelbtp.destination.ldap.LdapOperation;
import io.github.camelbtp.destination.mail.MailSender;
import io.github.camelbtp.destination.tcp.TcpClient;
import io.github.camelbtp.destination.tcp.TcpFraming;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.service.ServiceHelper;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Map;

/**
 * The transports of the destination types that are not HTTP: MAIL (camel-mail), LDAP (UnboundID) and TCP, all on
 * the socket factory the engine resolves ({@link BtpConnectivity#resolveAny}), so OnPremise destinations travel
 * through the Connectivity Service's SOCKS5 proxy and the Cloud Connector. One instance per component: LDAP pools
 * and idle TCP connections are shared by all endpoints.
 */
final class SocketTransports implements AutoCloseable {

    private final MailSender mail;
    private final LdapClient ldap;
    private final TcpClient tcp;

    SocketTransports(CamelContext context, int ldapMaxConnections, int tcpMaxIdleConnections) {
        this.mail = new MailSender(context);
        this.ldap = new LdapClient(ldapMaxConnections);
        this.tcp = new TcpClient(tcpMaxIdleConnections);
        ServiceHelper.startService(mail);
    }

    /**
     * Sends the exchange to a MAIL, LDAP or TCP destination, resolved by the producer for the request's tenant and user
     * as HTTP ones are ({@link BtpConnectivity#resolveAny}).
     */
    void process(Exchange exchange, BtpDestinationEndpoint endpoint, SocketDestination resolved) throws Exception {
        rejectHttpOnlyParts(endpoint, resolved);
        switch (resolved.type()) {
            case MAIL -> mail.send(exchange, resolved);
            case LDAP -> exchange.getMessage().setBody(ldap.execute(resolved, ldapRequest(exchange.getIn(), endpoint)));
            case TCP -> tcp(exchange, endpoint, resolved);
            default -> throw new DestinationConfigurationException(resolved.name(), DestinationProperty.TYPE, "is '"
                    + resolved.type() + "', which btp-destination does not carry on sockets.");
        }
        exchange.getMessage().setHeader(BtpDestinationConstants.RESOLVED_DESTINATION, resolved.name());
    }

    /**
     * A path or query parameters only mean something for HTTP destinations; for the others they are most likely a
     * mistyped option, which must not be ignored silently.
     */
    static void rejectHttpOnlyParts(BtpDestinationEndpoint endpoint, SocketDestination resolved) {
        io.github.camelbtp.connectivity.destination.DestinationType type = resolved.type();
        if (endpoint.getTargetQuery() != null && !endpoint.getTargetQuery().isEmpty()) {
            throw new BtpConnectivityException(resolved.name(), "btp-destination:" + resolved.name() + ": '"
                    + endpoint.getTargetQuery() + "' are no options of btp-destination, and query parameters are passed"
                    + " on only to HTTP destinations; '" + resolved.name() + "' is of type " + type + ". Check the option"
                    + " names (see docs/mail-ldap-tcp.md).");
        }
        if (endpoint.getPath() != null && !endpoint.getPath().isEmpty()) {
            throw new BtpConnectivityException(resolved.name(), "btp-destination:" + resolved.name() + "/"
                    + endpoint.getPath() + ": a path is only meaningful for HTTP destinations; '" + resolved.name()
                    + "' is of type " + type + ". Remove the path.");
        }
    }

    private static LdapClient.Request ldapRequest(Message in, BtpDestinationEndpoint endpoint) {
        LdapOperation operation = in.getHeader(BtpDestinationConstants.LDAP_OPERATION, LdapOperation.class);
        String attributes = in.getHeader(BtpDestinationConstants.LDAP_ATTRIBUTES, endpoint.getLdap().getLdapAttributes(), String.class);
        Map<?, ?> values = in.getHeader(BtpDestinationConstants.LDAP_FILTER_VALUES, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, ?> filterValues = (Map<String, ?>) values;
        return new LdapClient.Request(operation != null ? operation : endpoint.getLdap().getLdapOperation(),
                in.getHeader(BtpDestinationConstants.LDAP_DN, endpoint.getLdap().getLdapDn(), String.class),
                in.getHeader(BtpDestinationConstants.LDAP_BASE_DN, endpoint.getLdap().getLdapBaseDn(), String.class),
                in.getHeader(BtpDestinationConstants.LDAP_SCOPE, endpoint.getLdap().getLdapScope(), String.class),
                in.getHeader(BtpDestinationConstants.LDAP_FILTER, endpoint.getLdap().getLdapFilter(), String.class),
                filterValues,
                attributes == null || attributes.isBlank() ? null
                        : Arrays.stream(attributes.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList(),
                endpoint.getLdap().getLdapSizeLimit(), endpoint.getLdap().getLdapPageSize(), in.getBody());
    }

    private void tcp(Exchange exchange, BtpDestinationEndpoint endpoint, SocketDestination resolved) throws Exception {
        Charset charset = Charset.forName(endpoint.getTcp().getTcpCharset());
        Object body = exchange.getIn().getBody();
        byte[] request = body == null ? new byte[0] : body instanceof String text ? text.getBytes(charset)
                : exchange.getIn().getMandatoryBody(byte[].class);
        TcpFraming kind = endpoint.getTcp().getTcpFraming();
        byte[] delimiter = null;
        if (kind == TcpFraming.delimiter) {
            if (endpoint.getTcp().getTcpDelimiter() == null || endpoint.getTcp().getTcpDelimiter().isEmpty()) {
                throw new BtpConnectivityException(resolved.name(), "btp-destination:" + resolved.name()
                        + ": tcpFraming=delimiter needs the option tcpDelimiter.");
            }
            delimiter = endpoint.getTcp().getTcpDelimiter().getBytes(charset);
        }
        if (kind == TcpFraming.fixedLength && endpoint.getTcp().getTcpLength() <= 0) {
            throw new BtpConnectivityException(resolved.name(), "btp-destination:" + resolved.name()
                    + ": tcpFraming=fixedLength needs the option tcpLength > 0.");
        }
        byte[] reply = tcp.exchange(resolved, request,
                new TcpClient.Framing(kind, delimiter, endpoint.getTcp().getTcpLength(), endpoint.getTcp().getTcpMaxReplyBytes()));
        exchange.getMessage().setBody(kind == TcpFraming.line || kind == TcpFraming.delimiter
                ? new String(reply, charset) : reply);
    }

    @Override
    public void close() {
        ServiceHelper.stopService(mail);
        ldap.close();
        tcp.close();
    }
}
