package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.tls.DestinationCertificate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.http.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Destinations from the {@code destinations} environment variable (the SAP approuter and Cloud SDK convention for
 * local runs): a JSON array of objects with {@code name}, {@code url} and any other destination property, usually
 * in lower camel case ({@code proxyType}, {@code authentication}, {@code user}). Known properties are normalised to
 * SAP's spelling ({@code url} → {@code URL}); others are kept as written. An entry may carry key and trust store
 * files in {@code certificates}, shaped as in the Destination Service's find response.
 */
public final class EnvironmentDestinationLoader implements DestinationLoader {

    public static final String VARIABLE = "destinations";
    public static final String SOURCE = "'destinations' environment variable";
    /** The entry field holding key and trust store files. */
    public static final String CERTIFICATES = "certificates";

    private final Map<String, Destination> destinations;

    /** Parses the variable's value; {@code null} or blank means no destinations. */
    public EnvironmentDestinationLoader(String json) {
        this.destinations = json == null || json.isBlank() ? Map.of() : parse(json);
    }

    /** Reads {@code System.getenv("destinations")}. */
    public static EnvironmentDestinationLoader fromEnvironment() {
        return new EnvironmentDestinationLoader(System.getenv(VARIABLE));
    }

    private static Map<String, Destination> parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the input, which can hold passwords: report the position only.
            throw new DestinationConfigurationException(null, VARIABLE, "the environment variable is not valid JSON ("
                    + Json.position(e) + "). It must be a JSON array of objects like [{\"name\":\"X\",\"url\":\"https://…\"}].");
        }
        if (!root.isArray()) {
            throw new DestinationConfigurationException(null, VARIABLE,
                    "the environment variable must be a JSON array of destination objects, found " + root.getNodeType() + ".");
        }
        Map<String, Destination> result = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode entry : root) {
            if (!entry.isObject() || !entry.hasNonNull("name")) {
                throw new DestinationConfigurationException(null, VARIABLE,
                        "entry " + index + " of the environment variable has no \"name\".");
            }
            Map<String, String> properties = new LinkedHashMap<>();
            entry.fields().forEachRemaining(field -> {
                if (!CERTIFICATES.equals(field.getKey())) {
                    properties.put(DestinationProperty.canonical(field.getKey()),
                            field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
                }
            });
            String name = properties.get(DestinationProperty.NAME);
            // checked now, as malformed JSON is: a mistake fails the start, not the first request
            result.put(name, DestinationLoader.checkConfigured(
                    new Destination(name, properties, List.of(), SOURCE, certificates(name, entry.path(CERTIFICATES)))));
            index++;
        }
        return Map.copyOf(result);
    }

    /**
     * The entry's key and trust store files, as the Destination Service returns them ({@code Name}, {@code Content}
     * base64, {@code Type}) or as the SAP Cloud SDK for JavaScript writes them ({@code name}, {@code content},
     * {@code type}); {@code KeyStoreLocation}, {@code TrustStoreLocation} and {@code tokenService.KeyStoreLocation}
     * name them.
     */
    private static List<DestinationCertificate> certificates(String destination, JsonNode files) {
        if (files.isMissingNode() || files.isNull()) {
            return List.of();
        }
        if (!files.isArray()) {
            throw new DestinationConfigurationException(destination, CERTIFICATES, "must be a JSON array of"
                    + " {\"Name\":\"client.p12\",\"Content\":\"<base64>\"} objects.");
        }
        List<DestinationCertificate> result = new ArrayList<>();
        int index = 0;
        for (JsonNode file : files) {
            String fileName = text(file, "Name");
            String content = text(file, "Content");
            if (fileName == null || content == null) {
                throw new DestinationConfigurationException(destination, CERTIFICATES, "entry " + index
                        + " needs a \"Name\" (the file name KeyStoreLocation or TrustStoreLocation refers to) and a"
                        + " \"Content\" (the file, base64).");
            }
            try {
                result.add(DestinationCertificate.fromBase64(fileName, content, text(file, "Type")));
            } catch (IllegalArgumentException e) {
                throw new DestinationConfigurationException(destination, CERTIFICATES, "entry '" + fileName
                        + "' has a Content that is not base64.");
            }
            index++;
        }
        return result;
    }

    /** A field in SAP's spelling (Name) or the SDK's (name). */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.hasNonNull(field) ? node.get(field) : node.get(field.toLowerCase(java.util.Locale.ROOT));
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    @Override
    public Optional<Destination> load(String name, DestinationOptions options) {
        return Optional.ofNullable(destinations.get(name));
    }

    @Override
    public String describe() {
        return SOURCE;
    }
}
