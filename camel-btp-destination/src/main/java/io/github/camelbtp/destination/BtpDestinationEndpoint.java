package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.destination.http.BtpHttpProducer;
import io.github.camelbtp.destination.http.RequestTarget;
import io.github.camelbtp.destination.mail.MailPollingConsumer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Calls an SAP BTP destination by name: cloud APIs directly and on-premise systems through the Connectivity Service
 * and the SAP Cloud Connector. The destination decides the address, the authentication and the route; the route
 * only names it.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "btp-destination", title = "SAP BTP Destination",
        syntax = "btp-destination:destinationName/path",
        category = { Category.CLOUD, Category.HTTP, Category.SAAS }, headersClass = BtpDestinationConstants.class,
        lenientProperties = true)
public class BtpDestinationEndpoint extends DefaultEndpoint {

    @UriPath(description = "The name of the destination, as defined in the BTP cockpit (Destination Service), in the"
            + " 'destinations' environment variable or in the component configuration. Case-sensitive. NAME@subaccount,"
            + " NAME@instance, NAME@provider_subaccount or NAME@provider_instance looks the destination up in the"
            + " Destination Service at exactly that level (its v2 consume API, no fallback between levels).")
    @Metadata(required = true)
    private String destinationName;

    @UriPath(description = "A path appended to the destination's URL, for example"
            + " sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder. Query parameters of the endpoint URI that are not"
            + " options of this component are sent to the target as they are ($top=10, sap-client=100, …).")
    private String path;

    @UriParam(label = "producer", enums = "send,diagnose", defaultValue = "send", description = "What the producer"
            + " does: send the exchange to the destination (send), or walk the destination's hops instead (diagnose):"
            + " binding, service-token, destination, authentication, connectivity-token, proxy, cloud-connector,"
            + " backend (a HEAD to the URL plus path; MAIL: greeting and login; LDAP: a bind; TCP: a connection)."
            + " diagnose never throws for a failed hop: the body becomes a DiagnosisReport (a table as String, toMap()"
            + " for programs) and the header CamelBtpDiagnosisFailedHop names the first failed hop.")
    private String operation = "send";

    @UriParam
    private LookupOptions lookup = new LookupOptions();

    @UriParam
    private HttpOptions http = new HttpOptions();

    @UriParam
    private MailOptions mail = new MailOptions();

    @UriParam
    private LdapOptions ldap = new LdapOptions();

    @UriParam
    private TcpOptions tcp = new TcpOptions();

    /** Query parameters of the URI that are not options: sent to the target (already encoded). */
    private String targetQuery;

    /** {@link #target}'s last URI. */
    private volatile Target lastTarget;

    public BtpDestinationEndpoint(String uri, BtpDestinationComponent component) {
        super(uri, component);
    }

    @Override
    public BtpDestinationComponent getComponent() {
        return (BtpDestinationComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        // Camel hands out a component it is still starting in another thread when the first exchanges arrive
        // together; start() is locked and idempotent, so this waits for that start (or does it) before the component's
        // HTTP client and engine are used
        ServiceHelper.startService(getComponent());
        if ("diagnose".equals(operation)) {
            return new BtpDiagnoseProducer(this);
        }
        HttpEndpoint delegate = getComponent().httpDelegate(this);
        return new BtpDestinationProducer(this, new BtpHttpProducer(delegate, getComponent().httpClient(),
                getComponent().csrfTokens(), http.isCsrfProtection(), http.isAutomaticRetriesDisabled()));
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ServiceHelper.startService(getComponent()); // as in createProducer
        // only MAIL destinations (IMAP, POP3) can be consumed; the type is known once the route starts and finds it
        Consumer consumer = new MailPollingConsumer(this, processor, () -> getComponent().mailbox(this),
                mail.pollingOptions());
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * The URI one request goes to: destination URL + endpoint path + header path, destination and endpoint queries
     * ({@link RequestTarget}). Without a path or query header it depends on the destination's URL alone, so the last
     * one is remembered: most exchanges of an endpoint go to the same URL, and building and parsing it was a large
     * part of btp-destination's cost over plain camel-http (issue 12).
     */
    URI target(ResolvedDestination resolved, String headerPath, String headerQuery) throws URISyntaxException {
        if (headerPath != null || headerQuery != null) {
            return RequestTarget.uri(RequestTarget.build(resolved, path, headerPath, targetQuery, headerQuery));
        }
        Target last = lastTarget;
        if (last != null && last.destinationUrl().equals(resolved.url())) {
            return last.uri();
        }
        URI uri = RequestTarget.uri(RequestTarget.build(resolved, path, null, targetQuery, null));
        lastTarget = new Target(resolved.url(), uri);
        return uri;
    }

    /** The URI of the last request without path or query headers, and the destination URL it was built from. */
    private record Target(URI destinationUrl, URI uri) {
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        if (!"send".equals(operation) && !"diagnose".equals(operation)) {
            throw new IllegalArgumentException("operation must be send or diagnose, was '" + operation + "'");
        }
        this.operation = operation;
    }

    public String getDestinationName() {
        return destinationName;
    }

    public void setDestinationName(String destinationName) {
        this.destinationName = destinationName;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public LookupOptions getLookup() {
        return lookup;
    }

    public void setLookup(LookupOptions lookup) {
        this.lookup = lookup;
    }

    public HttpOptions getHttp() {
        return http;
    }

    public void setHttp(HttpOptions http) {
        this.http = http;
    }

    public MailOptions getMail() {
        return mail;
    }

    public void setMail(MailOptions mail) {
        this.mail = mail;
    }

    public LdapOptions getLdap() {
        return ldap;
    }

    public void setLdap(LdapOptions ldap) {
        this.ldap = ldap;
    }

    public TcpOptions getTcp() {
        return tcp;
    }

    public void setTcp(TcpOptions tcp) {
        this.tcp = tcp;
    }

    String getTargetQuery() {
        return targetQuery;
    }

    void setTargetQuery(String targetQuery) {
        this.targetQuery = targetQuery;
    }

    /** A placeholder the delegate camel-http endpoint is created with; every request carries its real URL. */
    static URI placeholderUri(String destinationName) {
        return URI.create("http://btp-destination.invalid/" + destinationName);
    }
}
