package io.github.camelbtp.sandbox.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth clients the sandbox token service knows. The two binding clients (destination, connectivity) and the
 * demo client of the {@code CloudSalesAPI} destination are registered at start. Thread-safe.
 */
public final class OAuthClients {

    /** The scopes a client gets when none are given. */
    public static final List<String> DEFAULT_SCOPES = List.of("uaa.resource");

    record Client(String clientId, byte[] secret, List<String> scopes) {

        boolean secretMatches(String candidate) {
            return candidate != null && MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Client[" + clientId + ", scopes=" + scopes + "]";
        }
    }

    private final ConcurrentHashMap<String, Client> clients = new ConcurrentHashMap<>();

    OAuthClients() {
    }

    /** Registers (or replaces) a client with the {@link #DEFAULT_SCOPES}. */
    public OAuthClients register(String clientId, String clientSecret) {
        return register(clientId, clientSecret, DEFAULT_SCOPES);
    }

    /** Registers (or replaces) a client whose tokens carry {@code scopes}. */
    public OAuthClients register(String clientId, String clientSecret, Collection<String> scopes) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        clients.put(clientId, new Client(clientId, clientSecret.getBytes(StandardCharsets.UTF_8), List.copyOf(scopes)));
        return this;
    }

    /** Removes a client; its tokens issued earlier stay valid until they expire. */
    public boolean remove(String clientId) {
        return clients.remove(clientId) != null;
    }

    /** Whether {@code clientId} is registered. */
    public boolean contains(String clientId) {
        return clients.containsKey(clientId);
    }

    Optional<Client> byId(String clientId) {
        return Optional.ofNullable(clientId == null ? null : clients.get(clientId));
    }

    Optional<Client> authenticate(String clientId, String clientSecret) {
        Client client = clientId == null ? null : clients.get(clientId);
        return client != null && client.secretMatches(clientSecret) ? Optional.of(client) : Optional.empty();
    }

    @Override
    public String toString() {
        return "OAuthClients" + clients.keySet();
    }
}
