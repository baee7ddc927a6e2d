package io.github.camelbtp.connectivity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.camelbtp.connectivity.auth.Authenticator;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The engine's policy for a target's {@code 401} ({@link BtpConnectivity#credentialsRejected}): drop the cached
 * credentials so the next request gets fresh ones, at most once per destination every
 * {@link BtpConnectivity#REJECTION_INTERVAL}, so a target that refuses everything cannot drive a request to the
 * Destination Service for each of its answers. The rejected request itself is never repeated (it may not be idempotent).
 */
final class RejectedCredentials {

    /** The engine's logger, as before this policy had a class of its own: log configurations keep working. */
    private static final Logger LOG = LoggerFactory.getLogger(BtpConnectivity.class);

    /** Destinations whose credentials a target rejected lately. */
    private final Cache<String, Boolean> recent;
    private final Consumer<String> invalidateDestination;
    private final Authenticator authenticator;
    private final ConnectivityListener listener;

    RejectedCredentials(Clock clock, Consumer<String> invalidateDestination, Authenticator authenticator,
            ConnectivityListener listener) {
        this.listener = listener;
        this.recent = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(BtpConnectivity.REJECTION_INTERVAL)
                .ticker(() -> clock.millis() * 1_000_000L).build();
        this.invalidateDestination = invalidateDestination;
        this.authenticator = authenticator;
    }

    /** @return whether cached credentials were dropped */
    boolean rejected(ResolvedDestination resolved, DestinationOptions options) {
        boolean dropped = drop(resolved, options);
        listener.credentialsRejected(resolved.name(), resolved.destination().authentication().name(), dropped);
        return dropped;
    }

    private boolean drop(ResolvedDestination resolved, DestinationOptions options) {
        Destination destination = resolved.destination();
        boolean fromService = DestinationServiceLoader.SOURCE.equals(destination.source());
        boolean clientSideOAuth = destination.authentication().name().startsWith("OAuth2");
        if (!fromService && !clientSideOAuth) {
            return false;
        }
        if (recent.asMap().putIfAbsent(destination.name(), Boolean.TRUE) != null) {
            return false;
        }
        if (fromService) {
            invalidateDestination.accept(destination.name());
        } else if (!authenticator.forgetClientSideToken(destination, options)) {
            return false;
        }
        LOG.info("The target of destination '{}' rejected its credentials (401); the cached {} are dropped so the next"
                + " request gets fresh ones", destination.name(), fromService ? "destination and tokens" : "token");
        return true;
    }
}
