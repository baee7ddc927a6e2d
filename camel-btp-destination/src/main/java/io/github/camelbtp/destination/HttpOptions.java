package io.github.camelbtp.destination;

import org.apache.camel.http.common.HttpMethods;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a btp-destination endpoint that shape calls of HTTP destinations, named as in camel-http where
 * camel-http has them.
 * The options keep their flat names in the endpoint URI; the group only keeps the endpoint class small.
 */
@UriParams
public class HttpOptions {

    @UriParam(label = "producer", description = "The HTTP method to use. By default GET, or POST when the message has"
            + " a body; the CamelHttpMethod header overrides both, as in camel-http.")
    private HttpMethods httpMethod;

    @UriParam(label = "producer", defaultValue = "true", description = "Follow SAP's CSRF protocol for modifying"
            + " requests (POST, PUT, PATCH, DELETE, MERGE): when the server answers 403 with 'x-csrf-token: Required', a"
            + " token is fetched with 'x-csrf-token: Fetch' (keeping the session cookies) and the request is sent once"
            + " more. The token is kept per destination. Turn off for servers that do not use SAP's protocol.")
    private boolean csrfProtection = true;

    @UriParam(label = "producer,advanced", defaultValue = "false", description = "Never send an HTTP request a second"
            + " time (camel-http's option of that name). By default only idempotent requests (GET, HEAD, OPTIONS, PUT,"
            + " DELETE, TRACE) are sent once more, and only when the connection failed before any answer (refused, reset,"
            + " a pooled connection found closed) or after a 503 with a Retry-After of at most 5 seconds that ends before"
            + " the exchange's deadline; POST, PATCH and MERGE are never sent twice.")
    private boolean automaticRetriesDisabled;

    @UriParam(label = "producer", defaultValue = "true", description = "Send the destination's sap-client and"
            + " sap-language properties as the sap-client / sap-language request headers, as SAP's SDKs do: without them"
            + " an SAP system runs the request in its default client. URL.headers.* entries of those names are sent"
            + " either way. Turn off for a server that must not see them.")
    private boolean sapSystemHeaders = true;

    @UriParam(label = "producer", defaultValue = "true", description = "Throw an HttpOperationFailedException when"
            + " the answer's status is outside okStatusCodeRange, as camel-http does. When false, every answer is"
            + " returned as the message.")
    private boolean throwExceptionOnFailure = true;

    @UriParam(label = "producer", defaultValue = "200-299", description = "The statuses considered a success, as in camel-http.")
    private String okStatusCodeRange = "200-299";

    public HttpMethods getHttpMethod() {
        return httpMethod;
    }

    public void setHttpMethod(HttpMethods httpMethod) {
        this.httpMethod = httpMethod;
    }

    public boolean isCsrfProtection() {
        return csrfProtection;
    }

    public void setCsrfProtection(boolean csrfProtection) {
        this.csrfProtection = csrfProtection;
    }

    public boolean isAutomaticRetriesDisabled() {
        return automaticRetriesDisabled;
    }

    public void setAutomaticRetriesDisabled(boolean automaticRetriesDisabled) {
        this.automaticRetriesDisabled = automaticRetriesDisabled;
    }

    public boolean isSapSystemHeaders() {
        return sapSystemHeaders;
    }

    public void setSapSystemHeaders(boolean sapSystemHeaders) {
        this.sapSystemHeaders = sapSystemHeaders;
    }

    public boolean isThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    public void setThrowExceptionOnFailure(boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public String getOkStatusCodeRange() {
        return okStatusCodeRange;
    }

    public void setOkStatusCodeRange(String okStatusCodeRange) {
        this.okStatusCodeRange = okStatusCodeRange;
    }
}
