package io.github.camelbtp.destination.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.CookieStore;

import java.time.Duration;

/**
 * SAP CSRF sessions per identity scope (destination, tenant and the identity the destination logs on as, see
 * {@link io.github.camelbtp.connectivity.ResolvedDestination#identityScope}): the last {@code x-csrf-token} and the
 * cookies of the session it belongs to (SAP binds the token to the session cookie, and the session to its user).
 * Entries idle for 25 minutes are dropped, a little under the default ABAP HTTP session timeout, so a stale token is
 * rarely sent.
 */
public final class CsrfTokenStore {

    /** One identity's CSRF state at one destination; the token is volatile because exchanges share it. */
    public static final class Session {
        final CookieStore cookies = new BasicCookieStore();
        volatile String token;
    }

    private final Cache<String, Session> sessions = Caffeine.newBuilder()
            .executor(Runnable::run) // upkeep on the calling thread: read per request (issue 12)
            .expireAfterAccess(Duration.ofMinutes(25)).maximumSize(10_000).build();

    public Session session(String key) {
        return sessions.get(key, k -> new Session());
    }

    public void clear() {
        sessions.invalidateAll();
    }
}
