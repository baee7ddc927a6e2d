package io.github.camelbtp.sandbox;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one {@link Sandbox} per test class, started before the class's tests and closed after
 * them; before each test its counters, faults and recorded requests are reset ({@link Sandbox#reset()}).
 * Parameters of type {@link Sandbox} are resolved in constructors, {@code @BeforeAll}/{@code @BeforeEach}
 * methods and test methods. {@code @Nested} classes share the sandbox of their enclosing class.
 *
 * <pre>{@code
 * @ExtendWith(SandboxExtension.class)
 * class OrderRouteTest {
 *     @Test
 *     void readsOrders(Sandbox sandbox) { ... }
 * }
 *
 * class OtherTest {
 *     @RegisterExtension
 *     static final SandboxExtension SANDBOX = new SandboxExtension();
 *
 *     @Test
 *     void usesField() { SANDBOX.sandbox().counters(); }
 * }
 * }</pre>
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);
    /** Per extension instance, so a test class may register several (each starts and closes its own sandbox). */
    private final String key = "sandbox-" + System.identityHashCode(this);

    private final Supplier<Sandbox> factory;
    private volatile Sandbox current;

    /** An extension that starts sandboxes with {@link Sandbox#start()}. */
    public SandboxExtension() {
        this(Sandbox::start);
    }

    /** An extension that starts sandboxes with {@code builder} (for example a short token lifetime). */
    public SandboxExtension(Sandbox.Builder builder) {
        this(Objects.requireNonNull(builder, "builder")::build);
    }

    private SandboxExtension(Supplier<Sandbox> factory) {
        this.factory = factory;
    }

    /**
     * The sandbox of the running test class.
     *
     * @throws IllegalStateException outside a test class run
     */
    public Sandbox sandbox() {
        Sandbox sandbox = current;
        if (sandbox == null) {
            throw new IllegalStateException("no sandbox: SandboxExtension starts it before the test class runs");
        }
        return sandbox;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        current = obtain(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        obtain(context).reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // only the class that started the sandbox closes it; nested classes found it in a parent's store
        Sandbox owned = context.getStore(NAMESPACE).remove(key, Sandbox.class);
        if (owned != null) {
            owned.close();
            if (current == owned) {
                current = null;
            }
        } else {
            context.getParent().ifPresent(parent -> {
                Sandbox outer = parent.getStore(NAMESPACE).get(key, Sandbox.class);
                if (outer != null) {
                    current = outer;
                }
            });
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Sandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return obtain(extensionContext);
    }

    /** The sandbox visible from {@code context} (its own or an ancestor's); started in the class context if none. */
    private Sandbox obtain(ExtensionContext context) {
        Sandbox visible = context.getStore(NAMESPACE).get(key, Sandbox.class);
        if (visible != null) {
            return visible;
        }
        // with @TestInstance(PER_CLASS) the constructor is resolved before beforeAll runs
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> factory.get(), Sandbox.class);
    }
}
