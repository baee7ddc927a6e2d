package io.github.camelbtp.connectivity.socks;

import io.github.camelbtp.connectivity.CloudConnectorException;

/**
 * The reply codes of the Connectivity Service's SOCKS5 proxy and what SAP documents them to mean
 * [using-the-tcp-protocol-for-cloud-applications-cd15837], each with the fix a user can apply.
 */
public final class SocksReply {

    /** The CONNECT succeeded. */
    public static final int SUCCEEDED = 0x00;
    public static final int GENERAL_FAILURE = 0x01;
    public static final int NOT_ALLOWED = 0x02;
    public static final int NETWORK_UNREACHABLE = 0x03;
    public static final int HOST_UNREACHABLE = 0x04;
    public static final int AUTHENTICATION_FAILED = 0x05;
    public static final int TTL_EXPIRED = 0x06;
    public static final int COMMAND_NOT_SUPPORTED = 0x07;
    public static final int ADDRESS_TYPE_NOT_SUPPORTED = 0x08;

    private SocksReply() {
    }

    /** SAP's meaning of a reply code, one short phrase. */
    public static String meaning(int code) {
        return switch (code) {
            case GENERAL_FAILURE -> "general failure: the connection to the backend failed or the backend closed it";
            case NOT_ALLOWED -> "no Cloud Connector mapping for the requested virtual host and port";
            case NETWORK_UNREACHABLE -> "the Cloud Connector is not connected, or no Cloud Connector has this location ID";
            case HOST_UNREACHABLE -> "the backend host is unreachable from the Cloud Connector";
            case AUTHENTICATION_FAILED -> "authentication failed: the connectivity token or the location ID was rejected";
            case TTL_EXPIRED -> "TTL expired";
            case COMMAND_NOT_SUPPORTED -> "command not supported: the proxy only accepts CONNECT";
            case ADDRESS_TYPE_NOT_SUPPORTED -> "address type not supported: use a host name or an IPv4 address";
            default -> "unassigned reply code";
        };
    }

    /** What the user should check for a reply code. */
    static String fix(int code, String target, String where) {
        return switch (code) {
            case GENERAL_FAILURE -> "Check that the internal system behind " + target + " is running and accepts"
                    + " connections from the Cloud Connector host, and look at the Cloud Connector's audit and trace logs.";
            case NOT_ALLOWED -> "Add " + target + " as a system mapping (protocol TCP, or TCP SSL / LDAP / LDAPS as fits)"
                    + " in " + where + ", or correct the virtual host and port of the destination.";
            case NETWORK_UNREACHABLE -> "Check that " + where + " is connected to this subaccount and that"
                    + " CloudConnectorLocationId matches its location ID (case-sensitive).";
            case HOST_UNREACHABLE -> "Check the internal host and port of the system mapping for " + target
                    + " and the network path from the Cloud Connector to it.";
            case AUTHENTICATION_FAILED -> "Check that the application is bound to the Connectivity Service of the same"
                    + " subaccount (connectivity binding clientid/clientsecret/token_service_url) and that"
                    + " CloudConnectorLocationId is right.";
            case COMMAND_NOT_SUPPORTED, ADDRESS_TYPE_NOT_SUPPORTED -> "This is a client defect; report it to camel-btp.";
            default -> "Check the Connectivity Service and the Cloud Connector logs.";
        };
    }

    /** The exception for a failed SOCKS5 step, naming the destination, the location, the target and the fix. */
    public static CloudConnectorException exception(String destinationName, String locationId, String target, int code) {
        String where = where(locationId);
        String message = "The Connectivity SOCKS5 proxy refused the connection to " + target + " for destination '"
                + destinationName + "' via " + where + " with reply code " + String.format("%02X", code) + ": "
                + meaning(code) + ". " + fix(code, target, where);
        return new CloudConnectorException(destinationName, locationId, code, message);
    }

    static String where(String locationId) {
        return locationId == null || locationId.isEmpty() ? "the Cloud Connector without location ID"
                : "the Cloud Connector with location ID '" + locationId + "'";
    }
}
