package io.github.camelbtp.sandbox.observe;

import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the sandbox has served since start or the last {@link #reset()}. Tests use these to prove caching
 * ("one destination lookup for a hundred calls") and routing ("the call went through the proxy").
 * Thread-safe; counting costs a {@link LongAdder} increment.
 */
public final class Counters {

    private final LongAdder destinationLookups = new LongAdder();
    private final LongAdder tokenGrants = new LongAdder();
    private final Map<String, LongAdder> tokenGrantsByClient = new ConcurrentHashMap<>();
    private final LongAdder proxiedCalls = new LongAdder();
    private final LongAdder backendCalls = new LongAdder();
    private final LongAdder csrfFetches = new LongAdder();

    public Counters() {
    }

    /** Calls of the Destination Service find API ({@code GET …/v1/destinations/{name}}), whatever the answer. */
    public long destinationLookups() {
        return destinationLookups.sum();
    }

    /** Access tokens issued by the token service ({@code POST …/oauth/token} answered 200). */
    public long tokenGrants() {
        return tokenGrants.sum();
    }

    /**
     * Access tokens issued to one OAuth client, for example {@link DemoDestinations#CONNECTIVITY_CLIENT_ID}: proves
     * which service's token a flow asked for (or did not).
     */
    public long tokenGrants(String clientId) {
        LongAdder grants = tokenGrantsByClient.get(clientId);
        return grants == null ? 0 : grants.sum();
    }

    /** Requests the connectivity proxy forwarded to an internal system (denied requests are not counted). */
    public long proxiedCalls() {
        return proxiedCalls.sum();
    }

    /** Requests that arrived at a demo backend: the on-premise sales service and the cloud API. */
    public long backendCalls() {
        return backendCalls.sum();
    }

    /** CSRF tokens handed out by the sales service ({@code x-csrf-token: Fetch}). */
    public long csrfFetches() {
        return csrfFetches.sum();
    }

    /** Sets every counter back to zero. */
    public void reset() {
        destinationLookups.reset();
        tokenGrants.reset();
        tokenGrantsByClient.clear();
        proxiedCalls.reset();
        backendCalls.reset();
        csrfFetches.reset();
    }

    public void destinationLookup() {
        destinationLookups.increment();
    }

    public void tokenGrant(String clientId) {
        tokenGrants.increment();
        tokenGrantsByClient.computeIfAbsent(clientId, id -> new LongAdder()).increment();
    }

    public void proxiedCall() {
        proxiedCalls.increment();
    }

    public void backendCall() {
        backendCalls.increment();
    }

    public void csrfFetch() {
        csrfFetches.increment();
    }

    @Override
    public String toString() {
        return "Counters[destinationLookups=" + destinationLookups() + ", tokenGrants=" + tokenGrants()
                + ", proxiedCalls=" + proxiedCalls() + ", backendCalls=" + backendCalls()
                + ", csrfFetches=" + csrfFetches() + "]";
    }
}
