package io.github.camelbtp.connectivity.http;

import io.github.camelbtp.connectivity.TransparentProxyException;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Recognises the Transparent Proxy's own error answers among the answers a gateway request gets, and explains them
 * [error-response-headers-2b3a572]. Unlike the Connectivity proxy, SAP's Transparent Proxy marks its answers: they
 * carry {@code x-proxy-server: Transparent Proxy} and {@code x-error-origin}; only those become a
 * {@link TransparentProxyException}. A backend's own 4xx/5xx (no such header) stays the route's answer.
 * <p>
 * The internal code is read in both spellings: SAP's page names {@code x-internal-error-code}, SAP's Java SDK
 * ({@code TransparentProxy}) reads {@code x-error-internal-code}.
 */
public final class TransparentProxyAnswers {

    public static final String PROXY_SERVER = "x-proxy-server";
    public static final String ERROR_ORIGIN = "x-error-origin";
    public static final String ERROR_MESSAGE = "x-error-message";
    public static final String INTERNAL_CODE = "x-internal-error-code";
    public static final String INTERNAL_CODE_SDK = "x-error-internal-code";
    public static final String REQUEST_ID = "x-request-id";

    /** SAP's error messages are short; a longer value is cut so a hostile hop cannot flood logs. */
    private static final int MAX_MESSAGE = 300;

    private TransparentProxyAnswers() {
    }

    /**
     * @param name   the destination the request was for
     * @param status the HTTP status answered
     * @param header the answer's header values by name (case-insensitive), {@code null} when absent
     * @return the exception to raise, or empty when the answer is not the proxy's own error
     */
    public static Optional<TransparentProxyException> explain(String name, int status, UnaryOperator<String> header) {
        String server = header.apply(PROXY_SERVER);
        String origin = clean(header.apply(ERROR_ORIGIN));
        if (status < 400 || (origin == null && (server == null || !server.trim().equalsIgnoreCase("Transparent Proxy")))) {
            return Optional.empty();
        }
        String code = clean(header.apply(INTERNAL_CODE));
        if (code == null) {
            code = clean(header.apply(INTERNAL_CODE_SDK));
        }
        String requestId = clean(header.apply(REQUEST_ID));
        String said = clean(header.apply(ERROR_MESSAGE));
        String message = "SAP's Transparent Proxy answered " + status + " for destination '" + name + "' (origin: "
                + (origin == null ? "Transparent Proxy" : origin) + (requestId == null ? "" : ", request id " + requestId)
                + (code == null ? "" : ", internal code " + code) + ")" + (said == null ? "" : ": " + said) + ". "
                + advice(name, status, origin);
        return Optional.of(new TransparentProxyException(name, status, origin, requestId, code, message));
    }

    /** The documented cause and what to do, by status and origin [error-response-headers-2b3a572]. */
    private static String advice(String name, int status, String origin) {
        String from = origin == null ? "" : origin.toLowerCase(java.util.Locale.ROOT);
        if (status == 400) {
            return "A header the proxy needs is missing or invalid: X-Destination-Name (letters, digits, '_', '-', at"
                    + " most 200 characters), in shared mode exactly one of X-Tenant-Id / X-Tenant-Subdomain (the"
                    + " endpoint's tenant), the user's token for user flows. Check the route's tenant and user token options.";
        }
        if (status == 502 && from.contains("destination")) {
            return "The Destination Service has no destination '" + name + "' in that tenant: create it in the"
                    + " subaccount (or the tenant's subaccount), or correct the name.";
        }
        if (status == 500) {
            return "The proxy could not serve the tenant: check that the tenant subscribed to the application and that"
                    + " the proxy's Destination Service instance is set up for it (shared mode) — the proxy's log under"
                    + " the request id has the details.";
        }
        if (status == 401 || status == 403 || from.contains("xsuaa")) {
            return "The proxy could not obtain a token: check the tenant, the user's token (expired or of another"
                    + " tenant) and the destination's authentication in the cockpit.";
        }
        return "See the Transparent Proxy's log under the request id.";
    }

    private static String clean(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replaceAll("[\\r\\n\\t]+", " ");
        return v.length() > MAX_MESSAGE ? v.substring(0, MAX_MESSAGE) + "…" : v;
    }
}
