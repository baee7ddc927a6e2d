package io.github.camelbtp.rfc.soap;

import io.github.camelbtp.rfc.AbapName;
import io.github.camelbtp.rfc.AbapType;
import io.github.camelbtp.rfc.AbapValues;
import io.github.camelbtp.rfc.FunctionInterface;
import io.github.camelbtp.rfc.FunctionInterface.Parameter;
import io.github.camelbtp.rfc.spi.RfcCall;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a SOAP-RFC request [facts §7]: a SOAP 1.1 envelope whose body element
 * {@code <urn:FUNCTION xmlns:urn="urn:sap-com:document:sap:rfc:functions">} holds the importing, changing and table
 * parameters as unqualified child elements; structures as child elements per field, tables as {@code <item>} rows.
 * Table parameters the caller did not pass are sent as empty elements, because SOAP-RFC only returns tables the
 * request carries. Names with {@code /} are written as {@code _-}.
 */
final class SoapRfcRequestWriter {

    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String RFC_NS = "urn:sap-com:document:sap:rfc:functions";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** A value that does not fit: which parameter (and field), and why. */
    static final class InvalidValue extends RuntimeException {
        InvalidValue(String message) {
            super(message, null, false, false);
        }
    }

    private SoapRfcRequestWriter() {
    }

    static void write(OutputStream out, RfcCall call) throws XMLStreamException {
        FunctionInterface fi = call.functionInterface();
        XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("soap-env", "Envelope", SOAP_ENV);
        xml.writeNamespace("soap-env", SOAP_ENV);
        xml.writeStartElement("soap-env", "Body", SOAP_ENV);
        xml.writeStartElement("urn", element("function module", call.function()), RFC_NS);
        xml.writeNamespace("urn", RFC_NS);
        for (Map.Entry<String, Object> entry : call.input().entrySet()) {
            String name = entry.getKey();
            Parameter parameter = fi == null ? null : fi.parameter(name).orElseThrow(() -> new InvalidValue(
                    "function module " + call.function() + " has no parameter " + name + "; its parameters are "
                            + fi.parameters().keySet()));
            if (parameter != null && parameter.direction() == FunctionInterface.Direction.EXPORTING) {
                throw new InvalidValue(name + " is an exporting parameter of " + call.function()
                        + " and cannot be passed; it comes back in the answer");
            }
            writeParameter(xml, name, parameter, entry.getValue());
        }
        Set<String> requested = new LinkedHashSet<>(call.outputTables());
        if (fi != null) {
            fi.tables().forEach(t -> requested.add(t.name()));
        }
        for (String table : requested) {
            if (!call.input().containsKey(table)) {
                xml.writeEmptyElement(element("table", table));
            }
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
    }

    private static void writeParameter(XMLStreamWriter xml, String name, Parameter parameter, Object value)
            throws XMLStreamException {
        if (value == null) {
            return; // left out: the function sees the parameter's default
        }
        boolean table = parameter != null ? parameter.table() : value instanceof Collection<?>;
        boolean structure = parameter != null ? parameter.isStructure() : value instanceof Map<?, ?>;
        xml.writeStartElement(element("parameter", name));
        if (table) {
            if (!(value instanceof Iterable<?> rows)) {
                throw new InvalidValue(name + " is a table parameter: pass a list of maps (one map per row)");
            }
            int index = 0;
            for (Object row : rows) {
                if (!(row instanceof Map<?, ?> fields)) {
                    throw new InvalidValue(name + " row " + index + " is a " + describe(row) + ", not a map of fields");
                }
                xml.writeStartElement("item");
                writeFields(xml, name + "[" + index + "]", parameter, fields);
                xml.writeEndElement();
                index++;
            }
        } else if (structure) {
            if (!(value instanceof Map<?, ?> fields)) {
                throw new InvalidValue(name + " is a structure: pass a map of its fields, not a " + describe(value));
            }
            writeFields(xml, name, parameter, fields);
        } else {
            if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
                throw new InvalidValue(name + " is a scalar of type " + parameter.type() + ", not a " + describe(value));
            }
            xml.writeCharacters(convert(name, parameter == null ? null : parameter.type(), value));
        }
        xml.writeEndElement();
    }

    private static void writeFields(XMLStreamWriter xml, String where, Parameter parameter, Map<?, ?> fields)
            throws XMLStreamException {
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            String fieldName = String.valueOf(field.getKey());
            AbapType type = null;
            if (parameter != null && parameter.fields() != null && !parameter.fields().isEmpty()) {
                type = parameter.fields().get(fieldName);
                if (type == null) {
                    throw new InvalidValue(where + " has no field " + fieldName + "; its fields are "
                            + parameter.fields().keySet().stream().collect(Collectors.joining(", ")));
                }
            }
            if (field.getValue() == null) {
                continue;
            }
            xml.writeStartElement(element("field", fieldName));
            xml.writeCharacters(convert(where + "-" + fieldName, type, field.getValue()));
            xml.writeEndElement();
        }
    }

    /**
     * The XML element name of an ABAP name, refused unless it is one: names come from the message body and endpoint
     * options, and markup in them would change the request's structure.
     */
    private static String element(String what, String abapName) {
        if (!AbapName.isValid(abapName)) {
            throw new InvalidValue(AbapName.problem(what, abapName));
        }
        return SoapRfcNames.encode(abapName);
    }

    private static String convert(String where, AbapType type, Object value) {
        try {
            return AbapValues.toWire(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(where + ": " + e.getMessage());
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
