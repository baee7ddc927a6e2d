package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.tls.DestinationCertificate;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.DestinationServiceException;
import io.github.camelbtp.connectivity.TokenException;
import io.github.camelbtp.connectivity.binding.DestinationServiceCredentials;
import io.github.camelbtp.connectivity.http.AnswerTooLargeException;
import io.github.camelbtp.connectivity.http.DeadlineExceededException;
import io.github.camelbtp.connectivity.http.Json;
import io.github.camelbtp.connectivity.http.ServiceClient;
import org.apache.hc.client5.http.classic.methods.HttpGet;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds destinations with the Destination Service's find API, {@code GET {uri}/destination-configuration/v1/destinations/{name}},
 * which looks at service-instance level first and then at subaccount level [calling-the-destination-service-rest-api-84c5d38];
 * a name with a level ({@code NAME@subaccount}, {@code @instance}, {@code @provider_subaccount}, {@code @provider_instance})
 * goes to the consume API, {@code …/v2/destinations/NAME@level}, which looks at that level only
 * [referring-resources-using-the-consume-rest-api-78ba73a].
 * Authenticates with a client-credentials token of the {@code destination} binding for the request's tenant (a
 * {@link BindingToken}, cached by the Authenticate step; on a 401 the token is dropped and the call made once more). Parses {@code authTokens} as the
 * service returns them [find-a-destination-response-structure-83a3f3b].
 */
public final class DestinationServiceLoader implements DestinationLoader {

    public static final String SOURCE = "Destination Service";
    private static final String FIND_PATH = "/destination-configuration/v1/destinations/";
    /** The consume API, for names with a level [referring-resources-using-the-consume-rest-api-78ba73a]. */
    private static final String CONSUME_PATH = "/destination-configuration/v2/destinations/";

    private final DestinationServiceCredentials credentials;
    private final ServiceClient http;
    private final Clock clock;
    /** The binding's client-credentials token for the request's tenant (its rule is shared with the on-premise hops). */
    private final BindingToken token;

    public DestinationServiceLoader(DestinationServiceCredentials credentials, BindingToken token, ServiceClient http,
            Clock clock) {
        this.credentials = credentials;
        this.token = token;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Optional<Destination> load(String name, DestinationOptions options) {
        DestinationNames.requireValid(name);
        DestinationNames.requireValidFragments(name, options.fragmentName(), options.fragmentOptional());
        // the subscriber's own token: the Destination Service answers for the token's subaccount
        // [multitenancy-in-the-destination-service-4e07f25]
        ServiceClient.Response response = find(name, token.value(options.tenant(), name), options);
        if (response.status() == 401) {
            // the token may have been revoked or the key rotated: one fresh token, one more try
            token.forget(options.tenant(), name);
            response = find(name, token.value(options.tenant(), name), options);
        }
        return switch (response.status()) {
            case 200 -> Optional.of(parse(name, response.body()));
            case 404 -> {
                String message = errorMessage(response.body());
                if (options.fragmentName() != null && message != null && message.toLowerCase(java.util.Locale.ROOT).contains("fragment")) {
                    throw new io.github.camelbtp.connectivity.DestinationConfigurationException(name,
                            FindRequestHeaders.FRAGMENT_NAME, "names fragment '" + options.fragmentName() + "', which the"
                            + " Destination Service does not know (" + message + "). Create the fragment, correct"
                            + " fragmentName, or set fragmentOptional=true to use the destination without it.");
                }
                yield Optional.empty();
            }
            default -> throw error(name, response);
        };
    }

    private ServiceClient.Response find(String name, String token, DestinationOptions options) {
        // NAME@level: the consume API, exactly at that level, no fallback between levels
        // [referring-resources-using-the-consume-rest-api-78ba73a]; '@' is legal in a URI path
        String path = DestinationNames.hasLevel(name) ? CONSUME_PATH : FIND_PATH;
        HttpGet get = new HttpGet(URI.create(credentials.serviceUri() + path + name));
        get.setHeader("Authorization", "Bearer " + token);
        get.setHeader("Accept", "application/json");
        FindRequestHeaders.of(options).forEach(get::setHeader);
        String subdomain = tenantSubdomain(options.tenant(), token);
        if (subdomain != null) {
            // Not a tenant switch: the subaccount is the token's. x-tenant only resolves {tenant} of a Common token URL
            // (OAuth2ClientCredentials, OAuth2TechnicalUserPropagation) and carries a subdomain, never a tenant ID
            // [oauth-client-credentials-authentication-4e1d742]. SAP's JavaScript SDK sends it only for Common
            // destinations; the type is known only from the answer, and with the subscriber's own token the value is
            // that token's own tenant, so it goes on every subscriber lookup (one call instead of two).
            get.setHeader(FindRequestHeaders.TENANT, subdomain);
        }
        try {
            return http.execute(get);
        } catch (DeadlineExceededException e) {
            throw new DestinationServiceException(name, 0, null, "The Destination Service at "
                    + hostOf(credentials.serviceUri()) + " did not answer the lookup of destination '" + name
                    + "' within its deadline of " + e.deadline().toMillis() + " ms (for the whole call, not per read)."
                    + " Cached destinations are served while it is slow (up to maxStale); raise the engine's"
                    + " serviceTimeout only if the service is known to answer this slowly.", e);
        } catch (AnswerTooLargeException e) {
            throw new DestinationServiceException(name, e.status(), null, "The Destination Service at "
                    + hostOf(credentials.serviceUri()) + " answered the lookup of destination '" + name + "' (HTTP "
                    + e.status() + ") with more than " + e.limit() + " bytes, the limit for its answers; nothing of it"
                    + " was used. Check that the 'uri' of the destination service binding is the Destination Service.", e);
        } catch (IOException e) {
            throw new DestinationServiceException(name, 0, null, "Cannot reach the Destination Service at "
                    + hostOf(credentials.serviceUri()) + " to find destination '" + name + "': " + e
                    + ". Check the 'uri' of the destination service binding and the network.", e);
        }
    }

    /**
     * The subdomain sent as {@code x-tenant}, or {@code null} for the provider. It only resolves {@code {tenant}} of a
     * {@code tokenServiceURLType: Common} token URL, never selects the subaccount
     * [oauth-client-credentials-authentication-4e1d742]. For a tenant ID it is the subscriber token's
     * {@code ext_attr.zdn} (XSUAA's zone domain name, the subdomain); a tenant ID itself is never sent as x-tenant.
     */
    private static String tenantSubdomain(String tenant, String token) {
        if (tenant == null) {
            return null;
        }
        if (SubscriberTokenUrl.isSubdomain(tenant)) {
            return tenant;
        }
        try {
            Object extAttr = com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet().getClaim("ext_attr");
            Object zdn = extAttr instanceof Map<?, ?> attributes ? attributes.get("zdn") : null;
            return zdn instanceof String subdomain && SubscriberTokenUrl.isSubdomain(subdomain) ? subdomain : null;
        } catch (java.text.ParseException | RuntimeException e) {
            // not a JWT (XSUAA's are): no x-tenant, and a Common {tenant} URL gets the token's own tenant
            return null;
        }
    }

    private DestinationServiceException error(String name, ServiceClient.Response response) {
        String errorMessage = errorMessage(response.body());
        String why = switch (response.status()) {
            case 401 -> "the binding's token was rejected: check the destination binding's clientid/clientsecret and url.";
            case 403 -> "the binding's client may not read destinations: re-create the binding/service key.";
            case 429 -> "the service throttles requests: lower the lookup rate or raise the destination cache TTL.";
            default -> response.status() >= 500 ? "the Destination Service has a problem; cached destinations are served"
                    + " while it lasts (up to maxStale)." : "unexpected answer.";
        };
        return new DestinationServiceException(name, response.status(), errorMessage, "The Destination Service at "
                + hostOf(credentials.serviceUri()) + " answered HTTP " + response.status() + " for destination '" + name
                + "'" + (errorMessage == null ? "" : " (" + errorMessage + ")") + ": " + why, null);
    }

    private static String errorMessage(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.hasNonNull("ErrorMessage") ? node.get("ErrorMessage").asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Destination parse(String name, String body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw DestinationServiceException.garbled(name, 200, "The Destination Service answered for destination '"
                    + name + "' with a body that is not JSON (an HTML page or an answer cut off: a gateway or network"
                    + " problem on the way). Cached destinations are served while it lasts (up to maxStale); check the"
                    + " Destination Service's availability and the binding's uri.");
        }
        JsonNode configuration = root.path("destinationConfiguration");
        if (!configuration.isObject()) {
            throw new DestinationServiceException(name, 200, null, "The Destination Service answer for destination '"
                    + name + "' has no destinationConfiguration object.", null);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        configuration.fields().forEachRemaining(f -> properties.put(f.getKey(),
                f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
        properties.putIfAbsent(DestinationProperty.NAME, name);
        Instant now = clock.instant();
        List<AuthToken> authTokens = new ArrayList<>();
        JsonNode tokens = root.path("authTokens");
        if (!tokens.isMissingNode() && !tokens.isNull() && !tokens.isArray()) {
            // iterating an object would yield its fields as "tokens" without value: the request would go out
            // unauthenticated [find-a-destination-response-structure-83a3f3b: authTokens is an array]
            throw malformedTokens(name, "authTokens is a JSON " + tokens.getNodeType() + ", not an array");
        }
        int index = 0;
        for (JsonNode t : tokens) {
            authTokens.add(authToken(name, index++, t, now));
        }
        List<DestinationCertificate> certificates = new ArrayList<>();
        for (JsonNode c : root.path("certificates")) {
            String fileName = c.path("Name").asText("");
            if (fileName.isEmpty()) {
                continue;
            }
            try {
                certificates.add(DestinationCertificate.fromBase64(fileName, c.path("Content").asText(""),
                        c.path("Type").asText(null)));
            } catch (IllegalArgumentException e) {
                throw new DestinationServiceException(name, 200, null, "The Destination Service returned certificate '"
                        + fileName + "' for destination '" + name + "' with a Content that is not base64.", null);
            }
        }
        return new Destination(name, properties, authTokens, SOURCE, certificates);
    }

    /**
     * One {@code authTokens} entry: an object with a token ({@code value} or {@code http_header}) or the service's
     * {@code error}. Anything else would send the request without the authentication the destination asks for.
     */
    private static AuthToken authToken(String name, int index, JsonNode t, Instant now) {
        if (!t.isObject()) {
            throw malformedTokens(name, "authTokens[" + index + "] is a JSON " + t.getNodeType() + ", not a token object");
        }
        JsonNode header = t.path("http_header");
        String error = t.hasNonNull("error") ? t.get("error").asText() : null;
        AuthToken token = new AuthToken(t.path("type").asText(""), t.path("value").asText(""),
                header.path("key").asText(null), header.path("value").asText(null),
                AuthToken.expiresAt(now, t.path("expires_in").asText("")), error);
        if (!token.failed() && token.value().isEmpty() && (token.headerName() == null || token.headerValue() == null)) {
            throw malformedTokens(name, "authTokens[" + index + "] has neither a value, an http_header nor an error");
        }
        return token;
    }

    private static DestinationServiceException malformedTokens(String name, String what) {
        return new DestinationServiceException(name, 200, null, "The Destination Service answered for destination '"
                + name + "' with malformed tokens: " + what + ". camel-btp does not send the request without the"
                + " authentication the destination asks for. Check what answers at the binding's 'uri' (a proxy or"
                + " gateway in between?), or look the destination up in the BTP cockpit.", null);
    }

    private static String hostOf(URI uri) {
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    /**
     * The names of the subaccount's and the service instance's destinations (the admin API's
     * {@code subaccountDestinations} and {@code instanceDestinations} [calling-the-destination-service-rest-api-84c5d38]),
     * instance level first as a lookup finds them; each name once.
     *
     * @throws DestinationServiceException when the service refuses or cannot be reached
     */
    public List<String> names() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (String level : List.of("instanceDestinations", "subaccountDestinations")) {
            HttpGet get = new HttpGet(URI.create(credentials.serviceUri() + "/destination-configuration/v1/" + level));
            get.setHeader("Authorization", "Bearer " + token.value(null, null));
            get.setHeader("Accept", "application/json");
            ServiceClient.Response response;
            try {
                response = http.execute(get);
            } catch (IOException e) {
                throw new DestinationServiceException(null, 0, null, "Cannot reach the Destination Service at "
                        + hostOf(credentials.serviceUri()) + " to list its destinations: " + e
                        + ". Check the 'uri' of the destination service binding and the network.", e);
            }
            if (response.status() != 200) {
                throw new DestinationServiceException(null, response.status(), errorMessage(response.body()),
                        "The Destination Service at " + hostOf(credentials.serviceUri()) + " answered HTTP "
                        + response.status() + " to the listing of " + level + ". Check that the binding's client may"
                        + " read destinations (it is the instance's own binding or service key).", null);
            }
            try {
                for (JsonNode destination : Json.MAPPER.readTree(response.body())) {
                    String name = destination.path("Name").asText("");
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            } catch (IOException e) {
                throw new DestinationServiceException(null, 200, null, "The Destination Service at "
                        + hostOf(credentials.serviceUri()) + " answered the listing of " + level + " with no JSON array.", e);
            }
        }
        return List.copyOf(names);
    }

    /**
     * Obtains the binding's own token (from the cache when it holds one), for readiness checks.
     *
     * @throws TokenException when the token service refuses the binding's client or cannot be reached
     */
    public void checkToken() {
        token.value(null, null);
    }

    @Override
    public String describe() {
        return SOURCE + " at " + hostOf(credentials.serviceUri());
    }
}
