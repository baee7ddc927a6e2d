package io.github.camelbtp.sandbox;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The Cloud Connector's RFC access control applied to SOAP-RFC traffic [configure-access-control-http-e7d4927, facts
 * §8: "RFC: allow-listed function names (exact or prefix)"]: finds which function module a request to an ABAP system
 * calls — the body element of a {@code /sap/bc/soap/rfc} call, or {@code services} of a {@code /sap/bc/soap/wsdl11}
 * request — so the connector can check it against its allow-list.
 * <p>
 * SAP documents the RFC allow-list for the RFC protocol, not what the connector answers when it denies a function
 * over HTTP; the sandbox answers 403 with "Access denied to function module NAME of system HOST:PORT", in the shape
 * of its HTTP denial.
 */
final class RfcAccessControl {

    private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();

    static {
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private RfcAccessControl() {
    }

    /** The function module a request calls, or {@code null} when it is no SOAP-RFC or WSDL request. */
    static String function(String path, String rawQuery, byte[] body) {
        if (path.equals(AbapSystem.WSDL_PATH)) {
            String services = HttpEndpoint.queryParameters(rawQuery).get("services");
            return services == null ? "" : services.trim();
        }
        if (!path.equals(AbapSystem.RFC_PATH) || body == null) {
            return null;
        }
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
            boolean inBody = false;
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (inBody) {
                    return AbapSystem.decodeName(reader.getLocalName());
                }
                inBody = reader.getLocalName().equals("Body");
            }
        } catch (XMLStreamException e) {
            // not XML: the backend will answer that itself
        }
        return "";
    }

    static String denial(String function, String host, int port) {
        return "Access denied to function module " + function + " of system " + host + ":" + port;
    }
}
