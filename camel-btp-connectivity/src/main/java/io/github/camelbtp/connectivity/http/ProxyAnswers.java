package io.github.camelbtp.connectivity.http;

import io.github.camelbtp.connectivity.Cause;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.ResolvedDestination;

import java.util.Optional;

/**
 * Recognises answers of the Connectivity proxy and the Cloud Connector among the answers an on-premise request gets,
 * and explains them [consuming-the-connectivity-service-313b215, configure-access-control-http-e7d4927].
 * <p>
 * SAP documents the statuses, not a marker that tells the proxy's answer from the backend's, so:
 * 407 is always the proxy's (a backend behind the proxy cannot ask for proxy credentials); 503 is taken as the
 * proxy's ("no Cloud Connector"); 431 as the proxy's (it enforces SAP's 8192-byte line limit before any backend sees
 * the request); 405 only without an {@code Allow} header (an origin server must send one with 405,
 * RFC 9110 §15.5.6, the proxy's refusal of https does not); 403 only with the Cloud Connector's body
 * "Access denied to system …".
 */
public final class ProxyAnswers {

    private ProxyAnswers() {
    }

    /**
     * @param status    the HTTP status answered
     * @param allow     the {@code Allow} header, or {@code null}
     * @param bodyStart the first characters of the body (a few hundred are enough), or {@code null}
     * @return the exception to raise, or empty when this is the backend's own answer
     */
    public static Optional<CloudConnectorException> explain(ResolvedDestination resolved, int status, String allow, String bodyStart) {
        if (!resolved.destination().isOnPremise()) {
            return Optional.empty();
        }
        return explain(resolved.destination().name(), resolved.destination().locationId(), status, allow, bodyStart);
    }

    /**
     * As {@link #explain(ResolvedDestination, int, String, String)} for any request that went through the Connectivity
     * proxy on behalf of destination {@code name} (also its token request, {@code tokenServiceURL.ProxyType=OnPremise}).
     */
    public static Optional<CloudConnectorException> explain(String name, String location, int status, String allow,
            String bodyStart) {
        String where = location.isEmpty() ? "the Cloud Connector without location ID" : "the Cloud Connector with location ID '" + location + "'";
        String body = bodyStart == null ? "" : bodyStart.strip();
        // what was seen (status, destination, location, the Cloud Connector's words), then SAP's cause and the fix
        // from the one table of causes (Cause), which the diagnosis and docs/troubleshooting.md print too
        String seen = switch (status) {
            case 407 -> "The Connectivity proxy rejected the request for destination '" + name + "' (" + where + ") with"
                    + " 407 Proxy Authentication Required.";
            case 503 -> "The Connectivity proxy answered 503 Service Unavailable for destination '" + name + "': no"
                    + " connected Cloud Connector for this subaccount matches " + where + ".";
            // SAP: "request line and each header at most 8192 bytes" [consuming-the-connectivity-service-313b215]
            case 431 -> "The Connectivity proxy answered 431 Request Header Fields Too Large for destination '" + name
                    + "' (" + where + ").";
            case 405 -> allow != null ? null : "The Connectivity proxy answered 405 Method Not Allowed for destination '"
                    + name + "' (" + where + ").";
            case 403 -> body.startsWith("Access denied to system") ? "The Cloud Connector (" + where + ") denied the"
                    + " request for destination '" + name + "' with 403: " + firstLine(body) + "." : null;
            default -> null;
        };
        String message = seen == null ? null : seen + " " + Cause.ofProxyStatus(status).causeAndFix();
        return Optional.ofNullable(message).map(m -> new CloudConnectorException(name, location, status, m));
    }

    private static String firstLine(String body) {
        int nl = body.indexOf('\n');
        String line = nl < 0 ? body : body.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
