package io.github.camelbtp.rfc.soap;

import io.github.camelbtp.rfc.AbapType;
import io.github.camelbtp.rfc.AbapValues;
import io.github.camelbtp.rfc.FunctionInterface;
import io.github.camelbtp.rfc.FunctionInterface.Parameter;
import io.github.camelbtp.rfc.RfcRow;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a SOAP-RFC answer as it arrives (StAX, no document tree, no buffered body), so a table of hundreds of
 * thousands of rows costs its rows and nothing more: {@code <urn:FUNCTION.Response>} with exporting, changing and
 * table parameters, or a SOAP fault whose detail names the ABAP exception ({@code Name}, {@code Text}).
 */
final class SoapRfcResponseReader {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** What the system answered. */
    sealed interface Outcome permits Result, Fault {
    }

    record Result(Map<String, Object> parameters) implements Outcome {
    }

    /**
     * A SOAP fault: {@code faultcode}, {@code faultstring} and, for ABAP exceptions, the detail's {@code Name} and
     * {@code Text}.
     */
    record Fault(String code, String string, String name, String text) implements Outcome {

        String key() {
            return name != null && !name.isBlank() ? name : string;
        }
    }

    /** A value the metadata's type cannot take. */
    static final class InvalidAnswer extends RuntimeException {
        InvalidAnswer(String message) {
            super(message, null, false, false);
        }
    }

    private SoapRfcResponseReader() {
    }

    static Outcome read(InputStream in, FunctionInterface fi, Set<String> flags) throws XMLStreamException {
        XMLStreamReader xml = new ShortTextReader(FACTORY.createXMLStreamReader(in));
        try {
            boolean inBody = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!inBody) {
                    inBody = SoapRfcRequestWriter.SOAP_ENV.equals(xml.getNamespaceURI()) && xml.getLocalName().equals("Body");
                    continue;
                }
                if (SoapRfcRequestWriter.SOAP_ENV.equals(xml.getNamespaceURI()) && xml.getLocalName().equals("Fault")) {
                    return fault(xml);
                }
                return new Result(parameters(xml, fi, flags));
            }
            throw new XMLStreamException("the answer has no SOAP body");
        } finally {
            xml.close();
        }
    }

    private static Map<String, Object> parameters(XMLStreamReader xml, FunctionInterface fi, Set<String> flags)
            throws XMLStreamException {
        Map<String, Object> result = new LinkedHashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = SoapRfcNames.decode(xml.getLocalName());
            Parameter parameter = fi == null ? null : fi.parameter(name).orElse(null);
            result.put(name, value(xml, name, parameter, flags));
        }
        return result;
    }

    /** One parameter: typed by the metadata when known, else recognised by its shape. */
    private static Object value(XMLStreamReader xml, String name, Parameter parameter, Set<String> flags)
            throws XMLStreamException {
        if (parameter != null && parameter.fields() == null) {
            return convert(name, null, parameter.type(), xml.getElementText(), flags.contains(name));
        }
        StringBuilder text = new StringBuilder();
        Map<String, Object> structure = null;
        List<Map<String, Object>> rows = null;
        RfcRow.Layout layout = parameter != null && parameter.fields() != null && !parameter.fields().isEmpty()
                ? new RfcRow.Layout(parameter.fields().keySet()) : null;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    if (xml.getLocalName().equals("item") && structure == null) {
                        if (rows == null) {
                            rows = new ArrayList<>();
                        }
                        RowRead read = row(xml, name, parameter, layout, flags);
                        layout = read.layout;
                        rows.add(read.row);
                    } else {
                        if (structure == null) {
                            structure = new LinkedHashMap<>();
                        }
                        String field = SoapRfcNames.decode(xml.getLocalName());
                        structure.put(field, convert(name, field, fieldType(parameter, field), xml.getElementText(),
                                flags.contains(field)));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (rows != null) {
                        return rows;
                    }
                    if (structure != null) {
                        return structure;
                    }
                    if (parameter != null && parameter.table()) {
                        return List.of();
                    }
                    if (parameter != null && parameter.isStructure()) {
                        return Map.of();
                    }
                    return text.toString();
                }
                default -> { }
            }
        }
    }

    private record RowRead(RfcRow.Layout layout, Map<String, Object> row) {
    }

    /** One {@code <item>}: into the table's shared layout; a row that does not fit it becomes a plain map. */
    private static RowRead row(XMLStreamReader xml, String table, Parameter parameter, RfcRow.Layout layout,
            Set<String> flags) throws XMLStreamException {
        Object[] values = layout == null ? null : new Object[layout.size()];
        Map<String, Object> fallback = null;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String field = SoapRfcNames.decode(xml.getLocalName());
            Object value = convert(table, field, fieldType(parameter, field), xml.getElementText(),
                    flags.contains(field));
            int position = layout == null ? -1 : layout.position(field);
            if (position >= 0 && fallback == null) {
                values[position] = value;
            } else {
                if (fallback == null) {
                    fallback = new LinkedHashMap<>();
                    if (layout != null) {
                        for (Map.Entry<String, Object> e : new RfcRow(layout, values).entrySet()) {
                            if (e.getValue() != null) {
                                fallback.put(e.getKey(), e.getValue());
                            }
                        }
                    }
                }
                fallback.put(field, value);
            }
        }
        if (fallback == null) {
            return new RowRead(layout, new RfcRow(layout, values));
        }
        if (layout == null) {
            // no metadata: the first row's fields become the table's layout
            RfcRow.Layout discovered = new RfcRow.Layout(fallback.keySet());
            return new RowRead(discovered, new RfcRow(discovered, fallback.values().toArray()));
        }
        return new RowRead(layout, fallback);
    }

    private static AbapType fieldType(Parameter parameter, String field) {
        return parameter == null || parameter.fields() == null ? null : parameter.fields().get(field);
    }

    /**
     * One value of the answer; {@code field} is {@code null} for a parameter of its own. Where it failed
     * ({@code PARAMETER-FIELD}) is put together only when it did: a large table has millions of fields.
     */
    private static Object convert(String parameter, String field, AbapType type, String text, boolean flag) {
        try {
            return AbapValues.fromWire(type, text, flag);
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswer((field == null ? parameter : parameter + "-" + field) + ": " + e.getMessage());
        }
    }

    private static Fault fault(XMLStreamReader xml) throws XMLStreamException {
        String code = null;
        String string = null;
        String name = null;
        String text = null;
        int depth = 1;
        String current = null;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                current = xml.getLocalName();
                switch (current) {
                    case "faultcode" -> { code = xml.getElementText(); depth--; }
                    case "faultstring" -> { string = xml.getElementText(); depth--; }
                    case "Name" -> { if (name == null) { name = xml.getElementText(); depth--; } }
                    case "Text" -> { if (text == null) { text = xml.getElementText(); depth--; } }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new Fault(code, string, name, text);
    }
}
