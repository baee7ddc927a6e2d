package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationConfigurationException;

import java.util.regex.Pattern;

/** SAP's rule for destination names: letters, digits, {@code _} and {@code -}, at most 200 characters. */
public final class DestinationNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    private DestinationNames() {
    }

    /** Rejects names that SAP would not accept; this also keeps a name from changing the Destination Service URL. */
    public static String requireValid(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new DestinationConfigurationException(String.valueOf(name), "Name",
                    "is not a valid destination name: use letters, digits, '_' and '-' only (at most 200 characters),"
                    + " as SAP does. Correct the name in the endpoint URI (btp-destination:NAME, btp-rfc's destination"
                    + " option) or in the header that names the destination.");
        }
        return name;
    }
}
