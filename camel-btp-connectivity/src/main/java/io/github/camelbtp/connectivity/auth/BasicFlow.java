package io.github.camelbtp.connectivity.auth;

import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.PerDestination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.destination.EnumeratedProperty;

import java.util.List;

/**
 * NoAuthentication and BasicAuthentication, encoded locally: Basic from {@code User}/{@code Password}, sent at once or,
 * with {@code Preemptive=FALSE}, only to answer a challenge; NoAuthentication sends nothing, or with
 * {@code forwardAuthToken=true} (the approuter's and SAP SDKs' property) the request's user JWT as it is.
 */
final class BasicFlow implements AuthenticationFlow {

    /**
     * The Basic header of each destination object, encoded once instead of once per request (issue 12); keyed by
     * identity (weak keys), so a refreshed destination, perhaps with a new password, is encoded anew.
     */
    private final PerDestination<Authentication> encoded = new PerDestination<>();

    @Override
    public Authentication authenticate(Destination destination, DestinationOptions options, AuthenticationType type) {
        if (type == AuthenticationType.BasicAuthentication) {
            Authentication basic = encoded.get(destination);
            if (basic == null) {
                basic = basic(destination);
                encoded.put(destination, basic);
            }
            return basic;
        }
        return forwardAuthToken(destination) && options.userToken() != null
                ? Authentication.header("Authorization", "Bearer " + options.userToken()) : Authentication.NONE;
    }

    static Authentication basic(Destination destination) {
        BasicCredentials credentials = new BasicCredentials(
                destination.requireProperty(DestinationProperty.USER, "BasicAuthentication needs a user"),
                destination.requireProperty(DestinationProperty.PASSWORD, "BasicAuthentication needs a password"));
        return preemptive(destination) ? Authentication.header("Authorization", credentials.headerValue())
                : new Authentication(List.of(), credentials);
    }

    private static boolean forwardAuthToken(Destination destination) {
        return EnumeratedProperty.FORWARD_AUTH_TOKEN.isTrue(destination);
    }

    /** {@code Preemptive} (default TRUE) [http-destinations-42a0e6b]. */
    static boolean preemptive(Destination destination) {
        return EnumeratedProperty.PREEMPTIVE.isTrue(destination);
    }
}
