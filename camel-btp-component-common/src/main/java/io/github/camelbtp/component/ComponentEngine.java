package io.github.camelbtp.component;

import io.github.camelbtp.connectivity.BtpConnectivity;
import org.apache.camel.support.DefaultComponent;

import java.util.Set;

/**
 * Which engine one component uses, decided when it starts, and what its stop does with it:
 * <ol>
 * <li>a ready-made engine given to the component (by the application, the Spring Boot starter or Camel's autowiring
 * of a single {@link BtpConnectivity} bean) is used and never closed;</li>
 * <li>else, with {@code sharedEngine=false}, an engine of its own is built from its options and closed at its stop;</li>
 * <li>else the context's {@link SharedEngine} is used, built by the first component to start.</li>
 * </ol>
 */
public final class ComponentEngine {

    private final DefaultComponent component;
    private BtpConnectivity engine;
    private boolean own;
    private boolean shared;
    private BtpObservation observation;

    public ComponentEngine(DefaultComponent component) {
        this.component = component;
    }

    /**
     * Picks the engine; call from the component's {@code doStart}.
     *
     * @param readyMade the engine given to the component, or {@code null}
     * @param options   the component's engine options
     */
    public BtpConnectivity start(BtpConnectivity readyMade, EngineOptions options) {
        if (readyMade != null && !SharedEngine.isShared(component.getCamelContext(), readyMade)) {
            engine = readyMade;
        } else if (!options.isSharedEngine()) {
            engine = options.engineBuilder().build();
            own = true;
        } else {
            engine = applicationEngine();
            if (engine == null) {
                engine = SharedEngine.acquire(component, options);
                shared = true;
            }
        }
        observation = BtpObservation.attach(component.getCamelContext(), engine);
        return engine;
    }

    /** The application's single BtpConnectivity bean, when autowiring is on and the registry holds exactly one. */
    private BtpConnectivity applicationEngine() {
        if (!component.isAutowiredEnabled()) {
            return null;
        }
        Set<BtpConnectivity> beans = component.getCamelContext().getRegistry().findByType(BtpConnectivity.class);
        return beans.size() == 1 ? beans.iterator().next() : null;
    }

    /** The engine in use; fails naming the component when it is not started. */
    public BtpConnectivity get() {
        if (engine == null) {
            throw new IllegalStateException("The " + SharedEngine.nameOf(component) + " component is not started");
        }
        return engine;
    }

    /** How the context observes the engine in use (metrics, audit); {@code null} when the component is not started. */
    public BtpObservation observation() {
        return observation;
    }

    /** The engine in use, or {@code null} when the component is not started. */
    public BtpConnectivity current() {
        return engine;
    }

    /** Releases the engine: closes an own one, releases the shared one; a ready-made one is left open. */
    public void stop() {
        if (own && engine != null) {
            // nobody else observes an engine of its own: detached now, not when the context stops
            observation.detach();
            engine.close();
        } else if (shared) {
            SharedEngine.release(component);
        }
        engine = null;
        observation = null;
        own = false;
        shared = false;
    }
}
