package io.github.camelbtp.sandbox.onpremise.abap;

import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Parameter;
import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Structure;
import io.github.camelbtp.sandbox.onpremise.abap.AbapInterface.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The WSDL 1.1 that {@code GET /sap/bc/soap/wsdl11?services=F} answers: one function's interface in SAP's types. */
final class Wsdl {

    private Wsdl() {
    }

    /** SAP's WSDL for one function: request and response elements, table types and SAP's simple types. */
    static String document(AbapFunctions.Function function) {
        String fn = SoapRfcEnvelope.encodeName(function.name());
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .append("<wsdl:definitions targetNamespace=\"").append(SoapRfcEnvelope.RFC_NAMESPACE)
                .append("\" xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\" xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap/\"")
                .append(" xmlns:s0=\"").append(SoapRfcEnvelope.RFC_NAMESPACE).append("\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">")
                .append("<wsdl:types><xsd:schema elementFormDefault=\"unqualified\" targetNamespace=\"")
                .append(SoapRfcEnvelope.RFC_NAMESPACE).append("\">");
        Map<String, Type> simpleTypes = new LinkedHashMap<>();
        Map<String, Structure> structures = new LinkedHashMap<>();
        Set<String> tableTypes = new java.util.LinkedHashSet<>();
        for (boolean response : new boolean[] {false, true}) {
            s.append("<xsd:element name=\"").append(fn).append(response ? ".Response" : "").append("\"><xsd:complexType><xsd:all>");
            for (Parameter p : function.parameters()) {
                boolean include = p.isTable() || (response ? p.isOutput() : p.isInput());
                if (!include) {
                    continue;
                }
                String type;
                if (p.isTable()) {
                    type = "s0:TABLE_OF_" + p.structure().name();
                    tableTypes.add(p.structure().name());
                    structures.put(p.structure().name(), p.structure());
                } else if (p.structure() != null) {
                    type = "s0:" + p.structure().name();
                    structures.put(p.structure().name(), p.structure());
                } else {
                    type = p.type().xsd();
                    simpleTypes.put(type, p.type());
                }
                s.append("<xsd:element name=\"").append(SoapRfcEnvelope.encodeName(p.name())).append("\" type=\"").append(type).append('"');
                if (!response && p.optional() || response && p.isTable()) {
                    s.append(" minOccurs=\"0\"");
                }
                s.append("/>");
            }
            s.append("</xsd:all></xsd:complexType></xsd:element>");
        }
        for (Structure structure : structures.values()) {
            s.append("<xsd:complexType name=\"").append(structure.name()).append("\"><xsd:sequence>");
            for (AbapInterface.Field field : structure.fields()) {
                s.append("<xsd:element name=\"").append(SoapRfcEnvelope.encodeName(field.name())).append("\" type=\"")
                        .append(field.type().xsd()).append("\"/>");
                simpleTypes.put(field.type().xsd(), field.type());
            }
            s.append("</xsd:sequence></xsd:complexType>");
        }
        for (String table : tableTypes) {
            s.append("<xsd:complexType name=\"TABLE_OF_").append(table).append("\"><xsd:sequence><xsd:element")
                    .append(" name=\"item\" type=\"s0:").append(table)
                    .append("\" minOccurs=\"0\" maxOccurs=\"unbounded\"/></xsd:sequence></xsd:complexType>");
        }
        for (Map.Entry<String, Type> simple : simpleTypes.entrySet()) {
            if (!simple.getKey().startsWith("s0:")) {
                continue;
            }
            Type t = simple.getValue();
            s.append("<xsd:simpleType name=\"").append(simple.getKey().substring(3)).append("\">");
            switch (t.kind()) {
                case "CHAR" -> s.append("<xsd:restriction base=\"xsd:string\"><xsd:maxLength value=\"").append(t.length())
                        .append("\"/></xsd:restriction>");
                case "NUMC" -> s.append("<xsd:restriction base=\"xsd:string\"><xsd:maxLength value=\"").append(t.length())
                        .append("\"/><xsd:pattern value=\"\\d*\"/></xsd:restriction>");
                case "DATS" -> s.append("<xsd:restriction base=\"xsd:string\"><xsd:maxLength value=\"10\"/>")
                        .append("<xsd:pattern value=\"\\d\\d\\d\\d-\\d\\d-\\d\\d\"/></xsd:restriction>");
                case "TIMS" -> s.append("<xsd:restriction base=\"xsd:time\"><xsd:pattern value=\"\\d\\d:\\d\\d:\\d\\d\"/>")
                        .append("</xsd:restriction>");
                case "P" -> s.append("<xsd:restriction base=\"xsd:decimal\"><xsd:totalDigits value=\"").append(t.length())
                        .append("\"/><xsd:fractionDigits value=\"").append(t.decimals()).append("\"/></xsd:restriction>");
                default -> s.append("<xsd:restriction base=\"xsd:string\"/>");
            }
            s.append("</xsd:simpleType>");
        }
        s.append("</xsd:schema></wsdl:types>")
                .append("<wsdl:message name=\"").append(fn).append("Input\"><wsdl:part name=\"parameters\" element=\"s0:")
                .append(fn).append("\"/></wsdl:message>")
                .append("<wsdl:message name=\"").append(fn).append("Output\"><wsdl:part name=\"parameters\" element=\"s0:")
                .append(fn).append(".Response\"/></wsdl:message>")
                .append("<wsdl:portType name=\"").append(fn).append("PortType\"><wsdl:operation name=\"").append(fn)
                .append("\"><wsdl:input message=\"s0:").append(fn).append("Input\"/><wsdl:output message=\"s0:").append(fn)
                .append("Output\"/></wsdl:operation></wsdl:portType></wsdl:definitions>");
        return s.toString();
    }
}
