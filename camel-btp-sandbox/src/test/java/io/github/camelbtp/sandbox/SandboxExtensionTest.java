package io.github.camelbtp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxExtensionTest {

    private static Sandbox ofTheClass;
    private static Sandbox first;

    @BeforeAll
    static void sandboxOfTheClass(Sandbox sandbox) {
        ofTheClass = sandbox;
    }

    @Test
    @Order(1)
    void firstTestChangesCountersAndFaults(Sandbox sandbox) {
        first = sandbox;
        assertThat(sandbox).isSameAs(ofTheClass);
        SandboxClient.get(URI.create(sandbox.cloudApiUri() + "/public/ping"));
        sandbox.faults().destinationServiceDown(true);

        assertThat(sandbox.counters().backendCalls()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void nextTestSeesTheSameSandboxReset(Sandbox sandbox) {
        assertThat(sandbox).isSameAs(first);
        assertThat(sandbox.counters().backendCalls()).isZero();
        assertThat(sandbox.faults().isDestinationServiceDown()).isFalse();
        assertThat(sandbox.backendRequests().size()).isZero();
    }

    @Nested
    class NestedTests {

        /**
         * Compares with the sandbox the enclosing class got in its {@code @BeforeAll}, which JUnit runs before any of
         * the class's tests, nested ones included: it holds whichever test runs first.
         */
        @Test
        void nestedClassSharesTheEnclosingSandbox(Sandbox sandbox) {
            assertThat(ofTheClass).isNotNull();
            assertThat(sandbox).isSameAs(ofTheClass);
            assertThat(first == null || sandbox == first).isTrue();
        }
    }
}
