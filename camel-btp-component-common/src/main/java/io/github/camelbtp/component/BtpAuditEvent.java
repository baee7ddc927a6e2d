package io.github.camelbtp.component;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;

import java.util.Collections;
import java.util.EventObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A security- or availability-relevant moment, as a Camel event an application can subscribe to (an
 * {@link org.apache.camel.spi.EventNotifier} added to the CamelContext's management strategy receives it; its
 * {@link #getType()} is {@link CamelEvent.Type#Custom}). The same facts are logged as one line by the logger
 * {@value BtpAudit#LOGGER}. Never holds a secret: names, hosts, codes and the engine's messages, which name no
 * password, token or key.
 */
public final class BtpAuditEvent extends EventObject implements CamelEvent {

    /** What happened; {@link #tag()} is the {@code event=} value of the log line. */
    public enum Kind {
        /** The Connectivity proxy or the Cloud Connector refused or could not carry a request. */
        CLOUD_CONNECTOR_DENIAL("cloud_connector_denial"),
        /** A token service refused or failed to issue a token. */
        TOKEN_FAILURE("token_failure"),
        /** A target answered 401 to the destination's credentials. */
        CREDENTIALS_REJECTED("credentials_rejected"),
        /** An expired destination was served from the cache because the Destination Service failed or was slow. */
        STALE_SERVE("stale_serve");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final transient Kind kind;
    private final transient Map<String, String> fields;
    private long timestamp;

    BtpAuditEvent(CamelContext context, Kind kind, Map<String, String> fields) {
        super(context);
        this.kind = kind;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Kind kind() {
        return kind;
    }

    /** The destination concerned, {@code null} for a service binding's own token. */
    public String destination() {
        return fields.get("destination");
    }

    /** Every field of the log line but {@code event}, by its stable name ({@code destination}, {@code code} …). */
    public Map<String, String> fields() {
        return fields;
    }

    @Override
    public Type getType() {
        return Type.Custom;
    }

    @Override
    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public String toString() {
        return "BtpAuditEvent[" + kind.tag() + " " + fields + "]";
    }
}
