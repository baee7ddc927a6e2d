package io.github.camelbtp.rfc.soap;

/**
 * ABAP names in XML: SAP writes the namespace delimiter {@code /} of names such as {@code /BIC/ZSALES} as
 * {@code _-} in element names ({@code _-BIC_-ZSALES}), since {@code /} cannot appear in an XML name.
 */
public final class SoapRfcNames {

    private SoapRfcNames() {
    }

    public static String encode(String abapName) {
        return abapName.replace("/", "_-");
    }

    public static String decode(String xmlName) {
        return xmlName.replace("_-", "/");
    }
}
