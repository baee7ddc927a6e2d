package io.github.camelbtp.component;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.BtpConnectivityException;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one engine the camel-btp components of a CamelContext share, bound in the Camel registry as
 * {@value #REGISTRY_NAME}: one set of service bindings, one destination cache, one token cache, so a context calling
 * an HTTP and an RFC destination fetches one Destination Service token, not one per component. The first component to
 * start builds it from its {@link EngineOptions}; the others reuse it, and an engine option one of them set to another
 * value fails its start, naming both components and the option (silently ignoring it would send that component's
 * calls with settings it did not ask for). The engine is closed when the last component using it stops.
 */
public final class SharedEngine {

    /** The registry name the shared engine is bound under while a component uses it. */
    public static final String REGISTRY_NAME = "camel-btp-shared-engine";

    private static final Logger LOG = LoggerFactory.getLogger(SharedEngine.class);

    /** Components of different contexts start in parallel; acquiring and releasing is rare, so one lock suffices. */
    private static final Object LOCK = new Object();

    private final BtpConnectivity engine;
    private final EngineOptions options;
    private final String builtBy;
    private final Set<Component> users = Collections.newSetFromMap(new IdentityHashMap<>());

    private SharedEngine(BtpConnectivity engine, EngineOptions options, String builtBy) {
        this.engine = engine;
        this.options = options;
        this.builtBy = builtBy;
    }

    /** The engine. */
    public BtpConnectivity engine() {
        return engine;
    }

    /** Whether {@code engine} is the one shared in {@code context} (Camel's autowiring may have handed it over). */
    static boolean isShared(CamelContext context, BtpConnectivity engine) {
        SharedEngine shared = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, SharedEngine.class);
        return shared != null && shared.engine == engine;
    }

    /**
     * The shared engine of the component's context for {@code component}: built from {@code options} when none is
     * bound yet, else the bound one, provided the options {@code component} set agree with it.
     *
     * @throws BtpConnectivityException naming both components and the options that conflict
     */
    static BtpConnectivity acquire(Component component, EngineOptions options) {
        CamelContext context = component.getCamelContext();
        synchronized (LOCK) {
            SharedEngine shared = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, SharedEngine.class);
            if (shared == null) {
                shared = new SharedEngine(options.engineBuilder().build(), options.copy(), nameOf(component));
                context.getRegistry().bind(REGISTRY_NAME, SharedEngine.class, shared);
                LOG.info("camel-btp engine shared by the components of {}, built by {}: {}", context.getName(),
                        shared.builtBy, shared.engine);
            } else if (!shared.users.contains(component)) {
                shared.requireAgreement(component, options);
            }
            shared.users.add(component);
            return shared.engine;
        }
    }

    /** {@code component} no longer uses the engine; the last user's release closes it and unbinds it. */
    static void release(Component component) {
        CamelContext context = component.getCamelContext();
        synchronized (LOCK) {
            SharedEngine shared = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, SharedEngine.class);
            if (shared == null || !shared.users.remove(component) || !shared.users.isEmpty()) {
                return;
            }
            context.getRegistry().unbind(REGISTRY_NAME);
            shared.engine.close();
        }
    }

    private void requireAgreement(Component component, EngineOptions requested) {
        List<String> conflicts = requested.conflictsWith(options);
        if (conflicts.isEmpty()) {
            return;
        }
        String name = nameOf(component);
        throw new BtpConnectivityException(null, "The camel-btp components " + builtBy + " and " + name + " share one"
                + " engine, but " + name + " sets " + conflicts.stream()
                        .map(option -> option + "=" + requested.shown(option) + " where " + builtBy + " (which built"
                                + " the engine) has " + options.shown(option))
                        .collect(Collectors.joining("; "))
                + ". Set " + (conflicts.size() == 1 ? "this option" : "these options") + " to the same value on both"
                + " components (or on one only), or give " + name + " an engine of its own with sharedEngine=false.");
    }

    /** The component's name in its context ("btp-destination", "btp-rfc" or the name it was added under). */
    static String nameOf(Component component) {
        CamelContext context = component.getCamelContext();
        for (String name : context == null ? List.<String>of() : context.getComponentNames()) {
            if (context.hasComponent(name) == component) {
                return name;
            }
        }
        return component.getClass().getSimpleName();
    }
}
