package io.github.camelbtp.connectivity.socks;

import io.github.camelbtp.connectivity.Cause;
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

    /** The reply code's meaning (RFC 1928's name for it, and what SAP's proxy uses it for), one short phrase. */
    public static String meaning(int code) {
        return switch (code) {
            case GENERAL_FAILURE -> "general failure: the connection to the backend failed or the backend closed it";
            case NOT_ALLOWED -> "connection not allowed: no Cloud Connector mapping for the requested virtual host and port";
            case NETWORK_UNREACHABLE -> "network unreachable: no connected Cloud Connector";
            case HOST_UNREACHABLE -> "host unreachable: the backend host is unreachable from the Cloud Connector";
            case AUTHENTICATION_FAILED -> "authentication failed";
            case TTL_EXPIRED -> "TTL expired";
            case COMMAND_NOT_SUPPORTED -> "command not supported: the proxy only accepts CONNECT";
            case ADDRESS_TYPE_NOT_SUPPORTED -> "address type not supported: use a host name or an IPv4 address";
            default -> "unassigned reply code";
        };
    }

    /**
     * SAP's cause and the fix for a reply code, from the one table of causes ({@link Cause}) for the codes SAP
     * documents [using-the-tcp-protocol-for-cloud-applications-cd15837], so the message, the diagnosis and
     * docs/troubleshooting.md say the same.
     */
    static String fix(int code) {
        return switch (code) {
            case GENERAL_FAILURE, NOT_ALLOWED, NETWORK_UNREACHABLE, HOST_UNREACHABLE, AUTHENTICATION_FAILED ->
                    Cause.ofSocksReply(code).causeAndFix();
            case COMMAND_NOT_SUPPORTED, ADDRESS_TYPE_NOT_SUPPORTED -> "This is a client defect; report it to camel-btp.";
            default -> "Check the Connectivity Service and the Cloud Connector logs.";
        };
    }

    /** The exception for a failed SOCKS5 step, naming the destination, the location, the target and the fix. */
    public static CloudConnectorException exception(String destinationName, String locationId, String target, int code) {
        String where = where(locationId);
        String message = "The Connectivity SOCKS5 proxy refused the connection to " + target + " for destination '"
                + destinationName + "' via " + where + " with reply code " + String.format("%02X", code) + ": "
                + meaning(code) + ". " + fix(code);
        return new CloudConnectorException(destinationName, locationId, code, message);
    }

    static String where(String locationId) {
        return locationId == null || locationId.isEmpty() ? "the Cloud Connector without location ID"
                : "the Cloud Connector with location ID '" + locationId + "'";
    }
}
