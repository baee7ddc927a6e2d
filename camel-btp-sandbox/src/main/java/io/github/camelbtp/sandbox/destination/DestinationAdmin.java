package io.github.camelbtp.sandbox.destination;

import static io.github.camelbtp.sandbox.destination.DestinationService.NOT_FOUND;
import static io.github.camelbtp.sandbox.destination.DestinationService.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbtp.sandbox.destination.DestinationService.Reply;
import io.github.camelbtp.sandbox.wire.JsonCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Destination Service's admin API on one level: {@code …/v1/subaccountDestinations[/{name}]} and
 * {@code …/v1/instanceDestinations[/{name}]} — GET a list or one, POST to create (409 when a name exists), PUT to
 * update (404 when one does not), DELETE [facts §3].
 */
final class DestinationAdmin {

    private final Destinations destinations;

    DestinationAdmin(Destinations destinations) {
        this.destinations = destinations;
    }

    Reply handle(boolean atInstance, String method, String rest, byte[] body) {
        if (rest.isEmpty() || rest.equals("/")) {
            return switch (method) {
                case "GET" -> new Reply(200, new ArrayList<>(destinations.level(atInstance).values()));
                case "POST" -> withConfigurations(body, configurations -> create(atInstance, configurations));
                case "PUT" -> withConfigurations(body, configurations -> update(atInstance, configurations));
                default -> error(405, "Method " + method + " is not allowed");
            };
        }
        String name = rest.substring(1);
        return switch (method) {
            case "GET" -> Optional.ofNullable(destinations.level(atInstance).get(name))
                    .map(destination -> new Reply(200, destination))
                    .orElseGet(() -> error(404, NOT_FOUND));
            case "DELETE" -> destinations.level(atInstance).remove(name) != null
                    ? new Reply(200, Map.of("Count", 1))
                    : error(404, NOT_FOUND);
            default -> error(405, "Method " + method + " is not allowed");
        };
    }

    /** Parses the admin request body, answering 400 when it is not one or more destination configurations. */
    private Reply withConfigurations(byte[] body, Function<List<Map<String, String>>, Reply> action) {
        List<Map<String, String>> configurations;
        try {
            configurations = parse(body);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        return action.apply(configurations);
    }

    private Reply create(boolean atInstance, List<Map<String, String>> configurations) {
        for (Map<String, String> configuration : configurations) {
            if (destinations.level(atInstance).containsKey(configuration.get("Name"))) {
                return error(409, "Destination with name '" + configuration.get("Name") + "' already exists");
            }
        }
        for (Map<String, String> configuration : configurations) {
            if (!destinations.createIfAbsent(atInstance, configuration)) {
                return error(409, "Destination with name '" + configuration.get("Name") + "' already exists");
            }
        }
        return new Reply(201, null);
    }

    private Reply update(boolean atInstance, List<Map<String, String>> configurations) {
        for (Map<String, String> configuration : configurations) {
            if (!destinations.level(atInstance).containsKey(configuration.get("Name"))) {
                return error(404, NOT_FOUND);
            }
        }
        int count = 0;
        for (Map<String, String> configuration : configurations) {
            if (destinations.replaceIfPresent(atInstance, configuration)) {
                count++;
            }
        }
        return new Reply(200, Map.of("Count", count));
    }

    /** One configuration object or an array of them; every value becomes a string, as the service stores it. */
    private static List<Map<String, String>> parse(byte[] body) {
        JsonNode root;
        try {
            root = JsonCodec.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Request body is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException("Request body is empty");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        List<Map<String, String>> configurations = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("A destination configuration must be a JSON object");
            }
            Map<String, String> configuration = new LinkedHashMap<>();
            node.properties().forEach(field -> {
                JsonNode value = field.getValue();
                if (value.isContainerNode()) {
                    throw new IllegalArgumentException("Property '" + field.getKey() + "' must be a string");
                }
                if (!value.isNull()) {
                    configuration.put(field.getKey(), value.asText());
                }
            });
            String name = configuration.get("Name");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Destination configuration must contain a 'Name' property");
            }
            configurations.add(configuration);
        }
        if (configurations.isEmpty()) {
            throw new IllegalArgumentException("Request body contains no destination configuration");
        }
        return configurations;
    }
}
