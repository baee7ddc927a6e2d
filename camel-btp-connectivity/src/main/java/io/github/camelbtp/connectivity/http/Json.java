package io.github.camelbtp.connectivity.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The engine's one JSON mapper (thread-safe once configured). */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    /**
     * Where a JSON document went wrong, for an error message that must not quote the document (it may hold secrets):
     * its line and column, or — when Jackson stopped at one of its limits (nesting depth, length of a number or text),
     * where it gives no location — that limit.
     */
    public static String position(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (e instanceof StreamConstraintsException || location == null) {
            return "nested deeper or longer than the JSON parser's limits allow";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
