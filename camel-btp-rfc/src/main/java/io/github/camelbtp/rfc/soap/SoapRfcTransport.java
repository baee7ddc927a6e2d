package io.github.camelbtp.rfc.soap;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.http.DestinationHttpClient;
import io.github.camelbtp.rfc.FunctionInterface;
import io.github.camelbtp.rfc.RfcLogonException;
import io.github.camelbtp.rfc.RfcAbapException;
import io.github.camelbtp.rfc.RfcAuthorizationException;
import io.github.camelbtp.rfc.RfcConversionException;
import io.github.camelbtp.rfc.RfcException;
import io.github.camelbtp.rfc.RfcHttpStatusException;
import io.github.camelbtp.rfc.spi.RfcCall;
import io.github.camelbtp.rfc.spi.RfcSession;
import io.github.camelbtp.rfc.spi.RfcTarget;
import io.github.camelbtp.rfc.spi.RfcTransport;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import javax.xml.stream.XMLStreamException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The built-in transport {@code soap}: SOAP-RFC over HTTP [facts §7]. Every request is resolved by the engine
 * ({@link BtpConnectivity#resolve(io.github.camelbtp.connectivity.destination.Destination,
 * io.github.camelbtp.connectivity.DestinationOptions)}) and sent with the {@link DestinationHttpClient}, so on-premise
 * systems are reached through the Connectivity proxy with {@code Proxy-Authorization} and the Cloud Connector's
 * location ID, and the proxy's refusals become {@link CloudConnectorException}s, exactly as for HTTP destinations.
 * <p>
 * Sessions: each {@link RfcSession} has its own cookie jar, so SAP's session cookies never travel to another
 * exchange. A stateful session opens the ABAP user context with {@code sap-sessioncmd=open} and ends it with
 * {@code sap-sessioncmd=close} on its last call (ICF's session commands).
 */
public final class SoapRfcTransport implements RfcTransport {

    public static final String NAME = "soap";
    /** ICF's cookie for a stateful session's user context. */
    static final String CONTEXT_COOKIE = "sap-contextid";
    private static final ContentType XML = ContentType.create("text/xml", StandardCharsets.UTF_8);

    private final BtpConnectivity connectivity;
    private final DestinationHttpClient http;

    public SoapRfcTransport(BtpConnectivity connectivity, DestinationHttpClient http) {
        this.connectivity = connectivity;
        this.http = http;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FunctionInterface describe(RfcTarget target, String function) {
        SoapRfcAddress address = SoapRfcAddress.of(target);
        ResolvedDestination resolved = connectivity.resolve(address.httpDestination(), target.options());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("services", function);
        HttpGet get = new HttpGet(uri(resolved, address, SoapRfcAddress.WSDL_SERVICE, query));
        return exchange(resolved, target.options(), address, function, get, new SessionCookies(), response -> {
            int status = response.getCode();
            if (status == 200) {
                try (InputStream in = response.getEntity().getContent()) {
                    return WsdlInterfaceReader.read(function, in);
                } catch (IllegalArgumentException e) {
                    throw new RfcException(target.name(), function, "The ABAP system behind destination '" + target.name()
                            + "' answered " + SoapRfcAddress.WSDL_SERVICE + "?services=" + function + " with a document"
                            + " btp-rfc cannot read: " + e.getMessage() + ". Set metadata=false to call the function"
                            + " without its interface (values then stay strings).");
                }
            }
            if (status == 404) {
                throw new RfcException(target.name(), function, "Function module " + function + " was not found in"
                        + " the ABAP system behind destination '" + target.name() + "' (404 from " + SoapRfcAddress.WSDL_SERVICE
                        + "): it does not exist, is not remote-enabled, or the ICF service " + SoapRfcAddress.WSDL_SERVICE
                        + " is not active (transaction SICF). Check the name (SE37), or set metadata=false.");
            }
            throw unexpected(target.name(), function, SoapRfcAddress.WSDL_SERVICE, response);
        });
    }

    @Override
    public RfcSession openSession(RfcTarget target, boolean stateful) {
        return new Session(target, SoapRfcAddress.of(target), stateful);
    }

    /** One exchange's sequence of calls; its own cookie jar; not thread-safe (an exchange is processed by one thread). */
    private final class Session implements RfcSession {
        private final RfcTarget target;
        private final SoapRfcAddress address;
        private final boolean stateful;
        private final SessionCookies cookies = new SessionCookies();
        private boolean open;

        Session(RfcTarget target, SoapRfcAddress address, boolean stateful) {
            this.target = target;
            this.address = address;
            this.stateful = stateful;
        }

        @Override
        public Map<String, Object> call(RfcCall call, boolean endSession) {
            // resolved per call: tokens rotate, and the engine answers from its cache in the common case
            ResolvedDestination resolved = connectivity.resolve(address.httpDestination(), target.options());
            Map<String, String> query = new LinkedHashMap<>();
            if (stateful && !open && !endSession) {
                query.put("sap-sessioncmd", "open");
            } else if (open && endSession) {
                query.put("sap-sessioncmd", "close");
            }
            HttpPost post = new HttpPost(uri(resolved, address, SoapRfcAddress.RFC_SERVICE, query));
            post.setHeader("SOAPAction", "\"" + SoapRfcRequestWriter.RFC_NS + ":" + call.function() + "\"");
            post.setEntity(body(call));
            try {
                return exchange(resolved, target.options(), address, call.function(), post, cookies,
                        response -> answer(call, response));
            } finally {
                // the user context is open once the system handed out its context cookie, whatever the call's outcome
                // (an ABAP exception still leaves it open; a Cloud Connector denial never reached the system)
                open = stateful && !endSession && cookies.has(CONTEXT_COOKIE);
            }
        }

        private HttpEntity body(RfcCall call) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            try {
                SoapRfcRequestWriter.write(out, call);
            } catch (SoapRfcRequestWriter.InvalidValue e) {
                throw new RfcConversionException(target.name(), call.function(), "Cannot call " + call.function()
                        + " (destination '" + target.name() + "'): " + e.getMessage() + ".");
            } catch (XMLStreamException e) {
                throw new RfcConversionException(target.name(), call.function(), "Cannot write the SOAP-RFC request"
                        + " for " + call.function() + ": " + e.getMessage());
            }
            return new ByteArrayEntity(out.toByteArray(), XML);
        }

        private Map<String, Object> answer(RfcCall call, ClassicHttpResponse response) throws IOException {
            int status = response.getCode();
            String contentType = response.getEntity() == null || response.getEntity().getContentType() == null ? ""
                    : response.getEntity().getContentType();
            if (status == 200 || status == 500 && contentType.contains("xml")) {
                SoapRfcResponseReader.Outcome outcome;
                try (InputStream in = response.getEntity().getContent()) {
                    outcome = SoapRfcResponseReader.read(in, call.functionInterface(), call.booleanFields());
                } catch (XMLStreamException e) {
                    throw new RfcException(target.name(), call.function(), "The answer of the ABAP system behind"
                            + " destination '" + target.name() + "' to " + call.function() + " is not a SOAP-RFC"
                            + " response: " + e.getMessage());
                } catch (SoapRfcResponseReader.InvalidAnswer e) {
                    throw new RfcConversionException(target.name(), call.function(), "The answer of " + call.function()
                            + " (destination '" + target.name() + "') does not match the function's interface: "
                            + e.getMessage() + ". Set metadata=false to receive values as strings.");
                }
                if (outcome instanceof SoapRfcResponseReader.Result result) {
                    return result.parameters();
                }
                SoapRfcResponseReader.Fault fault = (SoapRfcResponseReader.Fault) outcome;
                if ("RFC_NO_AUTHORITY".equals(fault.key())) {
                    throw new RfcAuthorizationException(target.name(), call.function(), address.user(), "User "
                            + address.user() + " of destination '" + target.name() + "' is not authorized to call"
                            + " function module " + call.function() + ": " + fault.text() + ". Ask the ABAP system's"
                            + " administrators for RFC authorization (object S_RFC, RFC_NAME " + call.function() + ").");
                }
                throw new RfcAbapException(target.name(), call.function(), fault.key(), fault.text());
            }
            throw unexpected(target.name(), call.function(), SoapRfcAddress.RFC_SERVICE, response);
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            cookies.clear();
            open = false;
        }
    }

    @FunctionalInterface
    private interface ResponseHandler<T> {
        T handle(ClassicHttpResponse response) throws IOException;
    }

    private <T> T exchange(ResolvedDestination resolved, DestinationOptions options, SoapRfcAddress address,
            String function, HttpUriRequestBase request, SessionCookies cookies, ResponseHandler<T> handler) {
        HttpHost host;
        try {
            host = HttpHost.create(request.getUri());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("not a valid request URI: " + request.getRequestUri(), e);
        }
        HttpClientContext context = DestinationHttpClient.context(resolved, host);
        // a propagated user's connection through the Connectivity proxy is never reused for another user
        DestinationHttpClient.bindToIdentity(context, resolved, resolved.identityScope(options));
        // SAP's session cookies belong to this session only: the client's shared jar would hand them to other
        // exchanges, so it gets an empty one and the session keeps its own
        context.setCookieStore(new BasicCookieStore());
        cookies.addTo(request);
        // a SOAP-RFC call is a POST: RetryPolicy never sends it twice (a BAPI commit must not run twice)
        try {
            return http.withinDeadline(resolved, context, () -> {
                try (ClassicHttpResponse response = http.executeOpen(host, request, resolved, context)) {
                    cookies.takeFrom(response);
                    try {
                        if (response.getCode() == 401) {
                            // a password changed in the cockpit reaches the next call, not only after the cache's lifetime
                            connectivity.credentialsRejected(resolved, DestinationOptions.NONE);
                            throw new RfcLogonException(resolved.name(), function, address.user(), "Logon to the ABAP"
                                    + " system behind destination '" + resolved.name() + "' failed for user " + address.user()
                                    + (address.client() == null ? "" : " in client " + address.client()) + " (401): "
                                    + firstLine(response) + ". Check the user (jco.client.user or jco.client.alias_user), its"
                                    + " password (jco.client.passwd), the client (jco.client.client), and that the user is not"
                                    + " locked (SU01).");
                        }
                        return handler.handle(response);
                    } finally {
                        EntityUtils.consumeQuietly(response.getEntity());
                    }
                }
            });
        } catch (IOException | org.apache.hc.core5.http.HttpException e) {
            throw new RfcException(resolved.name(), function, "Calling " + function + " through destination '"
                    + resolved.name() + "' failed: " + e + ". Check that the ABAP system is running and reachable.", e);
        }
    }

    private static String firstLine(ClassicHttpResponse response) {
        try {
            if (response.getEntity() == null) {
                return "";
            }
            String text = EntityUtils.toString(response.getEntity(), 512);
            String line = text.strip().lines().findFirst().orElse("");
            return line.length() > 200 ? line.substring(0, 200) : line;
        } catch (IOException | org.apache.hc.core5.http.ParseException e) {
            return "";
        }
    }

    private static RfcException unexpected(String destination, String function, String service,
            ClassicHttpResponse response) {
        return new RfcHttpStatusException(destination, function, response.getCode(), "The ABAP system behind destination '" + destination
                + "' answered " + response.getCode() + " to " + service + " for " + function + ": '"
                + firstLine(response) + "'. Check that the ICF service " + service + " is active (SICF) and that"
                + " the destination points at the system's ICM.");
    }

    /** {@code scheme://authority} of the resolved URL + prefix + service, {@code sap-client}, language, URL.queries. */
    private static URI uri(ResolvedDestination resolved, SoapRfcAddress address, String service, Map<String, String> extra) {
        URI base = resolved.url();
        Map<String, String> query = new LinkedHashMap<>(extra);
        if (address.client() != null) {
            query.put("sap-client", address.client());
        }
        if (address.language() != null) {
            query.put("sap-language", address.language());
        }
        resolved.queryParameters().forEach(query::putIfAbsent);
        String q = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + address.servicePrefix() + service
                + (q.isEmpty() ? "" : "?" + q));
    }

    @Override
    public String toString() {
        return "SoapRfcTransport";
    }
}
