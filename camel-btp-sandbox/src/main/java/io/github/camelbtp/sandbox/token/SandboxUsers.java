package io.github.camelbtp.sandbox.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox identity provider's users and the per-user artefacts its token service hands out: passwords (for the
 * password grant), refresh tokens and one-time authorization codes (with PKCE). Thread-safe.
 */
public final class SandboxUsers {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A refresh token or code: whose, for which client. */
    record Grant(String user, String clientId, String redirectUri, String codeChallenge) {
    }

    private final ConcurrentHashMap<String, byte[]> passwords = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Grant> codes = new ConcurrentHashMap<>();

    SandboxUsers() {
    }

    /** Registers (or replaces) a user who may log on with the password grant. */
    public SandboxUsers register(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        passwords.put(user, password.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    boolean authenticate(String user, String password) {
        byte[] known = user == null ? null : passwords.get(user);
        return known != null && password != null && MessageDigest.isEqual(known, password.getBytes(StandardCharsets.UTF_8));
    }

    String newRefreshToken(String user, String clientId) {
        String token = random() + "-r";
        refreshTokens.put(token, new Grant(user, clientId, null, null));
        return token;
    }

    Optional<Grant> refreshToken(String token) {
        return Optional.ofNullable(token == null ? null : refreshTokens.get(token));
    }

    String newCode(String user, String clientId, String redirectUri, String codeChallenge) {
        String code = random().substring(0, 10);
        codes.put(code, new Grant(user, clientId, redirectUri, codeChallenge));
        return code;
    }

    /** Codes are one-time (RFC 6749 §4.1.2): taking one removes it. */
    Optional<Grant> takeCode(String code) {
        return Optional.ofNullable(code == null ? null : codes.remove(code));
    }

    /** RFC 7636 S256: BASE64URL(SHA256(verifier)). */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "SandboxUsers" + passwords.keySet();
    }
}
