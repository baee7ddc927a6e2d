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

    private BtpRfcConstants() {
    }
}
