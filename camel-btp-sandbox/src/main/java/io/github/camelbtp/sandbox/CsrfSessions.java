package io.github.camelbtp.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SAP Gateway's CSRF protection: a token fetched with {@code x-csrf-token: Fetch} is bound to the session whose
 * cookie came with it, and a modifying request must send both. Sessions also authenticate later requests, as an
 * ABAP logon session does.
 */
final class CsrfSessions {

    static final String COOKIE = "SAP_SESSIONID_SBX_100";
    private static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, String> tokensBySession = new ConcurrentHashMap<>();

    /** A session and its CSRF token. */
    record Session(String id, String token, boolean created) {
        @Override
        public String toString() {
            return "Session[created=" + created + "]";
        }
    }

    /** The session of {@code cookieHeader} if it is known, else a new one. */
    Session fetch(String cookieHeader) {
        String id = sessionId(cookieHeader);
        String token = id == null ? null : tokensBySession.get(id);
        if (token != null) {
            return new Session(id, token, false);
        }
        if (tokensBySession.size() >= MAX_SESSIONS) {
            tokensBySession.clear();
        }
        String newId = randomBase64(24, true);
        String newToken = randomBase64(16, false);
        tokensBySession.put(newId, newToken);
        return new Session(newId, newToken, true);
    }

    boolean isSession(String cookieHeader) {
        String id = sessionId(cookieHeader);
        return id != null && tokensBySession.containsKey(id);
    }

    /** Whether {@code token} is the CSRF token of the session in {@code cookieHeader}. */
    boolean isValid(String cookieHeader, String token) {
        String id = sessionId(cookieHeader);
        String expected = id == null ? null : tokensBySession.get(id);
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
