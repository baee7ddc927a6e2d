package io.github.camelbtp.connectivity;

/** A destination (or a service binding) lacks a property or has a value camel-btp cannot use. */
public class DestinationConfigurationException extends BtpConnectivityException {

    private final String property;

    public DestinationConfigurationException(String destinationName, String property, String message) {
        this(destinationName, property, message, null);
    }

    public DestinationConfigurationException(String destinationName, String property, String message, Throwable cause) {
        super(destinationName, prefix(destinationName, property) + message, cause);
        this.property = property;
    }

    private static String prefix(String destinationName, String property) {
        StringBuilder sb = new StringBuilder();
        if (destinationName != null) {
            sb.append("Destination '").append(destinationName).append("'");
        } else {
            sb.append("Service binding");
        }
        if (property != null) {
            sb.append(", property '").append(property).append("'");
        }
        return sb.append(": ").toString();
    }

    /** The offending property, or {@code null} when the problem is not one property. */
    public String property() {
        return property;
    }
}
