package io.github.camelbtp.rfc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interface of a function module: its parameters with their ABAP types, read from SAP's WSDL
 * ({@code /sap/bc/soap/wsdl11?services=FUNCTION}) and used to convert values both ways. Immutable.
 *
 * @param name       the function module's name
 * @param parameters the parameters by name, in the order of the interface
 */
public record FunctionInterface(String name, Map<String, Parameter> parameters) {

    /** Where a parameter goes. SAP's WSDL only tells request from response, so CHANGING means "in both". */
    public enum Direction { IMPORTING, EXPORTING, CHANGING, TABLES }

    /**
     * One parameter: a scalar ({@code type}), a structure ({@code fields}) or a table of rows ({@code fields},
     * {@code table} true).
     */
    public record Parameter(String name, Direction direction, AbapType type, Map<String, AbapType> fields, boolean table) {

        public Parameter {
            fields = fields == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public boolean isStructure() {
            return fields != null && !table;
        }
    }

    public FunctionInterface {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public Optional<Parameter> parameter(String parameterName) {
        return Optional.ofNullable(parameters.get(parameterName));
    }

    /** The table parameters, which SOAP-RFC returns only when the request carries them. */
    public List<Parameter> tables() {
        return parameters.values().stream().filter(Parameter::table).toList();
    }
}
