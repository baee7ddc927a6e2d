package io.github.camelbtp.sandbox.onpremise.sales;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SAP Gateway's CSRF protection: a token fetched with {@code x-csrf-token: Fetch} is bound to the session whose
 * cookie came with it, and a modifying request must send both. Sessions also authenticate later requests, as an
 * ABAP security session does: a request presenting a session's cookie runs as the user who opened the session,
 * whoever else it claims to be — which is why a client must never hand one user's cookie to another.
 */
final class CsrfSessions {

    static final String COOKIE = "SAP_SESSIONID_SBX_100";
    private static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Owned> sessionsById = new ConcurrentHashMap<>();

    /** A session's CSRF token and the ABAP user it was opened for. */
    private record Owned(String token, String user) {
    }

    /** A session and its CSRF token. */
    record Session(String id, String token, boolean created) {
        @Override
        public String toString() {
            return "Session[created=" + created + "]";
        }
    }

    /** The session of {@code cookieHeader} if it is known, else a new one opened for {@code user}. */
    Session fetch(String cookieHeader, String user) {
        String id = sessionId(cookieHeader);
        Owned known = id == null ? null : sessionsById.get(id);
        if (known != null) {
            return new Session(id, known.token(), false);
        }
        if (sessionsById.size() >= MAX_SESSIONS) {
            sessionsById.clear();
        }
        String newId = randomBase64(24, true);
        String newToken = randomBase64(16, false);
        sessionsById.put(newId, new Owned(newToken, user));
        return new Session(newId, newToken, true);
    }

    /** The user of the session in {@code cookieHeader}, or {@code null} when it names no known session. */
    String user(String cookieHeader) {
        String id = sessionId(cookieHeader);
        Owned known = id == null ? null : sessionsById.get(id);
        return known == null ? null : known.user();
    }

    /** Whether {@code token} is the CSRF token of the session in {@code cookieHeader}. */
    boolean isValid(String cookieHeader, String token) {
        String id = sessionId(cookieHeader);
        Owned known = id == null ? null : sessionsById.get(id);
        String expected = known == null ? null : known.token();
        return expected != null && token != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    static String setCookie(Session session) {
        return COOKIE + "=" + session.id() + "; path=/; HttpOnly";
    }

    private static String sessionId(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String cookie : cookieHeader.split(";")) {
            String trimmed = cookie.trim();
            if (trimmed.startsWith(COOKIE + "=")) {
                return trimmed.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }

    private String randomBase64(int bytes, boolean urlSafe) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return urlSafe ? Base64.getUrlEncoder().withoutPadding().encodeToString(value)
                : Base64.getEncoder().encodeToString(value);
    }
}
