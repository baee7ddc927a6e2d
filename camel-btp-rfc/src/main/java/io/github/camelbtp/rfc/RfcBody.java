package io.github.camelbtp.rfc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The message body of a call: in, a {@code Map} of parameters or a JSON object (text or {@link JsonNode}); out, the
 * function's parameters as a {@code Map} or, with {@code outputFormat=json}, as JSON text (dates and times as ISO
 * strings, decimals as exact numbers).
 */
final class RfcBody {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RfcBody() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> input(Exchange exchange, String destination, String function) {
        Object body = exchange.getIn().getBody();
        if (body == null) {
            return Map.of();
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            map.forEach((k, v) -> parameters.put(String.valueOf(k), v));
            return parameters;
        }
        JsonNode node = body instanceof JsonNode n ? n : null;
        if (node == null) {
            String text = exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, body);
            if (text == null) {
                throw notParameters(destination, function, body.getClass().getName());
            }
            if (text.isBlank()) {
                return Map.of();
            }
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new RfcConversionException(destination, function, "The body for " + function + " is text but not"
                        + " JSON (" + e.getOriginalMessage() + "). Pass a Map of parameters or a JSON object.");
            }
        }
        if (!node.isObject()) {
            throw notParameters(destination, function, "JSON " + node.getNodeType());
        }
        return JSON.convertValue(node, Map.class);
    }

    private static RfcConversionException notParameters(String destination, String function, String what) {
        return new RfcConversionException(destination, function, "The body for " + function + " is a " + what
                + "; btp-rfc expects a Map of parameters (structures as maps, tables as lists of maps) or a JSON object.");
    }

    static String json(Map<String, Object> output) {
        try {
            return JSON.writeValueAsString(node(output));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), node(v)));
            return object;
        }
        if (value instanceof Iterable<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add(node(v)));
            return array;
        }
        if (value instanceof BigDecimal d) {
            return DecimalNode.valueOf(d); // exact: 123.40 stays 123.40
        }
        if (value instanceof BigInteger i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof byte[] bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof TemporalAccessor) {
            return NODES.textNode(AbapValues.toWire(null, value));
        }
        return NODES.textNode(value.toString());
    }
}
