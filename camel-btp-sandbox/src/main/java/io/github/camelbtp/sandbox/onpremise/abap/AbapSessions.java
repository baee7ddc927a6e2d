package io.github.camelbtp.sandbox.onpremise.abap;

import com.sun.net.httpserver.HttpExchange;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User contexts of the ICF: a request with {@code sap-sessioncmd=open} opens a stateful session ({@code sap-contextid}
 * cookie) in which changes of a BAPI stay pending until {@code BAPI_TRANSACTION_COMMIT}; {@code sap-sessioncmd=close}
 * ends it; a stateless request's pending changes are discarded when it ends, as ABAP discards update tasks without
 * {@code COMMIT WORK}.
 */
final class AbapSessions {

    /** A user context: the changes of BAPIs not yet committed. */
    final class Session {
        private final String user;
        private final List<AbapSalesOrders.Order> pending = new ArrayList<>();

        Session(String user) {
            this.user = user;
        }

        synchronized void pending(AbapSalesOrders.Order order) {
            pending.add(order);
        }

        synchronized void commit() {
            orders.commit(pending);
            pending.clear();
        }

        synchronized void rollback() {
            pending.clear();
        }
    }

    /**
     * The session one request runs in, and what ends it: {@code finish} discards a stateless request's changes and
     * closes a session the request closed; idempotent.
     */
    record Scope(Session session, Runnable finish) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AbapSalesOrders orders;
    private final Map<String, Session> open = new ConcurrentHashMap<>();

    AbapSessions(AbapSalesOrders orders) {
        this.orders = orders;
    }

    int size() {
        return open.size();
    }

    /** The session of a request of {@code user}: its open one, a new stateful one, or a stateless one. */
    Scope enter(HttpExchange exchange, String user, String sessionCommand, String cookiePath) {
        Session session;
        boolean stateful;
        String contextId = cookie(exchange.getRequestHeaders().getFirst("Cookie"), "sap-contextid");
        Session existing = contextId == null ? null : open.get(contextId);
        if (existing != null && existing.user.equals(user)) {
            session = existing;
            stateful = true;
        } else if ("open".equalsIgnoreCase(sessionCommand)) {
            contextId = HexFormat.of().formatHex(randomBytes());
            session = new Session(user);
            open.put(contextId, session);
            exchange.getResponseHeaders().add("Set-Cookie", "sap-contextid=" + contextId + "; path=" + cookiePath
                    + "; HttpOnly");
            stateful = true;
        } else {
            session = new Session(user);
            stateful = false;
        }
        boolean keep = stateful && !"close".equalsIgnoreCase(sessionCommand);
        String context = stateful ? contextId : null;
        return new Scope(session, () -> {
            if (!keep) {
                session.rollback();
                if (context != null) {
                    open.remove(context);
                }
            }
        });
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String cookie(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }
}
