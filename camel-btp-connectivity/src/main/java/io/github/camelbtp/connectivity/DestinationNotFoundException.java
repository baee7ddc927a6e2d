package io.github.camelbtp.connectivity;

/** No configured source (static configuration, the {@code destinations} environment variable, the Destination Service) knows the name. */
public class DestinationNotFoundException extends BtpConnectivityException {

    /** How an application gets destinations, for the message of an engine that has no source at all. */
    public static final String SOURCES = "bind a Destination Service instance (Cloud Foundry: VCAP_SERVICES;"
            + " Kubernetes/Kyma: a binding directory under SERVICE_BINDING_ROOT), point the component's bindingFile option"
            + " at a VCAP_SERVICES JSON file (for example the one 'SandboxMain --binding-file' writes), set the"
            + " 'destinations' environment variable to a JSON array like [{\"name\":\"X\",\"url\":\"https://…\"}],"
            + " or configure destinations statically (Spring Boot: camel.btp.destinations.<name>.<property>)";

    public DestinationNotFoundException(String destinationName, String searched) {
        super(destinationName, "Destination '" + destinationName + "' was not found (searched: " + searched
                + "). Check the name (it is case-sensitive) and that the destination exists at subaccount or"
                + " service-instance level of the bound Destination Service, or in the 'destinations' environment variable.");
    }

    private DestinationNotFoundException(String destinationName) {
        super(destinationName, "Destination '" + destinationName + "' cannot be looked up: no destination source is"
                + " configured (no Destination Service binding, no 'destinations' environment variable, no static"
                + " destinations). To get destinations, " + SOURCES + ".");
    }

    /** The error for an engine without any destination source: the name is not the problem. */
    public static DestinationNotFoundException noSource(String destinationName) {
        return new DestinationNotFoundException(destinationName);
    }
}
