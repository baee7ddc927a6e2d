package io.github.camelbtp.sandbox.onpremise.abap;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Parameter;
import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Structure;
import io.github.camelbtp.sandbox.wire.HttpEndpoint;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * SOAP-RFC envelopes as SAP's SOAP runtime reads and writes them [rfc-destinations-238d027, facts §7]: the request's
 * body element is the function in namespace {@value #RFC_NAMESPACE}, its children the parameters (tables as
 * {@code <item>} rows); the answer is {@code <FUNCTION.Response>}, streamed; an ABAP exception is a SOAP fault whose
 * detail {@code FUNCTION.Exception} carries {@code Name} and {@code Text}. Names containing {@code /} travel as
 * {@code _-}.
 */
final class SoapRfcEnvelope {

    static final String RFC_NAMESPACE = "urn:sap-com:document:sap:rfc:functions";
    static final String SOAP_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String XML = "text/xml; charset=utf-8";
    private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    static {
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private SoapRfcEnvelope() {
    }

    record ParsedCall(String function, Map<String, Object> parameters) {
    }

    /** Reads the envelope: the body's first element is the function, its children the parameters. */
    static ParsedCall parse(InputStream body) throws XMLStreamException {
        XMLStreamReader reader = INPUT.createXMLStreamReader(body);
        try {
            boolean inBody = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!inBody) {
                    inBody = SOAP_NAMESPACE.equals(reader.getNamespaceURI()) && reader.getLocalName().equals("Body");
                    continue;
                }
                if (!RFC_NAMESPACE.equals(reader.getNamespaceURI())) {
                    throw new IllegalArgumentException("the body element must be in namespace " + RFC_NAMESPACE);
                }
                String function = decodeName(reader.getLocalName());
                Map<String, Object> parameters = new LinkedHashMap<>();
                while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    parameters.put(decodeName(reader.getLocalName()), value(reader));
                }
                return new ParsedCall(function, parameters);
            }
            throw new IllegalArgumentException("no SOAP body");
        } finally {
            reader.close();
        }
    }

    /** An element's content: text, a structure (map) or a table (list of maps of {@code item} rows). */
    static Object value(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        Map<String, String> fields = null;
        List<Map<String, String>> rows = null;
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (reader.getLocalName().equals("item")) {
                    if (rows == null) {
                        rows = new ArrayList<>();
                    }
                    Map<String, String> row = new LinkedHashMap<>();
                    while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        String name = decodeName(reader.getLocalName());
                        row.put(name, reader.getElementText());
                    }
                    rows.add(row);
                } else {
                    if (fields == null) {
                        fields = new LinkedHashMap<>();
                    }
                    String name = decodeName(reader.getLocalName());
                    fields.put(name, reader.getElementText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (rows != null) {
                    return rows;
                }
                return fields != null ? fields : text.toString();
            }
        }
    }

    /** SAP writes {@code /} in ABAP names as {@code _-} in XML names. */
    static String decodeName(String xmlName) {
        return xmlName.replace("_-", "/");
    }

    static String encodeName(String abapName) {
        return abapName.replace("/", "_-");
    }

    static void respond(HttpExchange exchange, AbapFunctions.Function function, Set<String> sent,
            Map<String, Object> output) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", XML);
        exchange.sendResponseHeaders(200, 0); // chunked: a large table is written while it is produced
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soap-env", "Envelope", SOAP_NAMESPACE);
            xml.writeNamespace("soap-env", SOAP_NAMESPACE);
            xml.writeEmptyElement("soap-env", "Header", SOAP_NAMESPACE);
            xml.writeStartElement("soap-env", "Body", SOAP_NAMESPACE);
            xml.writeStartElement("urn", encodeName(function.name()) + ".Response", RFC_NAMESPACE);
            xml.writeNamespace("urn", RFC_NAMESPACE);
            for (Parameter parameter : function.parameters()) {
                // tables come back only when the caller sent them (an empty element requests an output table)
                if (!parameter.isOutput() || parameter.isTable() && !sent.contains(parameter.name())) {
                    continue;
                }
                Object value = output.get(parameter.name());
                xml.writeStartElement(encodeName(parameter.name()));
                if (parameter.isTable()) {
                    if (value instanceof Iterable<?> rows) {
                        for (Object row : rows) {
                            xml.writeStartElement("item");
                            writeStructure(xml, parameter.structure(), (Map<?, ?>) row);
                            xml.writeEndElement();
                        }
                    }
                } else if (parameter.structure() != null) {
                    writeStructure(xml, parameter.structure(), value instanceof Map<?, ?> m ? m : Map.of());
                } else {
                    xml.writeCharacters(XsdTypes.format(parameter.type(), value));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            exchange.close();
        }
    }

    static void writeStructure(XMLStreamWriter xml, Structure structure, Map<?, ?> values)
            throws XMLStreamException {
        for (AbapInterface.Field field : structure.fields()) {
            xml.writeStartElement(encodeName(field.name()));
            xml.writeCharacters(XsdTypes.format(field.type(), values.get(field.name())));
            xml.writeEndElement();
        }
    }

    static void fault(HttpExchange exchange, String code, String name, String text, String function)
            throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .append("<soap-env:Envelope xmlns:soap-env=\"").append(SOAP_NAMESPACE).append("\"><soap-env:Body>")
                .append("<soap-env:Fault><faultcode>").append(code).append("</faultcode>")
                .append("<faultstring xml:lang=\"en\">").append(escape(name)).append("</faultstring><detail>");
        String element = encodeName(function == null ? "RFC" : function) + ".Exception";
        xml.append("<urn:").append(element).append(" xmlns:urn=\"").append(RFC_NAMESPACE).append("\">")
                .append("<Name>").append(escape(name)).append("</Name><Text>").append(escape(text)).append("</Text>")
                .append("<Message><ID>CBTP</ID><Number>001</Number></Message></urn:").append(element).append(">")
                .append("</detail></soap-env:Fault></soap-env:Body></soap-env:Envelope>");
        HttpEndpoint.send(exchange, 500, XML, xml.toString());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
