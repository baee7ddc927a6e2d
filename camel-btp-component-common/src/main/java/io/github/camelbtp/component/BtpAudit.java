package io.github.camelbtp.component;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.LookupResult;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.TokenSource;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit trail: one line per Cloud Connector denial, token failure, rejected credential and stale serve, logged by
 * {@value #LOGGER} at INFO as {@code key=value} pairs with stable names (values with spaces or quotes in double quotes),
 * and the same facts as a {@link BtpAuditEvent} for the CamelContext's event notifiers. Every value comes from the
 * engine's names, codes and messages, which never carry a secret.
 */
final class BtpAudit implements BtpObserver {

    /** The audit logger's name: route it to its own appender to keep an audit file. */
    static final String LOGGER = "io.github.camelbtp.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final CamelContext context;

    BtpAudit(CamelContext context) {
        this.context = context;
    }

    @Override
    public void destinationLookup(String destination, String tenant, LookupResult result) {
        if (result == LookupResult.STALE) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("destination", destination);
            put(fields, "tenant", tenant);
            record(BtpAuditEvent.Kind.STALE_SERVE, fields);
        }
    }

    @Override
    public void tokenRequest(TokenSource source, String destination, BtpConnectivityException failure) {
        if (failure == null) {
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("source", source.tag());
        put(fields, "destination", destination);
        if (failure instanceof TokenException te) {
            put(fields, "host", te.tokenServiceHost());
            put(fields, "code", te.errorCode());
        } else if (failure instanceof CloudConnectorException ce) {
            put(fields, "location", ce.locationId());
            fields.put("code", String.valueOf(ce.status()));
        }
        put(fields, "message", failure.getMessage());
        record(BtpAuditEvent.Kind.TOKEN_FAILURE, fields);
    }

    @Override
    public void credentialsRejected(String destination, String authentication, boolean dropped) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("destination", destination);
        fields.put("authentication", authentication);
        fields.put("status", "401");
        fields.put("credentials_dropped", String.valueOf(dropped));
        record(BtpAuditEvent.Kind.CREDENTIALS_REJECTED, fields);
    }

    @Override
    public void cloudConnectorError(CloudConnectorException error) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "destination", error.destinationName());
        fields.put("location", error.locationId() == null ? "" : error.locationId());
        fields.put("code", String.valueOf(error.status()));
        put(fields, "message", error.getMessage());
        record(BtpAuditEvent.Kind.CLOUD_CONNECTOR_DENIAL, fields);
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    private void record(BtpAuditEvent.Kind kind, Map<String, String> fields) {
        if (LOG.isInfoEnabled()) {
            StringBuilder line = new StringBuilder("event=").append(kind.tag());
            fields.forEach((k, v) -> line.append(' ').append(k).append('=').append(quoted(v)));
            LOG.info(line.toString());
        }
        try {
            context.getManagementStrategy().notify(new BtpAuditEvent(context, kind, fields));
        } catch (Exception e) {
            LOG.debug("An event notifier failed on a camel-btp audit event", e);
        }
    }

    /** Values with spaces, quotes or line breaks in double quotes, so a line is one record that parses back. */
    static String quoted(String value) {
        if (!value.isEmpty() && value.chars().noneMatch(c -> c == ' ' || c == '"' || c == '=' || c < 0x20)) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
    }
}
