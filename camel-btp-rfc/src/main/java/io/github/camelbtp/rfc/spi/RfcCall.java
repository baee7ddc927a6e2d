package io.github.camelbtp.rfc.spi;

import io.github.camelbtp.rfc.FunctionInterface;

import java.util.Map;
import java.util.Set;

/**
 * One function module call.
 *
 * @param function          the function module
 * @param input             importing, changing and table parameters: scalars, maps (structures), lists of maps (tables)
 * @param functionInterface the function's interface when metadata is on, else {@code null} (values stay strings)
 * @param outputTables      table parameters to request even without metadata (sent as empty elements)
 * @param booleanFields     parameters and fields whose {@code X}/blank values are returned as {@code Boolean}
 */
public record RfcCall(String function, Map<String, Object> input, FunctionInterface functionInterface,
        Set<String> outputTables, Set<String> booleanFields) {

    public RfcCall {
        input = input == null ? Map.of() : input;
        outputTables = outputTables == null ? Set.of() : Set.copyOf(outputTables);
        booleanFields = booleanFields == null ? Set.of() : Set.copyOf(booleanFields);
    }
}
