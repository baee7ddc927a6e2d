package io.github.camelbtp.rfc;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the btp-rfc component. */
public final class BtpRfcConstants {

    @Metadata(label = "producer", description = "Set on the answer: the function module that was called.", javaType = "String")
    public static final String FUNCTION = "CamelBtpRfcFunction";

    @Metadata(label = "producer", description = "Set on the answer: the destination the call went through.", javaType = "String")
    public static final String DESTINATION = "CamelBtpRfcDestination";

    @Metadata(label = "producer", description = "Set on the answer when checkReturn or commit is on: the BAPI's RETURN"
            + " messages (all types), as a list of maps.", javaType = "java.util.List")
    public static final String RETURN_MESSAGES = "CamelBtpRfcReturnMessages";

    @Metadata(label = "producer", description = "Set by operation=diagnose: the name of the first hop that failed"
            + " (binding, service-token, destination, authentication, connectivity-token, proxy, cloud-connector,"
            + " backend); absent when every hop passed. The same header as btp-destination's.", javaType = "String")
    public static final String DIAGNOSIS_FAILED_HOP = "CamelBtpDiagnosisFailedHop";

    private BtpRfcConstants() {
    }
}
