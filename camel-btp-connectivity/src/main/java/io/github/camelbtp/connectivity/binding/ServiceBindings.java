package io.github.camelbtp.connectivity.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.http.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The service bindings of the application, read once: from {@code VCAP_SERVICES} (Cloud Foundry) or from
 * {@code $SERVICE_BINDING_ROOT} (Kubernetes/Kyma: one directory per binding, one file per key, a {@code type} file
 * naming the service) [calling-the-destination-service-rest-api-84c5d38, consuming-the-connectivity-service-313b215].
 */
public final class ServiceBindings {

    public static final String VCAP_SERVICES = "VCAP_SERVICES";
    public static final String SERVICE_BINDING_ROOT = "SERVICE_BINDING_ROOT";
    /** The components' option naming a VCAP_SERVICES file. */
    public static final String BINDING_FILE = "bindingFile";
    /** The option (builder, components, {@code camel.btp.*}) naming the Destination Service instance to use. */
    public static final String DESTINATION_SERVICE_INSTANCE = "destinationServiceInstance";
    /** The option (builder, components, {@code camel.btp.*}) naming the Connectivity Service instance to use. */
    public static final String CONNECTIVITY_SERVICE_INSTANCE = "connectivityServiceInstance";

    /** Where an instance's name comes from, for messages. */
    private static final String NAME_SOURCES = "VCAP_SERVICES 'name'; Kubernetes: the binding folder's name";

    private static final ServiceBindings NONE = new ServiceBindings(List.of(), "no service bindings");

    private final List<ServiceBinding> bindings;
    private final String origin;

    private ServiceBindings(List<ServiceBinding> bindings, String origin) {
        this.bindings = List.copyOf(bindings);
        this.origin = origin;
    }

    public static ServiceBindings none() {
        return NONE;
    }

    /** {@code VCAP_SERVICES} if set, else {@code $SERVICE_BINDING_ROOT} if set, else none. */
    public static ServiceBindings fromEnvironment() {
        String vcap = System.getenv(VCAP_SERVICES);
        if (vcap != null && !vcap.isBlank()) {
            return fromVcapServices(vcap);
        }
        String root = System.getenv(SERVICE_BINDING_ROOT);
        if (root != null && !root.isBlank()) {
            return fromKubernetes(Path.of(root));
        }
        return NONE;
    }

    /**
     * The bindings a component is configured with: the given {@code VCAP_SERVICES} JSON if set, else the given VCAP
     * file if set, else {@link #fromEnvironment()}. Blank values count as unset.
     */
    public static ServiceBindings from(String vcapServices, String vcapFile) {
        if (vcapServices != null && !vcapServices.isBlank()) {
            return fromVcapServices(vcapServices);
        }
        if (vcapFile != null && !vcapFile.isBlank()) {
            return fromVcapFile(Path.of(vcapFile));
        }
        return fromEnvironment();
    }

    /** Parses a {@code VCAP_SERVICES} JSON document. */
    public static ServiceBindings fromVcapServices(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // never echo the document: it holds client secrets
            throw new DestinationConfigurationException(null, VCAP_SERVICES, "is not valid JSON ("
                    + Json.position(e) + ").");
        }
        if (root == null || !root.isObject()) {
            throw new DestinationConfigurationException(null, VCAP_SERVICES,
                    "must be a JSON object mapping service labels to arrays of bindings.");
        }
        List<ServiceBinding> result = new ArrayList<>();
        root.fields().forEachRemaining(service -> {
            for (JsonNode instance : service.getValue()) {
                String label = instance.path("label").asText(service.getKey());
                String name = instance.path("name").asText(label);
                result.add(new ServiceBinding(name, label, flatten(instance.path("credentials"))));
            }
        });
        return new ServiceBindings(result, VCAP_SERVICES);
    }

    /**
     * Reads a binding file written by {@code SandboxMain --binding-file} or copied from {@code cf env}. Errors name
     * the components' {@code bindingFile} option and the file's absolute path, not {@code VCAP_SERVICES}.
     */
    public static ServiceBindings fromVcapFile(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "does not exist"
                    : "cannot be read (" + e.getClass().getSimpleName() + ")";
            throw new DestinationConfigurationException(null, BINDING_FILE, "names " + file.toAbsolutePath() + ", which "
                    + why + ". Point the bindingFile option at a file holding VCAP_SERVICES JSON (for example the one"
                    + " 'SandboxMain --binding-file' writes), or remove the option to read VCAP_SERVICES /"
                    + " SERVICE_BINDING_ROOT from the environment.", e);
        }
        try {
            return fromVcapServices(json);
        } catch (DestinationConfigurationException e) {
            // the parser's message, without its VCAP_SERVICES prefix, and naming the file instead
            String detail = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
            throw new DestinationConfigurationException(null, BINDING_FILE, "names " + file.toAbsolutePath()
                    + ", whose content " + detail, e);
        }
    }

    /** Reads the Kubernetes service binding layout under {@code root} (servicebinding.io). */
    public static ServiceBindings fromKubernetes(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DestinationConfigurationException(null, SERVICE_BINDING_ROOT,
                    root + " is not a directory. Point SERVICE_BINDING_ROOT at the directory holding one folder per binding.");
        }
        List<ServiceBinding> result = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            // hidden entries ('..data', '..2024_…') are the kubelet's bookkeeping of a mounted volume, not bindings
            for (Path dir : dirs.filter(ServiceBindings::isVisible).filter(Files::isDirectory).sorted().toList()) {
                Map<String, String> credentials = new LinkedHashMap<>();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(ServiceBindings::isVisible).filter(Files::isRegularFile).sorted().toList()) {
                        credentials.put(file.getFileName().toString(), credential(file));
                    }
                }
                String type = credentials.getOrDefault("type", dir.getFileName().toString());
                result.add(new ServiceBinding(dir.getFileName().toString(), type, credentials));
            }
        } catch (IOException e) {
            throw new DestinationConfigurationException(null, SERVICE_BINDING_ROOT, "names " + root + ", whose binding"
                    + " files cannot be read (" + e.getClass().getSimpleName() + "). Check that the application's user"
                    + " may read the mounted binding folders.", e);
        }
        return new ServiceBindings(result, SERVICE_BINDING_ROOT + "=" + root);
    }

    /** One credential file of a Kubernetes binding: UTF-8 text; other bytes are a configuration error naming the file. */
    private static String credential(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (java.nio.charset.CharacterCodingException e) {
            // the file may be a secret: name it, never show its bytes
            throw new DestinationConfigurationException(null, SERVICE_BINDING_ROOT, "holds " + file.toAbsolutePath()
                    + ", which is not UTF-8 text. Binding credential files hold the credential's text as it is in the"
                    + " service key (the Kubernetes secret's value, Base64-decoded).");
        }
    }

    private static boolean isVisible(Path path) {
        return !path.getFileName().toString().startsWith(".");
    }

    private static Map<String, String> flatten(JsonNode credentials) {
        Map<String, String> result = new LinkedHashMap<>();
        credentials.fields().forEachRemaining(e -> result.put(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return result;
    }

    /**
     * The bound instance of a service ({@code destination}, {@code connectivity}): bindings whose label (Kubernetes:
     * {@code type} file) is the service, else bindings named like it. Several instances of one service may be bound
     * [multiple-destination-service-instances-1b1c3b7]; then one is picked by its instance name (VCAP_SERVICES
     * {@code name}; Kubernetes: the binding folder's name), never silently the first.
     *
     * @param instanceName the instance to use, or {@code null} when only one may be bound
     * @param option       the option that sets {@code instanceName}, named in errors
     * @return empty when no instance of the service is bound and none is named
     * @throws DestinationConfigurationException when several are bound and none is named, or the named one is not
     *                                           bound; the message lists the bound instances' names, never credentials
     */
    public Optional<ServiceBinding> instance(String service, String instanceName, String option) {
        List<ServiceBinding> candidates = bindings.stream().filter(b -> service.equals(b.label())).toList();
        if (candidates.isEmpty()) {
            candidates = bindings.stream().filter(b -> service.equals(b.name())).toList();
        }
        List<String> names = candidates.stream().map(ServiceBinding::name).toList();
        if (instanceName != null && !instanceName.isBlank()) {
            String wanted = instanceName.trim();
            Optional<ServiceBinding> named = candidates.stream().filter(b -> wanted.equals(b.name())).findFirst();
            if (named.isEmpty()) {
                throw new DestinationConfigurationException(null, option, "names the '" + service + "' instance '"
                        + wanted + "', but " + (names.isEmpty() ? "no instance of that service is bound"
                        : "the bound instances are " + names) + " (" + origin + "). Set " + option + " to the name of a"
                        + " bound instance (" + NAME_SOURCES + "), or bind the instance '" + wanted + "' to the"
                        + " application.");
            }
            return named;
        }
        if (candidates.size() > 1) {
            throw new DestinationConfigurationException(null, option, "several '" + service + "' service instances are"
                    + " bound (" + origin + "): " + names + ". camel-btp does not guess"
                    + " [multiple-destination-service-instances-1b1c3b7]: set " + option + " to the name"
                    + " of the one to use (" + NAME_SOURCES + "), or unbind the others.");
        }
        return candidates.stream().findFirst();
    }

    /** The only bound Destination Service instance; see {@link #destinationService(String)}. */
    public Optional<DestinationServiceCredentials> destinationService() {
        return destinationService(null);
    }

    /** The Destination Service instance of that name, or the only one when {@code instanceName} is {@code null}. */
    public Optional<DestinationServiceCredentials> destinationService(String instanceName) {
        return instance("destination", instanceName, DESTINATION_SERVICE_INSTANCE).map(DestinationServiceCredentials::from);
    }

    /** The only bound Connectivity Service instance; see {@link #connectivity(String)}. */
    public Optional<ConnectivityCredentials> connectivity() {
        return connectivity(null);
    }

    /** The Connectivity Service instance of that name, or the only one when {@code instanceName} is {@code null}. */
    public Optional<ConnectivityCredentials> connectivity(String instanceName) {
        return instance("connectivity", instanceName, CONNECTIVITY_SERVICE_INSTANCE).map(ConnectivityCredentials::from);
    }

    public List<ServiceBinding> all() {
        return bindings;
    }

    /** Where the bindings came from (for messages). */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "ServiceBindings[" + origin + ", " + bindings + "]";
    }
}
