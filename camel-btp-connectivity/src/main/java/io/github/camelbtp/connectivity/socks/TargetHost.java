package io.github.camelbtp.connectivity.socks;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a host name or IPv4 literal must be to be sent in a SOCKS5 CONNECT (RFC 1928; SAP's SOCKS5 proxy
 * [using-the-tcp-protocol-for-cloud-applications-cd15837] uses address types IPv4 (0x01) and DOMAIN (0x03)): an IPv4
 * literal has four octets of 0–255 (so {@code 300.1.1.1} is refused, never sent as {@code 44.1.1.1}); a domain is
 * ASCII (an international name in its {@code xn--} form) and at most 255 bytes, the most its one length byte can say.
 */
public final class TargetHost {

    /** Four dot-separated groups of digits: meant as an IPv4 literal, so it must be a valid one. */
    static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[\\d.]+");
    static final int MAX_DOMAIN_BYTES = 255;

    private TargetHost() {
    }

    /** Why {@code host} cannot be a connection target, or empty when it can. */
    public static Optional<String> problem(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of("the host is empty");
        }
        if (IPV4.matcher(host).matches()) {
            for (String octet : host.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.of("'" + host + "' is not an IPv4 address: each of its four numbers must be 0 to 255");
                }
            }
            return Optional.empty();
        }
        if (DIGITS_AND_DOTS.matcher(host).matches()) {
            return Optional.of("'" + host + "' is neither an IPv4 address (four numbers 0 to 255) nor a host name");
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(host)) {
            return Optional.of("the host name '" + host + "' is not ASCII: write an international name in its xn-- form");
        }
        if (host.length() > MAX_DOMAIN_BYTES) {
            return Optional.of("the host name is " + host.length() + " characters long (starting '" + host.substring(0, 40)
                    + "…'); a host name has at most " + MAX_DOMAIN_BYTES + " (the limit of DNS and of SOCKS5)");
        }
        return Optional.empty();
    }
}
