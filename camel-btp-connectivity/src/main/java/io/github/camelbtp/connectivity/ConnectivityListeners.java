package io.github.camelbtp.connectivity;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listeners of one engine, as one {@link ConnectivityListener}: the engine's parts report here, the application
 * adds and removes listeners at any time. A listener that throws is ignored, so observing never fails a request.
 */
final class ConnectivityListeners implements ConnectivityListener {

    private final CopyOnWriteArrayList<ConnectivityListener> listeners = new CopyOnWriteArrayList<>();

    /** @return {@code false} when an equal listener is registered already */
    boolean add(ConnectivityListener listener) {
        return listeners.addIfAbsent(listener);
    }

    boolean remove(ConnectivityListener listener) {
        return listeners.remove(listener);
    }

    @Override
    public void destinationLookup(String destination, String tenant, LookupResult result) {
        tell(l -> l.destinationLookup(destination, tenant, result));
    }

    @Override
    public void tokenRequest(TokenSource source, String destination, BtpConnectivityException failure) {
        tell(l -> l.tokenRequest(source, destination, failure));
    }

    @Override
    public void credentialsRejected(String destination, String authentication, boolean dropped) {
        tell(l -> l.credentialsRejected(destination, authentication, dropped));
    }

    private void tell(Consumer<ConnectivityListener> event) {
        for (ConnectivityListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException ignored) {
                // an observer's bug must not fail the request it observes
            }
        }
    }
}
