package io.github.camelbtp.destination;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the btp-destination component. HTTP request and response headers follow camel-http's names. */
public final class BtpDestinationConstants {

    @Metadata(label = "producer", description = "The name of the destination to call instead of the one in the endpoint"
            + " URI. Only honoured when the endpoint option destinationFromHeader is true, because it lets message data"
            + " choose the target system.", javaType = "String")
    public static final String DESTINATION_NAME = "CamelBtpDestinationName";

    @Metadata(label = "producer", description = "Set on the answer: the destination that served the request.",
            javaType = "String")
    public static final String RESOLVED_DESTINATION = "CamelBtpResolvedDestination";

    @Metadata(label = "producer", description = "A relative path appended to the destination URL and the endpoint path"
            + " (camel-http's header). It may not carry a scheme or an authority, and '..' may not leave the"
            + " destination's path.", javaType = "String")
    public static final String HTTP_PATH = "CamelHttpPath";

    @Metadata(label = "producer", description = "Query string added to the request (camel-http's header).", javaType = "String")
    public static final String HTTP_QUERY = "CamelHttpQuery";

    @Metadata(label = "producer", description = "The HTTP method (camel-http's header).", javaType = "String")
    public static final String HTTP_METHOD = "CamelHttpMethod";

    @Metadata(label = "producer", description = "The HTTP status of the answer (camel-http's header).", javaType = "int")
    public static final String HTTP_RESPONSE_CODE = "CamelHttpResponseCode";

    private BtpDestinationConstants() {
    }
}
