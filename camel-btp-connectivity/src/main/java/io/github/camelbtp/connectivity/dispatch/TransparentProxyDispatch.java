package io.github.camelbtp.connectivity.dispatch;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.SubscriberTokenUrl;
import io.github.camelbtp.connectivity.http.HttpHeader;

import java.util.ArrayList;
import java.util.List;

/**
 * Gateway destinations ({@link Destination#viaTransparentProxy()}): straight to SAP's Transparent Proxy, whose
 * destination gateway finds the destination named in {@code X-Destination-Name}, authenticates and takes the
 * Connectivity proxy hop itself [destination-gateway-dynamic-lookup-of-destinations-6836e00]. The request carries what
 * the gateway needs to find and authenticate for this request — never a token of the engine's own:
 * <ul>
 * <li>{@code X-Destination-Name}, and {@code X-Fragment-Name} for a fragment;</li>
 * <li>the tenant: {@code X-Tenant-Id} for a tenant ID, {@code X-Tenant-Subdomain} for a subdomain (exactly one, as the
 * proxy's shared mode demands); none for the provider;</li>
 * <li>the user's token in {@code Authorization} for user flows, and for token exchange the subject token there with
 * {@code x-subject-token-type}.</li>
 * </ul>
 * Path and query travel as given; {@code sap-client} and the destination's {@code URL.headers} are added by the proxy.
 */
public final class TransparentProxyDispatch implements Dispatch {

    @Override
    public DispatchPlan plan(Destination destination, DestinationOptions options) {
        String name = destination.name();
        refuseWhatTheGatewayCannotTake(name, options);
        List<HttpHeader> headers = new ArrayList<>();
        headers.add(new HttpHeader("X-Destination-Name", name));
        if (options.fragmentName() != null) {
            headers.add(new HttpHeader("X-Fragment-Name", options.fragmentName()));
        }
        if (options.tenant() != null) {
            // shared mode takes exactly one of the two; a tenant ID and a subdomain are told apart as for token URLs
            headers.add(new HttpHeader(SubscriberTokenUrl.isTenantId(options.tenant()) ? "X-Tenant-Id" : "X-Tenant-Subdomain",
                    options.tenant()));
        }
        if (options.subjectToken() != null) {
            headers.add(new HttpHeader("Authorization", "Bearer " + options.subjectToken()));
            if (options.subjectTokenType() != null) {
                headers.add(new HttpHeader("x-subject-token-type", options.subjectTokenType()));
            }
        } else if (options.userToken() != null) {
            headers.add(new HttpHeader("Authorization", "Bearer " + options.userToken()));
        }
        return new DispatchPlan(null, headers, false);
    }

    /** Inputs of the Destination Service's find API the gateway documents no header for: an error, never ignored. */
    private static void refuseWhatTheGatewayCannotTake(String name, DestinationOptions options) {
        String unsupported = options.chainName() != null ? "a destination chain (chainName)"
                : options.refreshToken() != null ? "a refresh token (OAuth2RefreshToken)"
                : options.code() != null ? "an authorization code (OAuth2AuthorizationCode)"
                : options.fragmentOptional() ? "an optional fragment (fragmentOptional)"
                : options.fragmentName() != null && options.fragmentName().indexOf('@') >= 0 ? "a fragment level (f@level)"
                : null;
        if (unsupported != null) {
            throw new DestinationConfigurationException(name, "transparentProxy", "is set, and this request asks for "
                    + unsupported + ", which SAP's Transparent Proxy destination gateway does not take (it accepts"
                    + " X-Destination-Name, X-Fragment-Name, X-Tenant-Id/X-Tenant-Subdomain and the user's token)."
                    + " Drop that option, or reach this destination without the Transparent Proxy.");
        }
    }
}
