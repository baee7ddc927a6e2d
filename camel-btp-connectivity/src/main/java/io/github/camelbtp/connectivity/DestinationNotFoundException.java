package io.github.camelbtp.connectivity;

/** No configured source (static configuration, the {@code destinations} environment variable, the Destination Service) knows the name. */
public class DestinationNotFoundException extends BtpConnectivityException {

    public DestinationNotFoundException(String destinationName, String searched) {
        super(destinationName, "Destination '" + destinationName + "' was not found (searched: " + searched
                + "). Check the name (it is case-sensitive) and that the destination exists at subaccount or"
                + " service-instance level of the bound Destination Service, or in the 'destinations' environment variable.");
    }
}
