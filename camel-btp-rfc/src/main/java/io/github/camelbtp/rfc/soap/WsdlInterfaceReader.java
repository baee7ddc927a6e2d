package io.github.camelbtp.rfc.soap;

import io.github.camelbtp.rfc.AbapType;
import io.github.camelbtp.rfc.FunctionInterface;
import io.github.camelbtp.rfc.FunctionInterface.Direction;
import io.github.camelbtp.rfc.FunctionInterface.Parameter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a function's interface from the WSDL SAP's generator serves at {@code /sap/bc/soap/wsdl11?services=FUNCTION}:
 * the request element {@code FUNCTION} and the response element {@code FUNCTION.Response} (parameters), named complex
 * types (structures; a sequence of one {@code item} element is a table) and SAP's simple types ({@code char10},
 * {@code numeric6}, {@code date}, {@code time}, {@code decimal15.2}, …, also recognised by their restriction).
 * A WSDL document is a few kilobytes, read once per function and cached, so a DOM is fine here.
 */
final class WsdlInterfaceReader {

    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final DocumentBuilderFactory FACTORY = DocumentBuilderFactory.newInstance();

    static {
        FACTORY.setNamespaceAware(true);
        try {
            FACTORY.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            FACTORY.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        FACTORY.setXIncludeAware(false);
        FACTORY.setExpandEntityReferences(false);
    }

    private WsdlInterfaceReader() {
    }

    /**
     * @throws IllegalArgumentException when the document is not a WSDL describing {@code function}
     */
    static FunctionInterface read(String function, InputStream wsdl) throws IOException {
        Document document;
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) { // a DocumentBuilderFactory is not guaranteed to be thread-safe
                builder = FACTORY.newDocumentBuilder();
            }
            document = builder.parse(wsdl);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalArgumentException("not an XML document: " + e.getMessage());
        }
        Map<String, Element> elements = new LinkedHashMap<>();
        Map<String, Element> complexTypes = new LinkedHashMap<>();
        Map<String, Element> simpleTypes = new LinkedHashMap<>();
        for (Element schema : children(document.getDocumentElement(), null, null, true)) {
            if (!XSD.equals(schema.getNamespaceURI()) || !schema.getLocalName().equals("schema")) {
                continue;
            }
            for (Element child : children(schema, XSD, null, false)) {
                switch (child.getLocalName()) {
                    case "element" -> elements.put(child.getAttribute("name"), child);
                    case "complexType" -> complexTypes.put(child.getAttribute("name"), child);
                    case "simpleType" -> simpleTypes.put(child.getAttribute("name"), child);
                    default -> { }
                }
            }
        }
        String encoded = SoapRfcNames.encode(function);
        Element request = elements.get(encoded);
        Element response = elements.containsKey(encoded + ".Response") ? elements.get(encoded + ".Response")
                : elements.get(encoded + "Response");
        if (request == null || response == null) {
            throw new IllegalArgumentException("the WSDL does not describe function module " + function);
        }
        Map<String, String> requestParameters = parameterTypes(request);
        Map<String, String> responseParameters = parameterTypes(response);
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(requestParameters.keySet());
        responseParameters.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        for (String xmlName : names) {
            boolean in = requestParameters.containsKey(xmlName);
            boolean out = responseParameters.containsKey(xmlName);
            String type = in ? requestParameters.get(xmlName) : responseParameters.get(xmlName);
            String name = SoapRfcNames.decode(xmlName);
            Element complex = complexTypes.get(local(type));
            if (complex != null) {
                List<Element> sequence = sequence(complex);
                if (sequence.size() == 1 && sequence.get(0).getAttribute("name").equals("item")) {
                    Element rowType = complexTypes.get(local(sequence.get(0).getAttribute("type")));
                    parameters.put(name, new Parameter(name, Direction.TABLES, null,
                            rowType == null ? Map.of() : fields(rowType, simpleTypes, complexTypes), true));
                } else {
                    parameters.put(name, new Parameter(name, direction(in, out), null,
                            fields(complex, simpleTypes, complexTypes), false));
                }
            } else {
                parameters.put(name, new Parameter(name, direction(in, out), simple(type, simpleTypes), null, false));
            }
        }
        return new FunctionInterface(function, parameters);
    }

    private static Direction direction(boolean in, boolean out) {
        return in && out ? Direction.CHANGING : in ? Direction.IMPORTING : Direction.EXPORTING;
    }

    private static Map<String, String> parameterTypes(Element element) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Element complex : children(element, XSD, "complexType", false)) {
            for (Element group : children(complex, XSD, null, false)) {
                for (Element parameter : children(group, XSD, "element", false)) {
                    result.put(parameter.getAttribute("name"), parameter.getAttribute("type"));
                }
            }
        }
        return result;
    }

    private static List<Element> sequence(Element complexType) {
        List<Element> result = new ArrayList<>();
        for (Element group : children(complexType, XSD, null, false)) {
            result.addAll(children(group, XSD, "element", false));
        }
        return result;
    }

    private static Map<String, AbapType> fields(Element complexType, Map<String, Element> simpleTypes,
            Map<String, Element> complexTypes) {
        Map<String, AbapType> fields = new LinkedHashMap<>();
        for (Element field : sequence(complexType)) {
            String type = field.getAttribute("type");
            // a nested structure (deep structure) has no scalar type: its content stays as the wire gives it
            fields.put(SoapRfcNames.decode(field.getAttribute("name")),
                    complexTypes.containsKey(local(type)) ? AbapType.STRING : simple(type, simpleTypes));
        }
        return fields;
    }

    /** A simple type: by its restriction when the WSDL defines it, else by SAP's naming or the XSD built-in. */
    private static AbapType simple(String type, Map<String, Element> simpleTypes) {
        Element definition = simpleTypes.get(local(type));
        if (definition != null) {
            for (Element restriction : children(definition, XSD, "restriction", false)) {
                String base = local(restriction.getAttribute("base"));
                String pattern = facet(restriction, "pattern");
                int maxLength = number(facet(restriction, "maxLength"));
                if (base.equals("decimal")) {
                    return new AbapType(AbapType.Kind.DECIMAL, number(facet(restriction, "totalDigits")),
                            number(facet(restriction, "fractionDigits")));
                }
                if (base.equals("time") || pattern != null && pattern.startsWith("\\d\\d:")) {
                    return new AbapType(AbapType.Kind.TIME, 8, 0);
                }
                if (base.equals("date") || pattern != null && pattern.startsWith("\\d\\d\\d\\d-")) {
                    return new AbapType(AbapType.Kind.DATE, 10, 0);
                }
                if (pattern != null && pattern.equals("\\d*")) {
                    return new AbapType(AbapType.Kind.NUMC, maxLength, 0);
                }
                if (base.equals("base64Binary")) {
                    return new AbapType(AbapType.Kind.BINARY, maxLength, 0);
                }
                AbapType byBase = AbapType.fromXsdName(base);
                if (byBase != null && byBase.kind() != AbapType.Kind.CHAR) {
                    return byBase;
                }
                return new AbapType(AbapType.Kind.CHAR, maxLength, 0);
            }
        }
        AbapType byName = AbapType.fromXsdName(type);
        return byName != null ? byName : AbapType.STRING;
    }

    private static String facet(Element restriction, String name) {
        List<Element> facets = children(restriction, XSD, name, false);
        return facets.isEmpty() ? null : facets.get(0).getAttribute("value");
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String local(String qualified) {
        return qualified == null ? "" : qualified.substring(qualified.indexOf(':') + 1);
    }

    /** Child elements (optionally of one namespace and local name); {@code deep} searches all descendants. */
    private static List<Element> children(Element parent, String namespace, String localName, boolean deep) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e) {
                if ((namespace == null || namespace.equals(e.getNamespaceURI()))
                        && (localName == null || localName.equals(e.getLocalName()))) {
                    result.add(e);
                }
                if (deep) {
                    result.addAll(children(e, namespace, localName, true));
                }
            }
        }
        return result;
    }
}
