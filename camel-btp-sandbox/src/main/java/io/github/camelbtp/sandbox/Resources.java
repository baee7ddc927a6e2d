package io.github.camelbtp.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a sandbox owns — servers, endpoints, executors — closed once, in the reverse order they were opened, so a
 * server stops before what it uses. A failure to close one is logged and does not keep the others open.
 */
final class Resources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

    private final List<AutoCloseable> owned = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    <T extends AutoCloseable> T own(T resource) {
        synchronized (owned) {
            owned.add(resource);
        }
        return resource;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<AutoCloseable> all;
        synchronized (owned) {
            all = List.copyOf(owned);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                all.get(i).close();
            } catch (Exception e) {
                LOG.debug("closing a sandbox resource failed: {}", e.toString());
            }
        }
    }
}
